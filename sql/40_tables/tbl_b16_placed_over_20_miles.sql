-- B16 Placed over 20 miles: per quarter (13 quarters):
-- indicators 10 and 17 (category = indicator_id);
-- 'new_cla_placed_20_miles': children whose period of care started in YTD [S, E], with
--   indicator 10's exclusions (PLACE P1 or A3-A6, UASC on E, home or placement sector missing
--   or unknown) applied to their latest episode in YTD (DECOM <= E), whose distance by that
--   episode's postcodes is more than 20 miles; value = percent of those children.
with shown_quarters as (
    select report_period, period from int_report_quarters where quarters_back < 13
),
new_children as (
    select distinct windows.period, windows.quarter_end, windows.fy_start, periods.child
    from int_quarter_windows as windows
    join int_periods_of_care as periods
        on periods.period_start between windows.fy_start and windows.quarter_end
),
latest_episode as (
    select
        new_children.period,
        new_children.child,
        arg_max(episodes.place, episodes.decom) as place,
        max(episodes.decom) as decom
    from new_children
    join int_episodes as episodes
        on episodes.child = new_children.child
        and episodes.decom <= new_children.quarter_end
        and episodes.decom >= new_children.fy_start  -- the period started in YTD
    group by new_children.period, new_children.child
),
cohort as (
    select latest_episode.period, latest_episode.child, distances.distance_miles
    from latest_episode
    join new_children using (period, child)
    join int_episode_distances as distances
        on distances.child = latest_episode.child and distances.decom = latest_episode.decom
    left join stg_uasc as uasc
        on uasc.child = latest_episode.child
        and coalesce(uasc.duc, date '9999-12-31') > new_children.quarter_end  -- an OR here: no hash join
    where latest_episode.place not in ('P1', 'A3', 'A4', 'A5', 'A6')
      and uasc.child is null
      and distances.sectors_known
),
new_rows as (
    select
        period,
        'new_cla_placed_20_miles' as category,
        count(*) filter (where distance_miles > 20) * 100.0 / nullif(count(*), 0) as value,
        count(*) filter (where distance_miles > 20) as numerator,
        count(*) as denominator
    from cohort
    group by period
),
indicator_rows as (
    select period, indicator_id as category, value, numerator, denominator
    from indicator_values
    where indicator_id in ('placed_20_miles', 'placed_50_miles')
),
final as (
    select shown_quarters.report_period, rows_.*
    from shown_quarters
    join (select * from indicator_rows union all select * from new_rows) as rows_
        on rows_.period = shown_quarters.period
)
select * from final
