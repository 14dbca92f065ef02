-- id: INT14
-- severity: warning
-- dfe: INT14
-- message: DfE INT14: DOB in oc2 differs from DOB in the header
SELECT 'oc2' AS table_name, r._file AS file, r._row AS row, 'DOB' AS "column",
       r.DOB_TXT AS value, r.CHILD AS child
FROM vt_oc2 r
JOIN vt_header h USING (CHILD)
WHERE r.DOB <> h.DOB
