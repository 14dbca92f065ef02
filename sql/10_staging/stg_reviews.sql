-- One row per review held, typed; quarantined and duplicate rows left out.
with source as (
    select r.* from vn_reviews r  -- typed once by validation
    where not exists (
        select 1 from dq_excluded x
        where x.table_name = 'reviews' and x._file = r._file and x._row = r._row
    )
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
