-- indicator_id: ceased_ytd
-- ref:
-- title: Children ceasing to be looked after in the year to date
-- plain: Children who stopped being looked after since 1 April.
-- unit: count
-- polarity:
-- grain: one row per quarter end
-- cohort: children whose period of care ended (DEC) in YTD [S, E], counted once (indicator 9's
--   cohort)
-- numerator: the cohort
-- denominator: none (count)
-- sources: int_ceased_ytd
-- caveats: a child who ceased twice in the year counts once
with per_quarter as (
    select period, count(*) as numerator from int_ceased_ytd group by period
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
