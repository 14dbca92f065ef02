-- id: 635
-- severity: warning
-- dfe: 635
-- message: DfE 635: date of order or local authority given for a previous permanence of Z1 (none)
SELECT 'prev_perm' AS table_name, r._file AS file, r._row AS row, 'PREV_PERM' AS "column",
       r.PREV_PERM AS value, r.CHILD AS child
FROM vt_prev_perm r
WHERE r.PREV_PERM = 'Z1' AND (r.DATE_PERM IS NOT NULL OR r.LA_PERM IS NOT NULL)
