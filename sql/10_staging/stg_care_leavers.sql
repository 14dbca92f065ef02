-- One row per care-leaver contact (blank CONTACT_DATE: a care leaver with no contact yet).
with source as (
    select r.* from raw_care_leavers r
    where not exists (
        select 1 from dq_excluded x
        where x.table_name = 'care_leavers' and x._file = r._file and x._row = r._row
    )
),
final as (
    select
        CHILD as child,
        parse_date(DOB) as dob,
        parse_date(CONTACT_DATE) as contact_date,
        norm_code(IN_TOUCH) as in_touch,
        norm_code(ACTIV) as activ,
        norm_code(ACCOM) as accom,
        _file, _row
    from source
)
select * from final
