-- Every Part B row as the report shows it: one row per report period, section, measure,
-- series, period and category, with the reader's label, the unit of `value`, the part it
-- belongs to (section, measure, unit: one unit per chart and table) and the displayed value.
-- Label: sql/40_tables/part_b_labels.csv for (section, category), else the catalogue title
-- when the category is an indicator, else the category itself (already a code-list label).
-- Unit: the label file, else the catalogue, else the table's own unit column, else percent
-- when the row has a denominator, else count.
-- Displayed value: rounded half away from zero, counts to whole numbers, everything else
-- (percent, rate, score, days) to one decimal place; `percent` (a breakdown's share) to one.
-- period_name: `Q2 2026-27` for a quarter, `Sep 2026` for a month, the year for comparators.
with labelled as (
    select
        rows_.*,
        coalesce(labels.label, catalogue.title, rows_.category) as label,
        coalesce(
            labels.unit,
            catalogue.unit,
            rows_.unit,
            case when rows_.denominator is not null then 'percent' else 'count' end
        ) as value_unit,
        coalesce(labels.position, 1000 + try_cast(catalogue.ref as integer), 2000) as label_order
    from part_b_rows as rows_
    left join part_b_labels as labels
        on labels.section = rows_.section and labels.category = rows_.category
    left join indicator_catalogue as catalogue on catalogue.indicator_id = rows_.category
),
with_parts as (
    select
        labelled.*,
        coalesce(parts.title, sections.title) as part_title,
        coalesce(parts.chart, '') as chart,
        coalesce(parts.position, 1000) as part_order,
        sections.title as section_title
    from labelled
    left join part_b_parts as parts
        on parts.section = labelled.section
        and coalesce(parts.measure, '') = coalesce(labelled.measure, '')
        and parts.unit = labelled.value_unit
    left join part_b_sections as sections on sections.id = labelled.section
),
final as (
    select
        report_period,
        section,
        section_title,
        coalesce(measure, '') as measure,
        value_unit as unit,
        part_title,
        chart,
        part_order,
        coalesce(series, 'local') as series,
        period,
        case
            when regexp_matches(period, '^\d{4}-\d{2}-Q\d$')
                then 'Q' || right(period, 1) || ' ' || left(period, 7)
            when coalesce(series, 'local') = 'local' and regexp_matches(period, '^\d{4}-\d{2}$')
                then strftime(try_strptime(period || '-01', '%Y-%m-%d'), '%b %Y')
            else period
        end as period_name,
        category,
        label,
        label_order,
        value,
        percent,
        numerator,
        denominator,
        case
            when value_unit = 'count' then round_half_away(value, 0)
            else round_half_away(value, 1)
        end as displayed_value,
        round_half_away(percent, 1) as displayed_percent
    from with_parts
)
select * from final
order by report_period, section, part_order, series, label_order, label, period
