-- id: 304
-- severity: warning
-- dfe: 304
-- message: DfE 304: date UASC status ceased (DUC) must be on or before the child's 18th birthday
SELECT 'uasc' AS table_name, u._file AS file, u._row AS row, 'DUC' AS "column",
       u.DUC_TXT AS value, u.CHILD AS child
FROM vt_uasc u LEFT JOIN vt_header h USING (CHILD)
WHERE u.DUC > v_birthday(coalesce(u.DOB, h.DOB), 18)
