-- B03 Gender: CLA on E by SEX label (codes/SEX.csv), with comparators.
-- Long format: one row per report_period, quarter and category: value = children looked
-- after on E in the category, percent = value / all children looked after on E x 100;
-- series = 'local'. Window: the 13 quarters ending with report_period.
-- Comparator rows (series england, statistical_neighbours; period = comparator year, value
-- empty): comparators.csv rows with indicator_id 'b03:<category>'.
-- Categories: int_cla_categories; counts: int_breakdown_counts.
with shown_quarters as (
    select report_period, period from int_report_quarters where quarters_back < 13
),
local_rows as (
    select shown_quarters.report_period, counts.period, counts.category, counts.value,
        counts.percent, 'local' as series
    from shown_quarters
    join int_breakdown_counts as counts
        on counts.period = shown_quarters.period and counts.breakdown = 'b03'
),
comparator_rows as (
    select report_period, period, category, value, percent, series
    from int_breakdown_comparators
    where breakdown = 'b03'
),
final as (
    select * from local_rows
    union all
    select * from comparator_rows
)
select * from final
