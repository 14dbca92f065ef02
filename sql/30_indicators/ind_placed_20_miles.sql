-- indicator_id: placed_20_miles
-- ref: 10
-- title: % of children looked after placed more than 20 miles from home
-- plain: Of children looked after on the last day of the quarter, the share placed more than 20
--   miles from the home they came from (adoption placements, placements with parents and
--   unaccompanied asylum-seeking children are left out).
-- unit: percent
-- polarity: low
-- grain: one row per quarter end
-- cohort: children looked after on E, excluding: current placement PLACE P1 (placed with
--   parents) or A3-A6 (placed for adoption), UASC on E, and children whose home or placement
--   postcode sector is missing or not in postcodes.csv
-- numerator: cohort children whose current placement is more than 20 miles from home
-- denominator: the cohort
-- sources: int_looked_after_on_quarter_end, int_episode_distances (haversine between sector
--   centroids, Earth radius 3958.8 miles)
-- caveats: postcodes of the episode open on E; unknown sectors are counted in data quality
with cohort as (
    select looked_after.period, looked_after.child, distances.distance_miles
    from int_looked_after_on_quarter_end as looked_after
    join int_episode_distances as distances
        on distances.child = looked_after.child and distances.decom = looked_after.decom
    where looked_after.place not in ('P1', 'A3', 'A4', 'A5', 'A6')
      and not looked_after.is_uasc
      and distances.sectors_known
),
per_quarter as (
    select
        period,
        count(*) filter (where distance_miles > 20) as numerator,
        count(*) as denominator
    from cohort
    group by period
),
final as (
    select
        windows.period,
        windows.quarter_end,
        coalesce(per_quarter.numerator, 0) as numerator,
        coalesce(per_quarter.denominator, 0) as denominator
    from int_quarter_windows as windows
    left join per_quarter on per_quarter.period = windows.period
)
select * from final
