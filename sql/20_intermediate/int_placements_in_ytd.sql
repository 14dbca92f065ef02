-- One row per quarter and child with a placement overlapping the YTD window [S, E]
-- (start <= E and end blank or > S), in any period of care: how many placements.
with overlapping as (
    select windows.period, placements.child, placements.placement_seq
    from int_quarter_windows as windows
    join int_placements as placements
        on placements.placement_start <= windows.quarter_end
        and coalesce(placements.placement_end, date '9999-12-31') > windows.fy_start
),
final as (
    select period, child, count(*) as placements_ytd
    from overlapping
    group by period, child
)
select * from final
