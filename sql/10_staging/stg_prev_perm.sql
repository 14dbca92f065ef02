-- One row per child: permanence before entering care (903 previous permanence); DATE_PERM
-- kept as text (the DfE allows ZZ for unknown parts).
with source as (
    select r.* from vn_prev_perm r  -- typed once by validation
    anti join (select _file, _row from dq_excluded where table_name = 'prev_perm') as x
        on x._file = r._file and x._row = r._row
),
final as (
    select
        CHILD as child,
        DOB as dob,
        PREV_PERM as prev_perm,
        LA_PERM as la_perm,
        DATE_PERM as date_perm,
        _file, _row
    from source
)
select * from final
