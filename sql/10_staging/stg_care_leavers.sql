-- One row per care-leaver contact (blank CONTACT_DATE: a care leaver with no contact yet).
with source as (
    select r.* from vn_care_leavers r  -- typed once by validation
    anti join (select _file, _row from dq_excluded where table_name = 'care_leavers') as x
        on x._file = r._file and x._row = r._row
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
