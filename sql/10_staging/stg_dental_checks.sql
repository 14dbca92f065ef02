-- One row per dental check done, typed.
with source as (
    select r.* from vn_dental_checks r  -- typed once by validation
    anti join (select _file, _row from dq_excluded where table_name = 'dental_checks') as x
        on x._file = r._file and x._row = r._row
),
final as (
    select CHILD as child, CHECK_DATE as check_date, _file, _row
    from source
)
select * from final
