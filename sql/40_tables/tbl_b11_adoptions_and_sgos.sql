-- B11 Adoptions and SGOs: per quarter (13 quarters), YTD:
-- adopted_ytd and sgo_ytd (counts); A1 = average days from entering care (period start) to
-- moving in with the adoptive family (DECOM of the period's first episode with PLACE A3-A6,
-- whatever its RNE) for children adopted YTD (numerator = total days, denominator = children
-- with such an episode); A2 = average days from the placement order (start of the period's
-- first LS E1 episode) to the match (ad1 DATE_MATCH); pct_moved_in_under_14_months = % of
-- adopted children who moved in less than 14 months after entering care.
with shown_quarters as (
    select report_period, period from int_report_quarters where quarters_back < 13
),
adopted as (
    select ceased.*, ad1.date_match
    from int_ceased_ytd as ceased
    left join stg_ad1 as ad1 on ad1.child = ceased.child
    where ceased.is_adopted
),
measures as (
    select
        period,
        sum(adoption_placement_start - period_start) as a1_days,
        count(adoption_placement_start) as a1_children,
        sum(date_match - placement_order_start)
            filter (where date_match is not null and placement_order_start is not null)
            as a2_days,
        count(*) filter (where date_match is not null and placement_order_start is not null)
            as a2_children,
        count(*) filter (
            where adoption_placement_start < add_months(period_start, 14)
        ) as under_14_months
    from adopted
    group by period
),
measure_rows as (
    select period, 'a1_days_entering_care_to_moving_in' as category,
        a1_days * 1.0 / nullif(a1_children, 0) as value, a1_days as numerator,
        a1_children as denominator
    from measures
    union all
    select period, 'a2_days_placement_order_to_match', a2_days * 1.0 / nullif(a2_children, 0),
        a2_days, a2_children
    from measures
    union all
    select period, 'pct_moved_in_under_14_months',
        under_14_months * 100.0 / nullif(a1_children, 0), under_14_months, a1_children
    from measures
),
count_rows as (
    select period, indicator_id as category, value, numerator, denominator
    from indicator_values
    where indicator_id in ('adopted_ytd', 'sgo_ytd')
),
final as (
    select shown_quarters.report_period, rows_.*
    from shown_quarters
    join (select * from count_rows union all select * from measure_rows) as rows_
        on rows_.period = shown_quarters.period
)
select * from final
