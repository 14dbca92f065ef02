-- indicator_id: away_without_authorisation_pct
-- ref: 12
-- title: % of children looked after in the year who were away without authorisation
-- plain: Of all children looked after at any time since 1 April (current and ceased), the share who
--   were away from their placement without permission at least once.
-- unit: percent
-- polarity: low
-- grain: one row per quarter end
-- cohort: children with a clean episode overlapping YTD [S, E] ("current and ceased")
-- numerator: cohort children with a missing-table row MISSING = A and MIS_START in YTD
-- denominator: the cohort
-- sources: int_looked_after_in_ytd, stg_missing
-- caveats: the 903 records only episodes while looked after; no further check is made
with cohort as (
    select period, quarter_end, fy_start, child from int_looked_after_in_ytd
),
qualifying as (
    select distinct cohort.period, cohort.child
    from cohort
    join stg_missing as missing
        on missing.child = cohort.child
        and missing.missing = 'A'
        and missing.mis_start between cohort.fy_start and cohort.quarter_end
),
per_quarter as (
    select
        cohort.period,
        count(*) filter (where qualifying.child is not null) as numerator,
        count(*) as denominator
    from cohort
    left join qualifying using (period, child)
    group by cohort.period
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
