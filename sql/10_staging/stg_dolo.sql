-- One row per deprivation-of-liberty order (903 DoLo, 2026-27 on), typed.
with source as (
    select r.* from raw_dolo r
    where not exists (
        select 1 from dq_excluded x
        where x.table_name = 'dolo' and x._file = r._file and x._row = r._row
    )
),
final as (
    select
        CHILD as child,
        parse_date(DOB) as dob,
        parse_date(DOLO_START) as dolo_start,
        parse_date(DOLO_END) as dolo_end,
        _file, _row
    from source
)
select * from final
