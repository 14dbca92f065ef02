-- id: 705
-- severity: warning
-- dfe: 705
-- message: DfE 705: a deprivation-of-liberty order starts while the previous one is still open
WITH ordered AS (
    SELECT *, lag(DOLO_END) OVER w AS prev_end, lag(DOLO_START) OVER w AS prev_start
    FROM vt_dolo WHERE DOLO_START IS NOT NULL
    WINDOW w AS (PARTITION BY CHILD ORDER BY DOLO_START, _file, _row)
)
SELECT 'dolo' AS table_name, r._file AS file, r._row AS row, 'DOLO_START' AS "column",
       r.DOLO_START_TXT AS value, r.CHILD AS child
FROM ordered r
WHERE r.prev_start IS NOT NULL AND (r.prev_end IS NULL OR r.DOLO_START < r.prev_end)
