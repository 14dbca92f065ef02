-- One row per clean episode: HOME_POST and PL_POST normalised to postcode sectors, whether
-- each sector is in ref_postcodes, and the haversine distance in miles between the two sector
-- centroids (NULL when either sector is missing or unknown).
with sectors as (
    select
        child,
        decom,
        postcode_sector(home_post) as home_sector,
        postcode_sector(pl_post) as placement_sector
    from int_episodes
),
centroids as (
    select postcode_sector(postcode_sector) as sector, avg(latitude) as latitude,
        avg(longitude) as longitude
    from ref_postcodes
    where latitude is not null and longitude is not null
    group by 1
),
final as (
    select
        sectors.child,
        sectors.decom,
        sectors.home_sector,
        sectors.placement_sector,
        home.sector is not null and placement.sector is not null as sectors_known,
        haversine_miles(home.latitude, home.longitude, placement.latitude, placement.longitude)
            as distance_miles
    from sectors
    left join centroids as home on home.sector = sectors.home_sector
    left join centroids as placement on placement.sector = sectors.placement_sector
)
select * from final
