-- indicator_id: average_sdq_score
-- ref: 15
-- title: Average SDQ score of children looked after aged 4 to 16
-- plain: The average Strengths and Difficulties Questionnaire score of children aged 4 to 16 who
--   have had one in the last year (0 to 40; 17 or more is a cause for concern).
-- unit: score
-- polarity: low
-- grain: one row per quarter end
-- cohort: children counted in indicator 14's numerator (aged 4-16 on E, SDQ in the rolling
--   year)
-- numerator: sum of each child's latest SDQ score in the rolling year
-- denominator: the number of those children; value = mean score
-- sources: int_sdq_on_quarter_end, int_extracts_supplied
-- caveats: a lower score is better (0-40; 17+ is a concern)
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
        case when supplied.has_sdq then coalesce(per_quarter.numerator, 0) end as numerator,
        case when supplied.has_sdq then coalesce(per_quarter.denominator, 0) end as denominator
    from int_quarter_windows as windows
    cross join int_extracts_supplied as supplied
    left join per_quarter on per_quarter.period = windows.period
)
select * from final
