-- indicator_id: care_leavers_neet_19_21
-- ref: 6
-- title: % of care leavers aged 19-21 not in education, employment or training
-- plain: Of care leavers whose 19th, 20th or 21st birthday fell in the year, the share not in
--   education, employment or training around their birthday.
--   At the year end (Q4), when no care-leaver contacts extract is supplied, the figure is the one in the
--   903 return (OC3).
-- unit: percent
-- polarity: low
-- grain: one row per quarter end
-- cohort: care leavers (care_leavers extract, DOB from it) whose 19th, 20th or 21st birthday
--   falls in YTD [S, E] (29 February birthdays fall on 28 February)
-- numerator: cohort members with a status where IN_TOUCH = YES and ACTIV is NEET (G4, G5, G6)
-- denominator: the cohort
-- sources: int_care_leaver_cohort, int_extracts_supplied, int_annual_return_figures
-- caveats: status = latest contact dated in [birthday - 3 months, birthday + 1 month] and
--   <= E; no such contact = not recorded (in the denominator, not the numerator); empty when
--   the care-leaver extract was not supplied;
--   at Q4, when the care-leaver extract was not supplied, the value comes from the 903
--   return's OC3 for the collection year ending on E (IN_TOUCH = YES and ACTIV NEET, OC3 rows
--   with a 19th-21st birthday in the year; table int_annual_return_figures); other quarters
--   stay empty
with cohort as (
    select * from int_care_leaver_cohort
),
per_quarter as (
    select
        period,
        count(*) filter (where in_touch = 'YES' and is_neet) as numerator,
        count(*) as denominator
    from cohort
    group by period
),
final as (
    select
        windows.period,
        windows.quarter_end,
        case when supplied.has_care_leavers then coalesce(per_quarter.numerator, 0)
            else annual.numerator end
            as numerator,
        case when supplied.has_care_leavers then coalesce(per_quarter.denominator, 0)
            else annual.denominator end
            as denominator
    from int_quarter_windows as windows
    cross join int_extracts_supplied as supplied
    left join per_quarter on per_quarter.period = windows.period
    left join int_annual_return_figures as annual
        on annual.period = windows.period and annual.indicator_id = 'care_leavers_neet_19_21'
)
select * from final
