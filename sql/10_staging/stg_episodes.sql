-- One row per 903 episode, typed; quarantined and duplicate rows left out.
-- Short breaks (LS V3/V4) are kept here and flagged; int_episodes removes them.
with source as (
    select r.* from raw_episodes r
    where not exists (
        select 1 from dq_excluded x
        where x.table_name = 'episodes' and x._file = r._file and x._row = r._row
    )
),
final as (
    select
        CHILD as child,
        parse_date(DECOM) as decom,
        norm_code(RNE) as rne,
        norm_code(LS) as ls,
        norm_code(CIN) as cin,
        norm_code(PLACE) as place,
        norm_code(PLACE_PROVIDER) as place_provider,
        parse_date(DEC) as dec,
        norm_code(REC) as rec,
        norm_code(REASON_PLACE_CHANGE) as reason_place_change,
        HOME_POST as home_post,
        PL_POST as pl_post,
        URN as urn,
        norm_code(LS) in ('V3', 'V4') as is_short_break,
        _file, _row
    from source
)
select * from final
