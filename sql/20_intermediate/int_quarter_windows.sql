-- One row per quarter of the series: E, S and the look-back dates every indicator uses.
-- Months back are calendar months with the day clamped (add_months, as relativedelta).
with final as (
    select
        period,
        quarter_end,
        fy_start,
        add_months(quarter_end, -12) as rolling_year_after,  -- rolling year = (this, E]
        add_months(quarter_end, -12) as months_12_back,
        add_months(quarter_end, -24) as months_24_back,
        add_months(quarter_end, -30) as months_30_back,
        quarter_end - 28 as days_28_back,
        cast(right(period, 1) as integer) as quarter,
        left(period, 7) as financial_year,
        quarter_index_of(quarter_end) as quarter_index
    from quarters
)
select * from final
