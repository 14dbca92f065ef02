-- One row per missing (M) or away-without-authorisation (A) episode, typed.
with source as (
    select r.* from vn_missing r  -- typed once by validation
    where not exists (
        select 1 from dq_excluded x
        where x.table_name = 'missing' and x._file = r._file and x._row = r._row
    )
),
final as (
    select
        CHILD as child,
        MISSING as missing,
        MIS_START as mis_start,
        MIS_END as mis_end,
        _file, _row
    from source
)
select * from final
