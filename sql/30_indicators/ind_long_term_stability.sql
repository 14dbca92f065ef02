-- indicator_id: long_term_stability
-- ref: 4
-- title: % of children under 16 looked after for 2.5 years or more who have been in the
--   same placement for at least 2 years (or placed for adoption)
-- plain: Of children under 16 looked after for two and a half years or more, the share who have
--   lived in the same placement for at least two years (or are placed for adoption).
-- unit: percent
-- polarity: high
-- grain: one row per quarter end
-- cohort: children looked after on E, aged under 16 on E, continuously looked after for
--   30 months (current period start <= E - 30 months)
-- numerator: cohort children whose current placement started <= E - 24 months; or whose
--   current placement has PLACE A3-A6 (placed for adoption) and the placement immediately
--   before it in the same period started <= E - 24 months
-- denominator: the cohort
-- sources: int_looked_after_on_quarter_end, int_placements, int_quarter_windows
-- caveats: months back are calendar months, day clamped; RNE L/T/U continue a placement
with cohort as (
    select looked_after.*, windows.months_24_back
    from int_looked_after_on_quarter_end as looked_after
    join int_quarter_windows as windows using (period)
    where looked_after.age < 16 and looked_after.is_cla_30_months
),
judged as (
    select
        cohort.period,
        cohort.child,
        cohort.placement_start <= cohort.months_24_back
        or (
            cohort.place in ('A3', 'A4', 'A5', 'A6')
            and coalesce(previous.placement_start <= cohort.months_24_back, false)
        ) as is_stable
    from cohort
    left join int_placements as previous
        on previous.child = cohort.child
        and previous.period_seq = cohort.period_seq
        and previous.placement_seq = cohort.placement_seq - 1
),
per_quarter as (
    select period, count(*) filter (where is_stable) as numerator, count(*) as denominator
    from judged
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
