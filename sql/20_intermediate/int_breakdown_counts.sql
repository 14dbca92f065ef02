-- One row per quarter, Part B breakdown (b02 age, b03 sex, b04 ethnicity, b05 placement
-- type) and category: value = children looked after on E in the category, percent = value /
-- all children looked after on E x 100. Categories come from int_cla_categories.
with long as (
    unpivot int_cla_categories
    on age_group as 'b02', sex_label as 'b03', ethnic_group as 'b04',
        placement_category as 'b05'
    into name breakdown value category
),
final as (
    select period, breakdown, category, count(*) as value,
        count(*) * 100.0 / sum(count(*)) over (partition by period, breakdown) as percent
    from long
    group by period, breakdown, category
)
select * from final
