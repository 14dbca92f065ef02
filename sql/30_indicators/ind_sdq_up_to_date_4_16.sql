-- indicator_id: sdq_up_to_date_4_16
-- ref: 14
-- title: % of children looked after aged 4 to 16 with an SDQ in the last year
-- plain: Of children aged 4 to 16 looked after for at least 12 months, the share with a Strengths
--   and Difficulties Questionnaire score in the last year.
--   At the year end (Q4), when no SDQ extract is supplied, the figure is the one in the
--   903 return (OC2).
-- unit: percent
-- polarity: high
-- grain: one row per quarter end
-- cohort: children looked after on E aged 4 to 16 inclusive on E
-- numerator: cohort children with an SDQ dated in the rolling year (E - 12 months, E]
-- denominator: the cohort
-- sources: int_sdq_on_quarter_end, int_extracts_supplied, int_annual_return_figures
-- caveats: no CLA 1yr+ condition; empty when the SDQ extract was not supplied;
--   at Q4, when the SDQ extract was not supplied, the value comes from the 903 return's OC2
--   for the collection year ending on E (SDQ_SCORE given, cohort aged 4-16 on E; table
--   int_annual_return_figures); other quarters stay empty
with cohort as (
    select * from int_sdq_on_quarter_end
),
per_quarter as (
    select period, count(*) filter (where has_sdq_in_year) as numerator, count(*) as denominator
    from cohort
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
        on annual.period = windows.period and annual.indicator_id = 'sdq_up_to_date_4_16'
)
select * from final
