-- One row per quarter and child looked after on E aged 4 to 16 inclusive on E (the SDQ
-- cohort), with the child's latest SDQ in the rolling year (E - 12 months, E] if any.
with cohort as (
    select looked_after.period, looked_after.child, windows.quarter_end,
        windows.rolling_year_after
    from int_looked_after_on_quarter_end as looked_after
    join int_quarter_windows as windows using (period)
    where looked_after.age between 4 and 16
),
latest_sdq as (
    select
        cohort.period,
        cohort.child,
        max(sdq.sdq_date) as latest_sdq_date,
        arg_max(sdq.sdq_score, sdq.sdq_date) as latest_sdq_score
    from cohort
    join stg_sdq as sdq
        on sdq.child = cohort.child
        and sdq.sdq_date > cohort.rolling_year_after
        and sdq.sdq_date <= cohort.quarter_end
    group by cohort.period, cohort.child
),
final as (
    select
        cohort.period,
        cohort.child,
        latest_sdq.latest_sdq_date,
        latest_sdq.latest_sdq_score,
        latest_sdq.child is not null as has_sdq_in_year,
        case
            when latest_sdq.latest_sdq_score < 14 then 'Normal (under 14)'
            when latest_sdq.latest_sdq_score <= 16 then 'Borderline (14-16)'
            when latest_sdq.latest_sdq_score >= 17 then 'Concern (17+)'
        end as sdq_band
    from cohort
    left join latest_sdq using (period, child)
)
select * from final
