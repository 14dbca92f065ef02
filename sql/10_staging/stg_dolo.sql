-- One row per deprivation-of-liberty order (903 DoLo, 2026-27 on), typed.
with source as (
    select r.* from vn_dolo r  -- typed once by validation
    anti join (select _file, _row from dq_excluded where table_name = 'dolo') as x
        on x._file = r._file and x._row = r._row
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
