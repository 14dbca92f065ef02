-- One row per 903 episode, typed; quarantined and duplicate rows left out.
-- Short breaks (LS V3/V4) are kept here and flagged; int_episodes removes them.
with source as (
    select r.* from vn_episodes r  -- typed once by validation
    anti join (select _file, _row from dq_excluded where table_name = 'episodes') as x
        on x._file = r._file and x._row = r._row
),
final as (
    select
        CHILD as child,
        DECOM as decom,
        RNE as rne,
        LS as ls,
        CIN as cin,
        PLACE as place,
        PLACE_PROVIDER as place_provider,
        DEC as dec,
        REC as rec,
        REASON_PLACE_CHANGE as reason_place_change,
        HOME_POST as home_post,
        PL_POST as pl_post,
        URN as urn,
        LS in ('V3', 'V4') as is_short_break,
        _file, _row
    from source
)
select * from final
