-- B05 Placement type: CLA on E by placement category (codes/PLACE.csv category), fostering
-- split by PLACE_PROVIDER.
-- Long format: one row per report_period, quarter and category: value = children looked
-- after on E in the category, percent = value / all children looked after on E x 100;
-- series = 'local'. Window: the 10 quarters ending with report_period.
-- Fostering: PR1 in-house, PR4/PR5 agency, any other provider 'Foster carer – other'.
with shown_quarters as (
    select report_period, period from int_report_quarters where quarters_back < 10
),
categorised as (
    select looked_after.period, case
        when place_codes.category = 'Foster carer' and looked_after.place_provider = 'PR1'
            then 'Foster carer – in-house'
        when place_codes.category = 'Foster carer'
            and looked_after.place_provider in ('PR4', 'PR5')
            then 'Foster carer – agency'
        when place_codes.category = 'Foster carer' then 'Foster carer – other'
        else coalesce(place_codes.category, 'Other')
    end as category
    from int_looked_after_on_quarter_end as looked_after
    left join (select code, any_value(category) as category from codes_place group by code)
        as place_codes on place_codes.code = looked_after.place
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
)
select * from final
