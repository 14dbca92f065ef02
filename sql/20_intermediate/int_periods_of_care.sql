-- One row per period of care: consecutive clean episodes with no gap (int_episodes.period_seq).
-- start = first DECOM, end = last DEC (NULL while open), final_rec = the last episode's REC,
-- first_review_due = start + 20 working days (the 20th working day after the start),
-- adoption_placement_start = DECOM of the first episode placed for adoption (PLACE A3-A6),
-- placement_order_start = DECOM of the first LS E1 (placement order) episode.
with periods as (
    select
        child,
        period_seq,
        min(decom) as period_start,
        arg_max_null(dec, decom) as period_end,
        arg_max_null(rec, decom) as final_rec,
        arg_min_null(rne, decom) as first_rne,
        min(decom) filter (where place in ('A3', 'A4', 'A5', 'A6')) as adoption_placement_start,
        min(decom) filter (where ls = 'E1') as placement_order_start,
        count(*) as episodes,
        any_value(dob) as dob
    from int_episodes
    group by child, period_seq
),
start_working_day as (
    select periods.*, calendar.working_day_number as start_working_day_number
    from periods
    join int_calendar as calendar on calendar.day = periods.period_start
),
final as (
    select
        start_working_day.* exclude (start_working_day_number),
        due_day.day as first_review_due
    from start_working_day
    left join int_calendar as due_day
        on due_day.is_working_day
        and due_day.working_day_number = start_working_day.start_working_day_number + 20
)
select * from final
