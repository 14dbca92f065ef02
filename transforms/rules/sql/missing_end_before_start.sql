-- id: missing.end_before_start
-- severity: row
-- message: MIS_END is before MIS_START
SELECT 'missing' AS table_name, _file AS file, _row AS row, 'MIS_END' AS "column",
       MIS_END_TXT AS value, CHILD AS child
FROM vt_missing
WHERE MIS_END < MIS_START
