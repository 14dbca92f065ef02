-- One row per care leaver and collection year in the 903 OC3 return (17th-21st birthday in
-- collection_year), typed.
with source as (
    select r.* from vn_oc3 r  -- typed once by validation
    anti join (select _file, _row from dq_excluded where table_name = 'oc3') as x
        on x._file = r._file and x._row = r._row
),
final as (
    select
        CHILD as child,
        cast(COLLECTION_YEAR as integer) as collection_year,
        DOB as dob,
        IN_TOUCH as in_touch,
        ACTIV as activ,
        ACCOM as accom,
        _file, _row
    from source
)
select * from final
