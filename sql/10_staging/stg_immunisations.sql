-- One row per immunisation status recorded (UP_TO_DATE Y/N on RECORD_DATE), typed.
with source as (
    select r.* from vn_immunisations r  -- typed once by validation
    anti join (select _file, _row from dq_excluded where table_name = 'immunisations') as x
        on x._file = r._file and x._row = r._row
),
final as (
    select
        CHILD as child,
        RECORD_DATE as record_date,
        UP_TO_DATE as up_to_date,
        _file, _row
    from source
)
select * from final
