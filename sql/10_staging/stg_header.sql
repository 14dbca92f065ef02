-- One row per child in the header file(s), typed; quarantined and duplicate rows left out.
with source as (
    select r.* from vn_header r  -- typed once by validation
    where not exists (
        select 1 from dq_excluded x
        where x.table_name = 'header' and x._file = r._file and x._row = r._row
    )
),
final as (
    select
        CHILD as child,
        SEX as sex,
        DOB as dob,
        ETHNIC as ethnic,
        UPN as upn,
        MOTHER as mother,
        MC_DOB as mc_dob,
        _file, _row
    from source
)
select * from final
