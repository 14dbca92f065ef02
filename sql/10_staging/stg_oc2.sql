-- One row per child and collection year in the 903 OC2 return (looked after continuously for
-- 12 months at 31 March of collection_year), typed; flags 0/1 as booleans, blank as NULL.
with source as (
    select r.* from vn_oc2 r  -- typed once by validation
    anti join (select _file, _row from dq_excluded where table_name = 'oc2') as x
        on x._file = r._file and x._row = r._row
),
final as (
    select
        CHILD as child,
        cast(COLLECTION_YEAR as integer) as collection_year,
        DOB as dob,
        try_cast(SDQ_SCORE as integer) as sdq_score,
        SDQ_REASON as sdq_reason,
        CONVICTED = '1' as convicted,
        HEALTH_CHECK = '1' as health_check,
        IMMUNISATIONS = '1' as immunisations,
        TEETH_CHECK = '1' as teeth_check,
        HEALTH_ASSESSMENT = '1' as health_assessment,
        SUBSTANCE_MISUSE = '1' as substance_misuse,
        INTERVENTION_RECEIVED = '1' as intervention_received,
        INTERVENTION_OFFERED = '1' as intervention_offered,
        _file, _row
    from source
)
select * from final
