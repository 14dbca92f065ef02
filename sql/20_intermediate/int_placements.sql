-- One row per placement (a stay with the same carers) within a period of care:
-- start = first episode's DECOM, end = last episode's DEC (NULL while open).
-- Placements are numbered across the child's whole history (placement_seq), so "the placement
-- immediately before it in the same period" is placement_seq - 1 with the same period_seq.
with final as (
    select
        child,
        period_seq,
        placement_seq,
        min(decom) as placement_start,
        arg_max_null(dec, decom) as placement_end,
        arg_min_null(place, decom) as first_place,
        arg_min_null(rne, decom) as first_rne
    from int_episodes
    group by child, period_seq, placement_seq
)
select * from final
