-- indicator_id: iha_within_28_days_ytd
-- ref: 16
-- title: % of children starting care in the year with an initial health assessment within
--   28 days
-- plain: Of children who started to be looked after since 1 April, the share whose initial health
--   assessment was within 28 days.
-- unit: percent
-- polarity: high
-- grain: one row per quarter end
-- cohort: periods of care that started in [S, E - 28 days] whose end is blank or later than
--   start + 28 days
-- numerator: cohort periods with an IHA for the child with COMPLETED_DATE in
--   [start, start + 28 days]
-- denominator: the cohort (periods, so a child may count twice)
-- sources: int_periods_of_care, stg_health_assessments, int_extracts_supplied
-- caveats: empty when the health extract was not supplied
with cohort as (
    select windows.period, periods.child, periods.period_seq, periods.period_start
    from int_quarter_windows as windows
    join int_periods_of_care as periods
        on periods.period_start between windows.fy_start and windows.days_28_back
        and coalesce(periods.period_end, date '9999-12-31') > periods.period_start + 28
),
qualifying as (
    select distinct cohort.period, cohort.child, cohort.period_seq
    from cohort
    join stg_health_assessments as assessments
        on assessments.child = cohort.child
        and assessments.assessment_type = 'IHA'
        and assessments.completed_date between cohort.period_start and cohort.period_start + 28
),
per_quarter as (
    select
        cohort.period,
        count(*) filter (where qualifying.child is not null) as numerator,
        count(*) as denominator
    from cohort
    left join qualifying using (period, child, period_seq)
    group by cohort.period
),
final as (
    select
        windows.period,
        windows.quarter_end,
        case when supplied.has_health_assessments then coalesce(per_quarter.numerator, 0) end
            as numerator,
        case when supplied.has_health_assessments then coalesce(per_quarter.denominator, 0) end
            as denominator
    from int_quarter_windows as windows
    cross join int_extracts_supplied as supplied
    left join per_quarter on per_quarter.period = windows.period
)
select * from final
