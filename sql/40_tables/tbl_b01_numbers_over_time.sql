-- B01 Numbers of CLA over time: cla_count, cla_1yr_plus_count, cla_rate_per_10k.
-- Long format, one row per report_period, quarter and indicator (category = indicator_id):
-- value as in indicator_values (unrounded), numerator, denominator. Window: the 12 quarters
-- ending with report_period.
with shown_quarters as (
    select report_period, period from int_report_quarters where quarters_back < 12
),
final as (
    select
        shown_quarters.report_period,
        values_.period,
        values_.indicator_id as category,
        values_.value,
        values_.numerator,
        values_.denominator,
        values_.unit,
        values_.period_end
    from shown_quarters
    join indicator_values as values_ on values_.period = shown_quarters.period
    where values_.indicator_id in ('cla_count', 'cla_1yr_plus_count', 'cla_rate_per_10k')
)
select * from final
