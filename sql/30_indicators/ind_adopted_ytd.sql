-- indicator_id: adopted_ytd
-- ref:
-- title: Children adopted in the year to date
-- plain: Children who left care through adoption since 1 April.
-- unit: count
-- polarity:
-- grain: one row per quarter end
-- cohort: children in indicator 9's cohort whose latest ending's final REC is E11 or E12
--   (adopted)
-- numerator: the cohort
-- denominator: none (count)
-- sources: int_ceased_ytd
-- caveats: a child who ceased twice in the year counts by the later ending
with per_quarter as (
    select period, count(*) as numerator from int_ceased_ytd where is_adopted group by period
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
