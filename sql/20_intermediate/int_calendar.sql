-- One row per day from the earliest date any model needs to two years after the last quarter:
-- whether it is a working day (Monday-Friday, not in ref_bank_holidays) and the running count
-- of working days, so "D + n working days" is a lookup (int_periods_of_care).
with bounds as (
    select
        least(
            (select min(decom) from stg_episodes),
            (select min(fy_start) from quarters)
        ) - 7 as first_day,
        greatest(
            (select max(coalesce(dec, decom)) from stg_episodes),
            (select max(quarter_end) from quarters)
        ) + 730 as last_day
),
days as (
    select cast(d as date) as day
    from bounds, range(bounds.first_day, bounds.last_day, interval 1 day) as t(d)
),
flagged as (
    select
        days.day,
        isodow(days.day) <= 5 and bh.date is null as is_working_day
    from days
    left join (select distinct date from ref_bank_holidays) as bh on bh.date = days.day
),
final as (
    select
        day,
        is_working_day,
        sum(case when is_working_day then 1 else 0 end) over (order by day) as working_day_number
    from flagged
)
select * from final
