-- One row per quarter and child looked after on its end E: the episode open on E
-- (DECOM <= E and DEC blank or > E), its period of care and placement, age on E, UASC on E,
-- CLA 1yr+ (current period start <= E - 12 months) and 30 months (<= E - 30 months).
with series as (
    select min(quarter_index) as first_index, max(quarter_index) as last_index
    from int_quarter_windows
),
episode_quarters as (
    -- E >= DECOM for the ends of DECOM's quarter and later ones; DEC > E (or DEC blank) for
    -- the ends of the quarters before DEC's: an equality join to the windows, not a range join
    select
        episodes.*,
        unnest(range(
            greatest(quarter_index_of(episodes.decom), series.first_index),
            least(coalesce(quarter_index_of(episodes.dec), series.last_index + 1),
                series.last_index + 1)
        )) as quarter_index
    from int_episodes as episodes, series
    where episodes.decom is not null
),
open_episodes as (
    select windows.*, episode_quarters.* exclude (quarter_index)
    from episode_quarters
    join int_quarter_windows as windows using (quarter_index)
),
uasc_on_quarter_end as (
    select windows.period, uasc.child
    from int_quarter_windows as windows
    join stg_uasc as uasc on coalesce(uasc.duc, date '9999-12-31') > windows.quarter_end
),
final as (
    select
        open_episodes.period,
        open_episodes.quarter_end,
        open_episodes.fy_start,
        open_episodes.child,
        open_episodes.episode_seq,
        open_episodes.period_seq,
        open_episodes.placement_seq,
        open_episodes.decom,
        open_episodes.rne,
        open_episodes.ls,
        open_episodes.cin,
        open_episodes.place,
        open_episodes.place_provider,
        open_episodes.home_post,
        open_episodes.pl_post,
        open_episodes.period_start,
        open_episodes.placement_start,
        open_episodes.dob,
        open_episodes.sex,
        open_episodes.ethnic,
        age_on(open_episodes.dob, open_episodes.quarter_end) as age,
        uasc_on_quarter_end.child is not null as is_uasc,
        open_episodes.period_start <= open_episodes.months_12_back as is_cla_1yr_plus,
        open_episodes.period_start <= open_episodes.months_30_back as is_cla_30_months
    from open_episodes
    left join uasc_on_quarter_end
        on uasc_on_quarter_end.period = open_episodes.period
        and uasc_on_quarter_end.child = open_episodes.child
)
select * from final
