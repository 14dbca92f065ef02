-- B18 Social-worker changes (when sw_episodes is supplied): per quarter (13 quarters), the
-- children looked after on E by the number of distinct social workers (SW_ID) whose episode
-- overlaps the rolling year (E - 12 months, E]: category '1', '2', '3 or more', or
-- 'none recorded' (no social-worker episode overlapping the year). value = children,
-- denominator = children looked after on E (cla_count), percent = value / denominator.
-- An episode covers SW_DECOM up to but not including SW_DEC (blank: still allocated), so it
-- overlaps the rolling year when SW_DECOM <= E and (SW_DEC blank or SW_DEC > the year's
-- first day). No rows when sw_episodes was not supplied (the report says "not supplied"),
-- nor for quarters before 2023-24-Q4: the DfE collects social-worker episodes from 1 April
-- 2023, so only from 31 March 2024 does the rolling year lie wholly inside the collection.
-- source: 903 return, social-worker episodes (sw_episodes, 2023-24 on)
with shown_quarters as (
    select report_period, period from int_report_quarters where quarters_back < 13
),
looked_after as (
    select looked_after.period, looked_after.child, windows.quarter_end,
        windows.rolling_year_after + 1 as year_first_day
    from int_looked_after_on_quarter_end as looked_after
    join int_quarter_windows as windows using (period)
    where (select has_sw_episodes from int_extracts_supplied)
        and windows.quarter_end >= date '2024-03-31'
),
workers as (
    select
        looked_after.period,
        looked_after.child,
        count(distinct episodes.sw_id) as social_workers
    from looked_after
    left join stg_sw_episodes as episodes
        on episodes.child = looked_after.child
        and episodes.sw_decom <= looked_after.quarter_end
        -- coalesce, not OR: an OR in the join condition makes DuckDB loop over every pair
        and coalesce(episodes.sw_dec, date '9999-12-31') > looked_after.year_first_day
    group by looked_after.period, looked_after.child
),
categorised as (
    select
        period,
        case
            when social_workers = 0 then 'none recorded'
            when social_workers = 1 then '1'
            when social_workers = 2 then '2'
            else '3 or more'
        end as category
    from workers
),
counts as (
    select
        period,
        category,
        count(*) as value,
        sum(count(*)) over (partition by period) as denominator
    from categorised
    group by period, category
),
final as (
    select
        shown_quarters.report_period,
        counts.period,
        counts.category,
        counts.value,
        counts.denominator,
        counts.value * 100.0 / counts.denominator as percent,
        'social_workers' as measure,
        'local' as series
    from shown_quarters
    join counts on counts.period = shown_quarters.period
)
select * from final
