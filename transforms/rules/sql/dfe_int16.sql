-- id: INT16
-- severity: warning
-- dfe: INT16
-- message: DfE INT16: DOB in prev_perm differs from DOB in the header
SELECT 'prev_perm' AS table_name, r._file AS file, r._row AS row, 'DOB' AS "column",
       r.DOB_TXT AS value, r.CHILD AS child
FROM vt_prev_perm r
JOIN vt_header h USING (CHILD)
WHERE r.DOB <> h.DOB
