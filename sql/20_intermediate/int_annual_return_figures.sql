-- One row per indicator and Q4 quarter end E (31 March) for which an OC2 or OC3 file of the
-- collection year ending at E was supplied: the annual figure from the 903 return itself
-- (indicators.md "Annual figures from the 903 return itself").
-- OC2 cohort: OC2 rows of children who are CLA 1yr+ on E; 7 TEETH_CHECK = 1, 8 HEALTH_CHECK =
-- 1, 13 IMMUNISATIONS = 1; 14: the cohort aged 4-16 on E, numerator SDQ_SCORE given; 15: 14's
-- numerator, numerator = sum of SDQ_SCORE. OC3 cohort: OC3 rows whose 19th, 20th or 21st
-- birthday falls in the collection year; 5 IN_TOUCH = YES and ACCOM suitable, 6 IN_TOUCH =
-- YES and ACTIV NEET.
-- dated_supplied: the dated extract the figure stands in for was supplied; then the dated
-- value is published and this row is shown beside it for reconciliation (used = false).
with q4 as (
    select period, quarter_end, fy_start
    from int_quarter_windows
    where month(quarter_end) = 3 and day(quarter_end) = 31
),
oc2_years as (
    select q4.*, string_agg(distinct oc2._file, ', ' order by oc2._file) as source_file
    from q4
    join stg_oc2 as oc2 on oc2.collection_year = year(q4.quarter_end)
    group by all
),
oc3_years as (
    select q4.*, string_agg(distinct oc3._file, ', ' order by oc3._file) as source_file
    from q4
    join stg_oc3 as oc3 on oc3.collection_year = year(q4.quarter_end)
    group by all
),
oc2_cohort as (
    select
        oc2_years.period,
        oc2.*,
        looked_after.age between 4 and 16 as is_aged_4_16
    from oc2_years
    join stg_oc2 as oc2 on oc2.collection_year = year(oc2_years.quarter_end)
    join int_looked_after_on_quarter_end as looked_after
        on looked_after.period = oc2_years.period
        and looked_after.child = oc2.child
        and looked_after.is_cla_1yr_plus
),
oc2_counts as (
    select
        oc2_years.period,
        oc2_years.source_file,
        count(oc2_cohort.child) as cohort,
        count(*) filter (where oc2_cohort.teeth_check) as teeth,
        count(*) filter (where oc2_cohort.health_check) as health,
        count(*) filter (where oc2_cohort.immunisations) as immunised,
        count(*) filter (where oc2_cohort.is_aged_4_16) as aged_4_16,
        count(*) filter (where oc2_cohort.is_aged_4_16 and oc2_cohort.sdq_score is not null)
            as scored,
        coalesce(sum(oc2_cohort.sdq_score) filter (where oc2_cohort.is_aged_4_16), 0)
            as score_sum
    from oc2_years
    left join oc2_cohort using (period)
    group by all
),
oc3_cohort as (
    select
        oc3_years.period,
        oc3.child,
        oc3.in_touch,
        coalesce(accom_codes.suitable = 'Y', false) as is_suitable,
        coalesce(activ_codes.neet = 'Y', false) as is_neet
    from oc3_years
    join stg_oc3 as oc3 on oc3.collection_year = year(oc3_years.quarter_end)
    left join stg_header as header on header.child = oc3.child
    left join (select distinct code, suitable from codes_accom) as accom_codes
        on accom_codes.code = oc3.accom
    left join (select distinct code, neet from codes_activ) as activ_codes
        on activ_codes.code = oc3.activ
    where exists (
        select 1 from (values (19), (20), (21)) as ages(age_reached)
        where birthday_at_age(coalesce(oc3.dob, header.dob), ages.age_reached)
            between oc3_years.fy_start and oc3_years.quarter_end
    )
),
oc3_counts as (
    select
        oc3_years.period,
        oc3_years.source_file,
        count(oc3_cohort.child) as cohort,
        count(*) filter (where oc3_cohort.in_touch = 'YES' and oc3_cohort.is_suitable)
            as suitable,
        count(*) filter (where oc3_cohort.in_touch = 'YES' and oc3_cohort.is_neet) as neet
    from oc3_years
    left join oc3_cohort using (period)
    group by all
),
figures as (
    select period, source_file, 'OC2' as source, 'dental_checks_1yr_plus' as indicator_id,
        'percent' as unit, teeth as numerator, cohort as denominator
    from oc2_counts
    union all
    select period, source_file, 'OC2', 'health_checks_1yr_plus', 'percent', health, cohort
    from oc2_counts
    union all
    select period, source_file, 'OC2', 'immunisations_up_to_date_1yr_plus', 'percent',
        immunised, cohort
    from oc2_counts
    union all
    select period, source_file, 'OC2', 'sdq_up_to_date_4_16', 'percent', scored, aged_4_16
    from oc2_counts
    union all
    select period, source_file, 'OC2', 'average_sdq_score', 'score', score_sum, scored
    from oc2_counts
    union all
    select period, source_file, 'OC3', 'care_leavers_suitable_accommodation_19_21', 'percent',
        suitable, cohort
    from oc3_counts
    union all
    select period, source_file, 'OC3', 'care_leavers_neet_19_21', 'percent', neet, cohort
    from oc3_counts
),
final as (
    select
        figures.indicator_id,
        figures.period,
        figures.numerator,
        figures.denominator,
        case
            when figures.denominator = 0 then null
            when figures.unit = 'percent' then figures.numerator * 100.0 / figures.denominator
            else figures.numerator * 1.0 / figures.denominator
        end as value,
        figures.source,
        figures.source_file,
        case figures.indicator_id
            when 'dental_checks_1yr_plus' then supplied.has_dental_checks
            when 'health_checks_1yr_plus' then supplied.has_health_assessments
            when 'immunisations_up_to_date_1yr_plus' then supplied.has_immunisations
            when 'sdq_up_to_date_4_16' then supplied.has_sdq
            when 'average_sdq_score' then supplied.has_sdq
            else supplied.has_care_leavers
        end as dated_supplied,
        not dated_supplied as used
    from figures
    cross join int_extracts_supplied as supplied
)
select * from final
