-- One row per child who was ever UASC; DUC = date UASC status ceased (blank: still UASC).
with source as (
    select r.* from vn_uasc r  -- typed once by validation
    anti join (select _file, _row from dq_excluded where table_name = 'uasc') as x
        on x._file = r._file and x._row = r._row
),
final as (
    select
        CHILD as child,
        SEX as sex,
        DOB as dob,
        DUC as duc,
        _file, _row
    from source
)
select * from final
