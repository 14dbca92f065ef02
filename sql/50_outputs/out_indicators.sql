-- One row per indicator and quarter: the published Part A / count values with the quarter's
-- target and RAG. Target: ref_targets for the quarter's financial year (e.g. 2020-21); a row
-- for the quarter beats a blank-quarter row. Polarity comes from the indicator's header (the
-- catalogue), never from targets.csv (a disagreement is listed in out_ref_errors).
-- RAG on the value as displayed (rounded half away from zero to 1 dp): high -> green if
-- >= target, amber if >= target - tolerance (ref_rag, default 5), else red; low mirrored.
-- No target or no value -> no RAG.
with indicator_rows as (
    select
        values_.*,
        catalogue.ref,
        catalogue.title,
        nullif(catalogue.polarity, '') as polarity,
        windows.financial_year,
        windows.quarter
    from indicator_values as values_
    join int_quarter_windows as windows using (period)
    left join indicator_catalogue as catalogue using (indicator_id)
),
targets_ranked as (
    select
        indicator_rows.indicator_id,
        indicator_rows.period,
        targets.target,
        row_number() over (
            partition by indicator_rows.indicator_id, indicator_rows.period
            order by targets.quarter is null, targets.target
        ) as preference
    from indicator_rows
    join ref_targets as targets
        on targets.indicator_id = indicator_rows.indicator_id
        and targets.year = indicator_rows.financial_year
        and (targets.quarter is null or targets.quarter = indicator_rows.quarter)
        and targets.target is not null
),
tolerances as (
    select indicator_id, max(amber_tolerance) as amber_tolerance
    from ref_rag
    where amber_tolerance is not null
    group by indicator_id
),
with_target as (
    select
        indicator_rows.*,
        targets_ranked.target,
        coalesce(tolerances.amber_tolerance, 5) as amber_tolerance,
        round_half_away(indicator_rows.value, 1) as displayed_value
    from indicator_rows
    left join targets_ranked
        on targets_ranked.indicator_id = indicator_rows.indicator_id
        and targets_ranked.period = indicator_rows.period
        and targets_ranked.preference = 1
    left join tolerances on tolerances.indicator_id = indicator_rows.indicator_id
),
final as (
    select
        indicator_id,
        period,
        period_end,
        value,
        numerator,
        denominator,
        unit,
        target,
        case
            when target is null or displayed_value is null or polarity is null then null
            when polarity = 'high' and displayed_value >= target then 'green'
            when polarity = 'high' and displayed_value >= target - amber_tolerance then 'amber'
            when polarity = 'high' then 'red'
            when polarity = 'low' and displayed_value <= target then 'green'
            when polarity = 'low' and displayed_value <= target + amber_tolerance then 'amber'
            when polarity = 'low' then 'red'
        end as rag,
        displayed_value,
        polarity,
        ref,
        title
    from with_target
)
select * from final
