-- One row per review held within a period of care (REVIEW >= period start and, for a closed
-- period, <= its end; same-day duplicates once): its place in the chain, the date it was due
-- (1st: start + 20 working days; 2nd: 1st held + 3 months; later: previous held + 6 months),
-- held_late (held after its due date) and next_due (when the following review falls due).
with reviews as (
    select distinct child, review from stg_reviews where review is not null
),
chained as (
    select
        periods.child,
        periods.period_seq,
        periods.first_review_due,
        reviews.review,
        row_number() over chain as review_number,
        lag(reviews.review) over chain as previous_review
    from int_periods_of_care as periods
    join reviews
        on reviews.child = periods.child
        and reviews.review >= periods.period_start
        and reviews.review <= coalesce(periods.period_end, date '9999-12-31')  -- not OR: hash join
    -- one window for both: each period's reviews are sorted once, not twice
    window chain as (partition by periods.child, periods.period_seq order by reviews.review)
),
final as (
    select
        child,
        period_seq,
        review_number,
        review,
        case
            when review_number = 1 then first_review_due
            when review_number = 2 then add_months(previous_review, 3)
            else add_months(previous_review, 6)
        end as due,
        review > due as held_late,
        case when review_number = 1 then add_months(review, 3) else add_months(review, 6) end
            as next_due
    from chained
)
select * from final
