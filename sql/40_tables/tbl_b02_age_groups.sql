-- B02 Age groups: CLA on E by age on E (Under 1, 1-4, 5-9, 10-15, 16-17, 18+ if any), with
-- comparators.
-- Long format: one row per report_period, quarter and category: value = children looked
-- after on E in the category, percent = value / all children looked after on E x 100;
-- series = 'local'. Window: the 13 quarters ending with report_period.
-- Comparator rows (series england, statistical_neighbours): period = comparator year,
-- value empty, percent = comparators.csv value for indicator_id 'b02:<category>'.
with shown_quarters as (
    select report_period, period from int_report_quarters where quarters_back < 13
),
comparator_rows as (
    -- comparators.csv rows with indicator_id "<table>:<category>" (percentages), the
    -- latest year up to the report's financial year, per comparator
    select
        report.period as report_period,
        comparators.year as period,
        split_part(comparators.indicator_id, ':', 2) as category,
        cast(null as bigint) as value,
        comparators.value as percent,
        comparators.comparator as series
    from int_quarter_windows as report
    join ref_comparators as comparators
        on comparators.indicator_id like 'b02:%'
        and comparators.year <= report.financial_year
    qualify comparators.year = max(comparators.year) over (
        partition by report.period, comparators.comparator
    )
),
categorised as (
    select looked_after.period, case
        when looked_after.age < 1 then 'Under 1'
        when looked_after.age <= 4 then '1-4'
        when looked_after.age <= 9 then '5-9'
        when looked_after.age <= 15 then '10-15'
        when looked_after.age <= 17 then '16-17'
        when looked_after.age >= 18 then '18+'
        else 'Age not known'
    end as category
    from int_looked_after_on_quarter_end as looked_after

),
counts as (
    select period, category, count(*) as value,
        count(*) * 100.0 / sum(count(*)) over (partition by period) as percent
    from categorised
    group by period, category
),
local_rows as (
    select shown_quarters.report_period, counts.period, counts.category, counts.value,
        counts.percent, 'local' as series
    from shown_quarters
    join counts on counts.period = shown_quarters.period
),
final as (
    select * from local_rows
    union all
    select * from comparator_rows
)
select * from final
