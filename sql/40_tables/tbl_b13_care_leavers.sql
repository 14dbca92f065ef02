-- B13 Care leavers: per quarter (13 quarters):
-- measure 'indicator': indicators 5 and 6 (category = indicator_id);
-- measure 'in_touch': the 19-21 cohort split once by status IN_TOUCH (YES, NO, DIED, REFU,
--   NREQ, RHOM, 'not recorded'); percent = share of the cohort;
-- measure 'accommodation' / 'activity': the IN_TOUCH = YES members by suitable / not suitable
--   and NEET / not NEET; percent = share of the YES members;
-- measure 'snapshot_activity': every care leaver's latest contact with CONTACT_DATE <= E by
--   ACTIV label ('not recorded' if none); percent = share of all care leavers.
with shown_quarters as (
    select report_period, period from int_report_quarters where quarters_back < 13
),
cohort as (
    select * from int_care_leaver_cohort
),
split_rows as (
    select period, coalesce(in_touch, 'not recorded') as category, 'in_touch' as measure
    from cohort
    union all
    select period, case when is_suitable then 'suitable' else 'not suitable' end,
        'accommodation'
    from cohort
    where in_touch = 'YES'
    union all
    select period, case when is_neet then 'NEET' else 'not NEET' end, 'activity'
    from cohort
    where in_touch = 'YES'
),
latest_contact as (
    select
        windows.period,
        leavers.child,
        arg_max(contacts.activ, contacts.contact_date) as activ
    from int_quarter_windows as windows
    cross join (select distinct child from stg_care_leavers) as leavers
    left join stg_care_leavers as contacts
        on contacts.child = leavers.child and contacts.contact_date <= windows.quarter_end
    group by windows.period, leavers.child
),
snapshot_rows as (
    select
        latest_contact.period,
        coalesce(activ_labels.label, latest_contact.activ, 'not recorded') as category,
        'snapshot_activity' as measure
    from latest_contact
    left join (select code, any_value(label) as label from codes_activ group by code)
        as activ_labels on activ_labels.code = latest_contact.activ
),
counts as (
    select
        period,
        category,
        measure,
        count(*) as value,
        cast(null as bigint) as numerator,
        cast(null as double) as denominator,
        count(*) * 100.0 / sum(count(*)) over (partition by period, measure) as percent
    from (select * from split_rows union all select * from snapshot_rows) as categorised
    group by period, category, measure
),
indicator_rows as (
    select period, indicator_id as category, 'indicator' as measure, value, numerator,
        denominator, value as percent
    from indicator_values
    where indicator_id in (
        'care_leavers_suitable_accommodation_19_21', 'care_leavers_neet_19_21'
    )
),
final as (
    select
        shown_quarters.report_period,
        rows_.period,
        rows_.category,
        rows_.value,
        rows_.numerator,
        rows_.denominator,
        rows_.percent,
        rows_.measure
    from shown_quarters
    join (
        select period, category, measure, value, numerator, denominator, percent
        from indicator_rows
        union all
        select period, category, measure, value, numerator, denominator, percent from counts
    ) as rows_ on rows_.period = shown_quarters.period
)
select * from final
