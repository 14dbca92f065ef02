-- One row per quarter and child with a clean episode overlapping YTD [S, E]
-- ("current and ceased": DECOM <= E and DEC blank or > S).
with final as (
    select distinct windows.period, windows.quarter_end, windows.fy_start, episodes.child
    from int_quarter_windows as windows
    join int_episodes as episodes
        on episodes.decom <= windows.quarter_end
        and coalesce(episodes.dec, date '9999-12-31') > windows.fy_start  -- open or ended after S
)
select * from final
