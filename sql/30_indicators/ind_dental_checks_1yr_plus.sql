-- indicator_id: dental_checks_1yr_plus
-- ref: 7
-- title: % of children looked after for 12 months or more with a dental check in the last year
-- plain: Of children looked after for at least 12 months, the share who had a dental check in the
--   last year.
--   At the year end (Q4), when no dental extract is supplied, the figure is the one in the
--   903 return (OC2).
-- unit: percent
-- polarity: high
-- grain: one row per quarter end
-- cohort: children looked after on E, continuously for 12 months (current period start
--   <= E - 12 months: CLA 1yr+)
-- numerator: cohort children with a dental check dated in the rolling year (E - 12 months, E]
-- denominator: the cohort
-- sources: int_looked_after_on_quarter_end, stg_dental_checks, int_extracts_supplied, int_annual_return_figures
-- caveats: empty when the dental extract was not supplied;
--   at Q4, when the dental extract was not supplied, the value comes from the 903 return's OC2
--   for the collection year ending on E (TEETH_CHECK = 1; table int_annual_return_figures);
--   other quarters stay empty
with cohort as (
    select looked_after.period, looked_after.child, windows.quarter_end,
        windows.rolling_year_after
    from int_looked_after_on_quarter_end as looked_after
    join int_quarter_windows as windows using (period)
    where looked_after.is_cla_1yr_plus
),
qualifying as (
    select distinct cohort.period, cohort.child
    from cohort
    join stg_dental_checks as checks
        on checks.child = cohort.child
        and checks.check_date > cohort.rolling_year_after
        and checks.check_date <= cohort.quarter_end
),
per_quarter as (
    select
        cohort.period,
        count(*) filter (where qualifying.child is not null) as numerator,
        count(*) as denominator
    from cohort
    left join qualifying using (period, child)
    group by cohort.period
),
final as (
    select
        windows.period,
        windows.quarter_end,
        case when supplied.has_dental_checks then coalesce(per_quarter.numerator, 0)
            else annual.numerator end
            as numerator,
        case when supplied.has_dental_checks then coalesce(per_quarter.denominator, 0)
            else annual.denominator end
            as denominator
    from int_quarter_windows as windows
    cross join int_extracts_supplied as supplied
    left join per_quarter on per_quarter.period = windows.period
    left join int_annual_return_figures as annual
        on annual.period = windows.period and annual.indicator_id = 'dental_checks_1yr_plus'
)
select * from final
