-- One row per Strengths and Difficulties Questionnaire score (0-40), typed.
with source as (
    select r.* from vn_sdq r  -- typed once by validation
    anti join (select _file, _row from dq_excluded where table_name = 'sdq') as x
        on x._file = r._file and x._row = r._row
),
final as (
    select
        CHILD as child,
        SDQ_DATE as sdq_date,
        try_cast(SDQ_SCORE as INTEGER) as sdq_score,
        _file, _row
    from source
)
select * from final
