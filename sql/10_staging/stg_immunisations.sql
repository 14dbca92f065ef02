-- One row per immunisation status recorded (UP_TO_DATE Y/N on RECORD_DATE), typed.
with source as (
    select r.* from raw_immunisations r
    where not exists (
        select 1 from dq_excluded x
        where x.table_name = 'immunisations' and x._file = r._file and x._row = r._row
    )
),
final as (
    select
        CHILD as child,
        parse_date(RECORD_DATE) as record_date,
        norm_code(UP_TO_DATE) as up_to_date,
        _file, _row
    from source
)
select * from final
