-- One row per report period, Part B breakdown, comparator and category: the comparators.csv
-- rows keyed '<breakdown>:<category>' (e.g. b02:Under 1, a percentage), from the latest
-- comparator year up to the report's financial year. period = the comparator year; value is
-- empty (comparators are published as percentages only).
with final as (
    select
        split_part(comparators.indicator_id, ':', 1) as breakdown,
        report.period as report_period,
        comparators.year as period,
        split_part(comparators.indicator_id, ':', 2) as category,
        cast(null as bigint) as value,
        comparators.value as percent,
        comparators.comparator as series
    from int_quarter_windows as report
    join ref_comparators as comparators
        on regexp_matches(comparators.indicator_id, '^b[0-9]{2}:')
        and comparators.year <= report.financial_year
    qualify comparators.year = max(comparators.year) over (
        partition by report.period, split_part(comparators.indicator_id, ':', 1),
            comparators.comparator
    )
)
select * from final
