-- One row per decision to place for adoption (903 PlacedAdoption), typed.
with source as (
    select r.* from vn_placed_adoption r  -- typed once by validation
    anti join (select _file, _row from dq_excluded where table_name = 'placed_adoption') as x
        on x._file = r._file and x._row = r._row
),
final as (
    select
        CHILD as child,
        DOB as dob,
        DATE_PLACED as date_placed,
        DATE_PLACED_CEASED as date_placed_ceased,
        norm_code(REASON_PLACED_CEASED) as reason_placed_ceased,
        _file, _row
    from source
)
select * from final
