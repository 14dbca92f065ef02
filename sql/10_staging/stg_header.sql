-- One row per child in the header file(s), typed; quarantined and duplicate rows left out.
with source as (
    select r.* from vn_header r  -- typed once by validation
    anti join (select _file, _row from dq_excluded where table_name = 'header') as x
        on x._file = r._file and x._row = r._row
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
