-- indicator_id: average_sdq_score
-- ref: 15
-- title: Average SDQ score of children looked after aged 4 to 16
-- plain: The average Strengths and Difficulties Questionnaire score of children aged 4 to 16 who
--   have had one in the last year (0 to 40; 17 or more is a cause for concern).
--   At the year end (Q4), when no SDQ extract is supplied, the figure is the one in the
--   903 return (OC2).
-- unit: score
-- polarity: low
-- grain: one row per quarter end
-- cohort: children counted in indicator 14's numerator (aged 4-16 on E, SDQ in the rolling
--   year)
-- numerator: sum of each child's latest SDQ score in the rolling year
-- denominator: the number of those children; value = mean score
-- sources: int_sdq_on_quarter_end, int_extracts_supplied, int_annual_return_figures
-- caveats: a lower score is better (0-40; 17+ is a concern);
--   at Q4, when the SDQ extract was not supplied, the value comes from the 903 return's OC2
--   for the collection year ending on E (mean SDQ_SCORE of those scored, aged 4-16 on E; table
--   int_annual_return_figures); other quarters stay empty
with scored as (
    select * from int_sdq_on_quarter_end where has_sdq_in_year
),
per_quarter as (
    select period, sum(latest_sdq_score) as numerator, count(*) as denominator
    from scored
    group by period
),
final as (
    select
        windows.period,
        windows.quarter_end,
        case when supplied.has_sdq then coalesce(per_quarter.numerator, 0)
            else annual.numerator end as numerator,
        case when supplied.has_sdq then coalesce(per_quarter.denominator, 0)
            else annual.denominator end as denominator
    from int_quarter_windows as windows
    cross join int_extracts_supplied as supplied
    left join per_quarter on per_quarter.period = windows.period
    left join int_annual_return_figures as annual
        on annual.period = windows.period and annual.indicator_id = 'average_sdq_score'
)
select * from final
