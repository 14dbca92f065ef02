-- One row per missing (M) or away-without-authorisation (A) episode, typed.
with source as (
    select r.* from vn_missing r  -- typed once by validation
    anti join (select _file, _row from dq_excluded where table_name = 'missing') as x
        on x._file = r._file and x._row = r._row
),
final as (
    select
        CHILD as child,
        MISSING as missing,
        MIS_START as mis_start,
        MIS_END as mis_end,
        _file, _row
    from source
)
select * from final
