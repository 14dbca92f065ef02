-- Clean episodes: one row per episode left after quarantine, short breaks (LS V3/V4) removed
-- before anything else, numbered into periods of care and placements (indicators.md).
-- period_seq: a new period of care at a child's first episode and wherever DECOM differs from
--   the previous episode's DEC.
-- placement_seq: a new placement at each period's first episode and at RNE P, B or S;
--   RNE L, T and U continue the current placement.
-- period_start, placement_start: the DECOM of the first episode of the row's period of care
--   and placement (int_periods_of_care, int_placements), carried on each episode.
with clean_episodes as (
    select * exclude (is_short_break, _file, _row)
    from stg_episodes
    where not is_short_break
),
with_previous as (
    -- the windows sort only the columns they need (a national set: 3.9-4.5 -> 2.6-3.0 s);
    -- the episode's other columns are joined back on its key, (child, decom), which validation
    -- makes unique and never blank
    select
        child,
        decom,
        rne,
        lag(dec) over (partition by child order by decom) as previous_dec,
        row_number() over (partition by child order by decom) as episode_seq
    from clean_episodes
),
flagged as (
    select *, previous_dec is null or decom <> previous_dec as starts_period
    from with_previous
),
numbered_keys as (
    -- one window (so one sort) for the running counts and the starts they carry forward
    select
        child,
        decom,
        episode_seq,
        starts_period,
        sum(case when starts_period then 1 else 0 end) over history as period_seq,
        sum(case when starts_placement then 1 else 0 end) over history as placement_seq,
        last_value(case when starts_period then decom end ignore nulls) over history
            as period_start,
        last_value(case when starts_placement then decom end ignore nulls) over history
            as placement_start
    from (select *, starts_period or rne in ('P', 'B', 'S') as starts_placement from flagged)
    window history as (partition by child order by decom rows unbounded preceding)
),
numbered as (
    select clean_episodes.*, keys.* exclude (child, decom)
    from clean_episodes
    join numbered_keys as keys using (child, decom)
),
final as (
    select
        numbered.child,
        numbered.episode_seq,
        numbered.period_seq,
        numbered.placement_seq,
        numbered.decom,
        numbered.dec,
        numbered.rne,
        numbered.ls,
        numbered.cin,
        numbered.place,
        numbered.place_provider,
        numbered.rec,
        numbered.reason_place_change,
        numbered.home_post,
        numbered.pl_post,
        numbered.urn,
        numbered.starts_period,
        numbered.period_start,
        numbered.placement_start,
        header.dob,
        header.sex,
        header.ethnic
    from numbered
    left join stg_header as header on header.child = numbered.child
)
select * from final
