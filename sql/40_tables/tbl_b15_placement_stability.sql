-- B15 Placement stability: indicators 3 and 4 and placement_stability_2_placements.
-- Long format, one row per report_period, quarter and indicator (category = indicator_id):
-- value as in indicator_values (unrounded), numerator, denominator. Window: the 13 quarters
-- ending with report_period.
with shown_quarters as (
    select report_period, period from int_report_quarters where quarters_back < 13
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
    where values_.indicator_id in (
        'placement_stability_3plus', 'long_term_stability', 'placement_stability_2_placements'
    )
)
select * from final
