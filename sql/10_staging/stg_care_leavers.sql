-- One row per care-leaver contact (blank CONTACT_DATE: a care leaver with no contact yet).
with source as (
    select r.* from vn_care_leavers r  -- typed once by validation
    where not exists (
        select 1 from dq_excluded x
        where x.table_name = 'care_leavers' and x._file = r._file and x._row = r._row
    )
),
final as (
    select
        CHILD as child,
        DOB as dob,
        CONTACT_DATE as contact_date,
        IN_TOUCH as in_touch,
        ACTIV as activ,
        ACCOM as accom,
        _file, _row
    from source
)
select * from final
