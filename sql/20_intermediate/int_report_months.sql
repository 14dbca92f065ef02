-- One row per publication period and each of the 16 calendar months ending with its quarter
-- end: month label (YYYY-MM), first and last day, months_back = 0 for the report's last month.
with months_back as (
    select range as months_back from range(0, 16)
),
final as (
    select
        windows.period as report_period,
        months_back.months_back,
        strftime(date_trunc('month', add_months(windows.quarter_end, -months_back.months_back)),
            '%Y-%m') as month,
        cast(date_trunc('month', add_months(windows.quarter_end, -months_back.months_back))
            as date) as month_start,
        cast(last_day(add_months(windows.quarter_end, -months_back.months_back)) as date)
            as month_end
    from int_quarter_windows as windows
    cross join months_back
)
select * from final
