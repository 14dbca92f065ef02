-- indicator_id: placement_stability_2_placements
-- ref:
-- title: Children looked after with exactly 2 placements in the year to date (at risk)
-- plain: Children looked after who have had exactly two placements since 1 April: one more move
--   would count against indicator 3.
-- unit: count
-- polarity:
-- grain: one row per quarter end
-- cohort: children looked after on E (short breaks excluded)
-- numerator: cohort children with exactly 2 placements overlapping YTD [S, E]
--   (start <= E, end blank or > S), in any period of care
-- denominator: none (count)
-- sources: int_looked_after_on_quarter_end, int_placements_in_ytd
-- caveats: RNE L, T and U (same carers) continue a placement; a placement that ended on S
--   is not in the year
with cohort as (
    select period, child from int_looked_after_on_quarter_end
),
placements as (
    select cohort.period, cohort.child, coalesce(ytd.placements_ytd, 0) as placements_ytd
    from cohort
    left join int_placements_in_ytd as ytd
        on ytd.period = cohort.period and ytd.child = cohort.child
),
per_quarter as (
    select
        period,
        count(*) filter (where placements_ytd = 2) as numerator,
        count(*) as denominator
    from placements
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
