-- indicator_id: cla_count
-- ref:
-- title: Number of children looked after at the quarter end
-- plain: Children looked after on the last day of the quarter (children on short breaks only are
--   not counted).
-- unit: count
-- polarity:
-- grain: one row per quarter end
-- cohort: children with a clean episode open on E (DECOM <= E, DEC blank or > E);
--   short breaks (LS V3/V4) excluded
-- numerator: the cohort
-- denominator: none (count)
-- sources: int_looked_after_on_quarter_end
-- caveats: an episode ending on E does not count (the child left on E)
with looked_after as (
    select period, child from int_looked_after_on_quarter_end
),
final as (
    select
        windows.period,
        windows.quarter_end,
        count(looked_after.child) as numerator,
        cast(null as bigint) as denominator
    from int_quarter_windows as windows
    left join looked_after on looked_after.period = windows.period
    group by windows.period, windows.quarter_end
)
select * from final
