-- indicator_id: review_timeliness
-- ref: 2
-- title: % of children looked after whose reviews were held on time
-- plain: Of children looked after on the last day of the quarter who were due a review, the share
--   whose reviews were all held on time.
-- unit: percent
-- polarity: high
-- grain: one row per quarter end
-- cohort: children looked after on E whose current period start + 20 working days <= E
-- numerator: cohort children with no review held late in YTD [S, E] and not overdue on E
-- denominator: the cohort
-- sources: int_looked_after_on_quarter_end, int_periods_of_care, int_review_chain
-- caveats: reviews from the current period start to E, same-day duplicates once; 1st due
--   20 working days (bank holidays excluded) after the period start, 2nd 3 months after the
--   1st was held, later ones 6 months after the previous; overdue = next review due strictly
--   before E and not held by E; late reviews held before S do not count
with cohort as (
    select
        looked_after.period,
        looked_after.quarter_end,
        looked_after.fy_start,
        looked_after.child,
        looked_after.period_seq,
        periods.first_review_due
    from int_looked_after_on_quarter_end as looked_after
    join int_periods_of_care as periods
        on periods.child = looked_after.child and periods.period_seq = looked_after.period_seq
    where periods.first_review_due <= looked_after.quarter_end
),
latest_review as (  -- the cohort child's latest review on or before E in the period: the
    -- one held by E whose following review is not (a hash join on child and period; an ASOF
    -- join, which sorts both sides, took twice as long: 1,000,000 children 1.9 -> 0.9 s)
    select cohort.period, cohort.child, chain.next_due
    from cohort
    join int_review_chain as chain
        on chain.child = cohort.child
        and chain.period_seq = cohort.period_seq
        and chain.review <= cohort.quarter_end
        and coalesce(chain.following_review, date '9999-12-31') > cohort.quarter_end
),
late_in_ytd as (
    select distinct cohort.period, cohort.child
    from cohort
    join int_review_chain as chain
        on chain.child = cohort.child
        and chain.period_seq = cohort.period_seq
        and chain.review between cohort.fy_start and cohort.quarter_end
    where chain.held_late
),
judged as (
    select
        cohort.period,
        cohort.child,
        late_in_ytd.child is not null as has_late_review,
        coalesce(latest_review.next_due, cohort.first_review_due) < cohort.quarter_end
            as is_overdue
    from cohort
    left join late_in_ytd using (period, child)
    left join latest_review using (period, child)
),
per_quarter as (
    select
        period,
        count(*) filter (where not has_late_review and not is_overdue) as numerator,
        count(*) as denominator
    from judged
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
