-- id: uasc.dob_mismatch
-- severity: warning
-- message: DOB in the UASC file differs from DOB in the header
SELECT 'uasc' AS table_name, u._file AS file, u._row AS row, 'DOB' AS "column",
       u.DOB_TXT AS value, u.CHILD AS child
FROM vt_uasc u JOIN vt_header h USING (CHILD)
WHERE u.DOB <> h.DOB
