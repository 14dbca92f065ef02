-- indicator_id: cla_rate_per_10k
-- ref: 1
-- title: Children looked after per 10,000 children under 18
-- plain: Children looked after on the last day of the quarter for every 10,000 children aged under
--   18 living in the area.
-- unit: rate_per_10k
-- polarity: low
-- grain: one row per quarter end
-- cohort: the under-18 population (population.csv, latest row with from_date <= E)
-- numerator: children looked after on E (short breaks excluded)
-- denominator: the under-18 population; value = numerator / denominator x 10,000
-- sources: int_looked_after_on_quarter_end, ref_population
-- caveats: the population is an ONS mid-year estimate, not a count at E
with looked_after as (
    select period, count(*) as children from int_looked_after_on_quarter_end group by period
),
population as (
    select
        windows.period,
        arg_max(ref_population.population_under_18, ref_population.from_date) as under_18
    from int_quarter_windows as windows
    join ref_population on ref_population.from_date <= windows.quarter_end
    group by windows.period
),
final as (
    select
        windows.period,
        windows.quarter_end,
        coalesce(looked_after.children, 0) as numerator,
        population.under_18 as denominator
    from int_quarter_windows as windows
    left join looked_after on looked_after.period = windows.period
    left join population on population.period = windows.period
)
select * from final
