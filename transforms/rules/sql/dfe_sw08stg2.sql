-- id: SW08STG2
-- severity: warning
-- dfe: SW08STG2
-- message: DfE SW08STG2: a new social worker episode started but this one has not ended
WITH ordered AS (
    SELECT *, lag(SW_DEC) OVER w AS prev_dec, lag(SW_DECOM) OVER w AS prev_decom,
        lead(SW_DECOM) OVER w AS next_decom
    FROM vt_sw_episodes WHERE SW_DECOM IS NOT NULL
    WINDOW w AS (PARTITION BY CHILD ORDER BY SW_DECOM, _file, _row)
)
SELECT 'sw_episodes' AS table_name, r._file AS file, r._row AS row, 'SW_DEC' AS "column",
       NULL AS value, r.CHILD AS child
FROM ordered r
WHERE r.SW_DEC IS NULL AND r.next_decom IS NOT NULL
