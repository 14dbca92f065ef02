-- id: INT15
-- severity: warning
-- dfe: INT15
-- message: DfE INT15: DOB in oc3 differs from DOB in the header
SELECT 'oc3' AS table_name, r._file AS file, r._row AS row, 'DOB' AS "column",
       r.DOB_TXT AS value, r.CHILD AS child
FROM vt_oc3 r
JOIN vt_header h USING (CHILD)
WHERE r.DOB <> h.DOB
