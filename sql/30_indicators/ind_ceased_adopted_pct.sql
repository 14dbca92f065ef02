-- indicator_id: ceased_adopted_pct
-- ref: 9
-- title: % of children ceasing to be looked after who were adopted
-- plain: Of the children who stopped being looked after since 1 April, the share who were adopted.
-- unit: percent
-- polarity: high
-- grain: one row per quarter end
-- cohort: children whose period of care ended in YTD (period end DEC in [S, E]); a child
--   counted once, by their latest such ending
-- numerator: cohort children whose latest ending's final episode REC is E11 or E12
-- denominator: the cohort
-- sources: int_ceased_ytd
-- caveats: a child who ceased twice in the year counts once, by the later ending
with ceased as (
    select * from int_ceased_ytd
),
per_quarter as (
    select period, count(*) filter (where is_adopted) as numerator, count(*) as denominator
    from ceased
    group by period
),
final as (
    select
        windows.period,
        windows.quarter_end,
        coalesce(per_quarter.numerator, 0) as numerator,
        coalesce(per_quarter.denominator, 0) as denominator
    from int_quarter_windows as windows
    left join per_quarter on per_quarter.period = windows.period
)
select * from final
