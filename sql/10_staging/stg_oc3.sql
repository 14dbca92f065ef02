-- One row per care leaver and collection year in the 903 OC3 return (17th-21st birthday in
-- collection_year), typed.
with source as (
    select r.* from vn_oc3 r  -- typed once by validation
    where not exists (
        select 1 from dq_excluded x
        where x.table_name = 'oc3' and x._file = r._file and x._row = r._row
    )
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
