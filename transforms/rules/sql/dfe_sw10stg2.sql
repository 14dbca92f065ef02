-- id: SW10STG2
-- severity: warning
-- dfe: SW10STG2
-- message: DfE SW10STG2: a social worker episode starts before the previous one ended
WITH ordered AS (
    SELECT *, lag(SW_DEC) OVER w AS prev_dec, lag(SW_DECOM) OVER w AS prev_decom,
        lead(SW_DECOM) OVER w AS next_decom
    FROM vt_sw_episodes WHERE SW_DECOM IS NOT NULL
    WINDOW w AS (PARTITION BY CHILD ORDER BY SW_DECOM, _file, _row)
)
SELECT 'sw_episodes' AS table_name, r._file AS file, r._row AS row, 'SW_DECOM' AS "column",
       r.SW_DECOM_TXT AS value, r.CHILD AS child
FROM ordered r
WHERE r.prev_dec IS NOT NULL AND r.SW_DECOM < r.prev_dec
