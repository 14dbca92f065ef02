-- One row per initial (IHA) or review (RHA) health assessment, typed.
with source as (
    select r.* from raw_health_assessments r
    where not exists (
        select 1 from dq_excluded x
        where x.table_name = 'health_assessments' and x._file = r._file and x._row = r._row
    )
),
final as (
    select
        CHILD as child,
        norm_code(ASSESSMENT_TYPE) as assessment_type,
        parse_date(DUE_DATE) as due_date,
        parse_date(COMPLETED_DATE) as completed_date,
        norm_code(CONSENT_REFUSED) as consent_refused,
        _file, _row
    from source
)
select * from final
