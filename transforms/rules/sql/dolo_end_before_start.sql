-- id: dolo.end_before_start
-- severity: row
-- covers_dfe: 702
-- message: deprivation-of-liberty order ends (DOLO_END) before it started (DOLO_START)
SELECT 'dolo' AS table_name, r._file AS file, r._row AS row, 'DOLO_END' AS "column",
       r.DOLO_END_TXT AS value, r.CHILD AS child
FROM vt_dolo r
WHERE r.DOLO_END < r.DOLO_START
