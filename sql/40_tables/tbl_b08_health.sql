-- B08 Health: per quarter, indicators 7, 8, 13, 14, 15, 16 (measure 'indicator',
-- category = indicator_id) and the SDQ band counts of the scores averaged in 15
-- (measure 'sdq_band': under 14 normal, 14-16 borderline, 17+ concern; denominator = the
-- children scored, percent = share of them). Window: 13 quarters ending with report_period.
with shown_quarters as (
    select report_period, period from int_report_quarters where quarters_back < 13
),
indicator_rows as (
    select
        shown_quarters.report_period,
        values_.period,
        values_.indicator_id as category,
        values_.value,
        values_.numerator,
        values_.denominator,
        'indicator' as measure
    from shown_quarters
    join indicator_values as values_ on values_.period = shown_quarters.period
    where values_.indicator_id in (
        'dental_checks_1yr_plus', 'health_checks_1yr_plus', 'immunisations_up_to_date_1yr_plus',
        'sdq_up_to_date_4_16', 'average_sdq_score', 'iha_within_28_days_ytd'
    )
),
bands as (
    select period, sdq_band, count(*) as children
    from int_sdq_on_quarter_end
    where has_sdq_in_year
    group by period, sdq_band
),
band_rows as (
    select
        shown_quarters.report_period,
        bands.period,
        bands.sdq_band as category,
        bands.children * 100.0
            / sum(bands.children) over (partition by shown_quarters.report_period, bands.period)
            as value,
        bands.children as numerator,
        sum(bands.children) over (partition by shown_quarters.report_period, bands.period)
            as denominator,
        'sdq_band' as measure
    from shown_quarters
    join bands on bands.period = shown_quarters.period
),
final as (
    select * from indicator_rows
    union all
    select * from band_rows
)
select * from final
