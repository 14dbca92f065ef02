-- One row per social-worker episode (903 SWEpisodes, 2023-24 on), typed; sw_dec blank while
-- the social worker is still allocated.
with source as (
    select r.* from vn_sw_episodes r  -- typed once by validation
    anti join (select _file, _row from dq_excluded where table_name = 'sw_episodes') as x
        on x._file = r._file and x._row = r._row
),
final as (
    select
        CHILD as child,
        DOB as dob,
        SW_ID as sw_id,
        SW_DECOM as sw_decom,
        SW_DEC as sw_dec,
        SW_REASON as sw_reason,
        _file, _row
    from source
)
select * from final
