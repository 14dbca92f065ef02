-- indicator_id: cla_1yr_plus_count
-- ref:
-- title: Children looked after for 12 months or more at the quarter end
-- plain: Children looked after on the last day of the quarter who had been looked after
--   continuously for at least 12 months.
-- unit: count
-- polarity:
-- grain: one row per quarter end
-- cohort: children looked after on E whose current period started <= E - 12 months (CLA 1yr+)
-- numerator: the cohort
-- denominator: none (count)
-- sources: int_looked_after_on_quarter_end
-- caveats: months back are calendar months, day clamped
with per_quarter as (
    select period, count(*) as numerator
    from int_looked_after_on_quarter_end
    where is_cla_1yr_plus
    group by period
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
