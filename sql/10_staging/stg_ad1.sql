-- One row per adopted child (903 AD1), typed.
with source as (
    select r.* from vn_ad1 r  -- typed once by validation
    anti join (select _file, _row from dq_excluded where table_name = 'ad1') as x
        on x._file = r._file and x._row = r._row
),
final as (
    select
        CHILD as child,
        DOB as dob,
        DATE_INT as date_int,
        DATE_MATCH as date_match,
        FOSTER_CARE as foster_care,
        NB_ADOPTR as nb_adoptr,
        SEX_ADOPTR as sex_adoptr,
        LS_ADOPTR as ls_adoptr,
        _file, _row
    from source
)
select * from final
