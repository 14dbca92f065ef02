-- One row per initial (IHA) or review (RHA) health assessment, typed.
with source as (
    select r.* from vn_health_assessments r  -- typed once by validation
    anti join (select _file, _row from dq_excluded where table_name = 'health_assessments') as x
        on x._file = r._file and x._row = r._row
),
final as (
    select
        CHILD as child,
        ASSESSMENT_TYPE as assessment_type,
        DUE_DATE as due_date,
        COMPLETED_DATE as completed_date,
        CONSENT_REFUSED as consent_refused,
        _file, _row
    from source
)
select * from final
