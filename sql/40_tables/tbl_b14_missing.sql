-- B14 Missing and absent: per calendar month (the 16 months ending with the report's quarter
-- end, period = 'YYYY-MM', measure 'month'): children with a missing (category 'missing',
-- MISSING = M) or away (category 'away', MISSING = A) episode starting in the month;
-- per quarter (13 quarters, measure 'quarter'): indicators 11 and 12 (category =
-- indicator_id) with numerator and denominator.
with shown_months as (
    select * from int_report_months where months_back < 16
),
month_rows as (
    select
        shown_months.report_period,
        shown_months.month as period,
        categories.category,
        cast(count(distinct missing.child) as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        'month' as measure
    from shown_months
    cross join (values ('missing', 'M'), ('away', 'A')) as categories(category, code)
    left join stg_missing as missing
        on missing.missing = categories.code
        and missing.mis_start between shown_months.month_start and shown_months.month_end
    group by shown_months.report_period, shown_months.month, categories.category
),
quarter_rows as (
    select
        shown.report_period,
        values_.period,
        values_.indicator_id as category,
        values_.value,
        values_.numerator,
        values_.denominator,
        'quarter' as measure
    from int_report_quarters as shown
    join indicator_values as values_ on values_.period = shown.period
    where shown.quarters_back < 13
      and values_.indicator_id in ('missing_episode_pct', 'away_without_authorisation_pct')
),
final as (
    select * from month_rows
    union all
    select * from quarter_rows
)
select * from final
