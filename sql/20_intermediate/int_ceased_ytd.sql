-- One row per quarter and child whose period of care ended (period end DEC) in YTD [S, E]:
-- the child's latest such ending, with that period's final REC and its start.
with endings as (
    select
        windows.period,
        windows.quarter_end,
        windows.fy_start,
        periods.child,
        periods.period_seq,
        periods.period_start,
        periods.period_end,
        periods.final_rec,
        periods.adoption_placement_start,
        periods.placement_order_start,
        row_number() over (
            partition by windows.period, periods.child order by periods.period_end desc
        ) as ending_rank
    from int_quarter_windows as windows
    join int_periods_of_care as periods
        on periods.period_end between windows.fy_start and windows.quarter_end
),
final as (
    select
        * exclude (ending_rank),
        final_rec in ('E11', 'E12') as is_adopted,
        final_rec in ('E43', 'E44', 'E45', 'E46', 'E47', 'E48') as is_sgo
    from endings
    where ending_rank = 1
)
select * from final
