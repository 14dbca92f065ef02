-- indicator_id: starters_ytd
-- ref:
-- title: Periods of care starting in the year to date
-- plain: Periods of care that started since 1 April.
-- unit: count
-- polarity:
-- grain: one row per quarter end
-- cohort: periods of care whose start (first DECOM) is in YTD [S, E]
-- numerator: the cohort
-- denominator: none (count)
-- sources: int_periods_of_care
-- caveats: counts periods, so a child starting twice counts twice; short breaks excluded
with per_quarter as (
    select windows.period, count(*) as numerator
    from int_quarter_windows as windows
    join int_periods_of_care as periods
        on periods.period_start between windows.fy_start and windows.quarter_end
    group by windows.period
),
final as (
    select
        windows.period,
        windows.quarter_end,
        coalesce(per_quarter.numerator, 0) as numerator,
        cast(null as bigint) as denominator
    from int_quarter_windows as windows
    left join per_quarter on per_quarter.period = windows.period
)
select * from final
