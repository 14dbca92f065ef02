-- One row per reference-data error the lead can surface in the data-quality annex:
-- a targets.csv polarity that disagrees with the indicator catalogue (the catalogue wins),
-- a target, tolerance or Part A comparator row for an indicator the catalogue does not know.
with catalogue as (
    select indicator_id, nullif(polarity, '') as polarity from indicator_catalogue
),
polarity_disagreements as (
    select distinct
        'targets.csv' as file,
        'targets.polarity_disagrees' as rule,
        targets.indicator_id,
        targets.year,
        'targets.csv says ' || targets.polarity || ', the catalogue says '
            || coalesce(catalogue.polarity, 'none') || ' (catalogue used)' as message
    from ref_targets as targets
    join catalogue using (indicator_id)
    where targets.polarity is not null
      and lower(trim(targets.polarity)) is distinct from catalogue.polarity
),
unknown_indicators as (
    select distinct file, rule, indicator_id, year, message
    from (
        select 'targets.csv' as file, indicator_id, year from ref_targets
        union all
        select 'rag.csv', indicator_id, null from ref_rag
        union all
        -- Part B comparators are keyed '<table>:<category>' (e.g. b02:Under 1)
        select 'comparators.csv', indicator_id, year from ref_comparators
        where indicator_id not similar to 'b[0-9]{2}:.*'
    ) as referenced
    cross join (select 'reference.unknown_indicator' as rule) as r
    cross join (select 'indicator id not in the catalogue' as message) as m
    where indicator_id not in (select indicator_id from catalogue)
),
final as (
    select * from polarity_disagreements
    union all
    select * from unknown_indicators
)
select * from final
