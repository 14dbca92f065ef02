-- B10 Reasons for entering and leaving care: per quarter (13 quarters), CLA on E by the CIN
-- (primary need, N1-N8 label) of the episode open on E (measure 'cla_by_need'), and children
-- ceased YTD by their latest ending's final REC label (measure 'ceased_by_reason');
-- percent = share of the measure's total for the quarter.
with shown_quarters as (
    select report_period, period from int_report_quarters where quarters_back < 13
),
cin_labels as (
    select code, any_value(label) as label from codes_cin group by code
),
rec_labels as (
    select code, any_value(label) as label from codes_rec group by code
),
by_need as (
    select
        looked_after.period,
        coalesce(looked_after.cin || ' ' || cin_labels.label, looked_after.cin, 'Not recorded')
            as category,
        'cla_by_need' as measure
    from int_looked_after_on_quarter_end as looked_after
    left join cin_labels on cin_labels.code = looked_after.cin
),
by_reason as (
    select
        ceased.period,
        coalesce(ceased.final_rec || ' ' || rec_labels.label, ceased.final_rec, 'Not recorded')
            as category,
        'ceased_by_reason' as measure
    from int_ceased_ytd as ceased
    left join rec_labels on rec_labels.code = ceased.final_rec
),
counts as (
    select
        period,
        category,
        measure,
        count(*) as value,
        count(*) * 100.0 / sum(count(*)) over (partition by period, measure) as percent
    from (select * from by_need union all select * from by_reason) as categorised
    group by period, category, measure
),
final as (
    select
        shown_quarters.report_period,
        counts.period,
        counts.category,
        counts.value,
        counts.percent,
        counts.measure
    from shown_quarters
    join counts on counts.period = shown_quarters.period
)
select * from final
