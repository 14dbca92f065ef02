-- B09 Starting and ceasing: per calendar month (the 12 months ending with the report's
-- quarter end, period = 'YYYY-MM'): periods of care starting (category 'started') and
-- ending (category 'ceased'); per quarter end (13 quarters): UASC looked after
-- (category 'uasc_looked_after', from uasc_count). measure = 'month' or 'quarter'.
with shown_months as (
    select * from int_report_months where months_back < 12
),
month_rows as (
    select
        shown_months.report_period,
        shown_months.month as period,
        categories.category,
        count(events.child) as value,
        'month' as measure
    from shown_months
    cross join (values ('started'), ('ceased')) as categories(category)
    left join (
        select 'started' as category, child, period_start as event_date
        from int_periods_of_care
        union all
        select 'ceased', child, period_end from int_periods_of_care where period_end is not null
    ) as events
        on events.category = categories.category
        and events.event_date between shown_months.month_start and shown_months.month_end
    group by shown_months.report_period, shown_months.month, categories.category
),
quarter_rows as (
    select
        shown.report_period,
        values_.period,
        'uasc_looked_after' as category,
        values_.numerator as value,
        'quarter' as measure
    from int_report_quarters as shown
    join indicator_values as values_
        on values_.period = shown.period and values_.indicator_id = 'uasc_count'
    where shown.quarters_back < 13
),
final as (
    select * from month_rows
    union all
    select * from quarter_rows
)
select * from final
