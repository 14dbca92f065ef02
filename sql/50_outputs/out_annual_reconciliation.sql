-- The 903 return's annual figures (OC2/OC3) beside the published Q4 values, for every Q4 in
-- the series where both the return and the dated extract were supplied: the data-quality
-- annex shows them so a reader can see how far the two sources agree. Displayed values are
-- rounded once, here, as in out_indicators (one decimal place).
with unused as (
    select indicator_id, period, source, source_file, numerator, denominator, value
    from int_annual_return_figures
    where not used
),
final as (
    select
        unused.indicator_id,
        published.title,
        unused.period,
        published.period_end,
        unused.source,
        unused.source_file,
        published.displayed_value as published_value,
        published.numerator as published_numerator,
        published.denominator as published_denominator,
        round_half_away(unused.value, 1) as return_value,
        unused.numerator as return_numerator,
        unused.denominator as return_denominator
    from unused
    join out_indicators as published using (indicator_id, period)
)
select * from final
order by period, indicator_id
