-- One row per deprivation-of-liberty order (903 DoLo, 2026-27 on), typed.
with source as (
    select r.* from vn_dolo r  -- typed once by validation
    where not exists (
        select 1 from dq_excluded x
        where x.table_name = 'dolo' and x._file = r._file and x._row = r._row
    )
),
final as (
    select
        CHILD as child,
        DOB as dob,
        DOLO_START as dolo_start,
        DOLO_END as dolo_end,
        _file, _row
    from source
)
select * from final
