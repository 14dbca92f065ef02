-- One row per quarter and child looked after on E, with the category the child is counted
-- under in each Part B breakdown:
--   age_group (B02): age on E: Under 1, 1-4, 5-9, 10-15, 16-17, 18+ (Age not known if no DOB)
--   sex_label (B03): the SEX label (codes/SEX.csv), Unknown if none
--   ethnic_group (B04): W* White, M* Mixed, A* Asian or Asian British, B* Black or Black
--     British, REFU/NOBT/blank Not known/refused, anything else (CHNE, OOTH) Other ethnic groups
--   placement_category (B05): codes/PLACE.csv category; fostering split by PLACE_PROVIDER:
--     PR1 in-house, PR4/PR5 agency, any other provider 'Foster carer – other'
with sex_labels as (
    select code, any_value(label) as label from codes_sex group by code
),
place_categories as (
    select code, any_value(category) as category from codes_place group by code
),
final as (
    select
        looked_after.period,
        looked_after.child,
        case
            when looked_after.age < 1 then 'Under 1'
            when looked_after.age <= 4 then '1-4'
            when looked_after.age <= 9 then '5-9'
            when looked_after.age <= 15 then '10-15'
            when looked_after.age <= 17 then '16-17'
            when looked_after.age >= 18 then '18+'
            else 'Age not known'
        end as age_group,
        coalesce(sex_labels.label, 'Unknown') as sex_label,
        case
            when looked_after.ethnic in ('REFU', 'NOBT') or looked_after.ethnic is null
                then 'Not known/refused'
            when looked_after.ethnic like 'W%' then 'White'
            when looked_after.ethnic like 'M%' then 'Mixed'
            when looked_after.ethnic like 'A%' then 'Asian or Asian British'
            when looked_after.ethnic like 'B%' then 'Black or Black British'
            else 'Other ethnic groups'
        end as ethnic_group,
        case
            when place_categories.category = 'Foster carer'
                and looked_after.place_provider = 'PR1' then 'Foster carer – in-house'
            when place_categories.category = 'Foster carer'
                and looked_after.place_provider in ('PR4', 'PR5') then 'Foster carer – agency'
            when place_categories.category = 'Foster carer' then 'Foster carer – other'
            else coalesce(place_categories.category, 'Other')
        end as placement_category
    from int_looked_after_on_quarter_end as looked_after
    left join sex_labels on sex_labels.code = looked_after.sex
    left join place_categories on place_categories.code = looked_after.place
)
select * from final
