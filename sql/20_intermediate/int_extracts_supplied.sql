-- One row: which optional extracts were supplied (an empty or header-only file is blocking,
-- so a supplied file has rows in vn_<table>, every row read, typed). Indicators needing an absent extract have no value.
with final as (
    select
        exists (select 1 from vn_health_assessments) as has_health_assessments,
        exists (select 1 from vn_dental_checks) as has_dental_checks,
        exists (select 1 from vn_immunisations) as has_immunisations,
        exists (select 1 from vn_sdq) as has_sdq,
        exists (select 1 from vn_care_leavers) as has_care_leavers,
        exists (select 1 from vn_uasc) as has_uasc,
        exists (select 1 from vn_ad1) as has_ad1,
        exists (select 1 from vn_oc2) as has_oc2,
        exists (select 1 from vn_oc3) as has_oc3,
        exists (select 1 from vn_prev_perm) as has_prev_perm,
        exists (select 1 from vn_sw_episodes) as has_sw_episodes,
        exists (select 1 from vn_dolo) as has_dolo
)
select * from final
