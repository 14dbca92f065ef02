-- indicator_id: uasc_count
-- ref:
-- title: Unaccompanied asylum-seeking children looked after at the quarter end
-- plain: Unaccompanied asylum-seeking children looked after on the last day of the quarter.
-- unit: count
-- polarity:
-- grain: one row per quarter end
-- cohort: children looked after on E who are UASC on E (in the uasc table with DUC blank or >
--   E)
-- numerator: the cohort
-- denominator: none (count)
-- sources: int_looked_after_on_quarter_end, stg_uasc
-- caveats: zero when the uasc file was not supplied
with per_quarter as (
    select period, count(*) as numerator
    from int_looked_after_on_quarter_end
    where is_uasc
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
