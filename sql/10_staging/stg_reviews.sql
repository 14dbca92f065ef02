-- One row per review held, typed; quarantined and duplicate rows left out.
with source as (
    select r.* from vn_reviews r  -- typed once by validation
    anti join (select _file, _row from dq_excluded where table_name = 'reviews') as x
        on x._file = r._file and x._row = r._row
),
final as (
    select
        CHILD as child,
        DOB as dob,
        REVIEW as review,
        REVIEW_CODE as review_code,
        _file, _row
    from source
)
select * from final
