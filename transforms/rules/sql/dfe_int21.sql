-- id: INT21
-- severity: warning
-- dfe: INT21
-- message: DfE INT21: SEX in the UASC file differs from SEX in the header
SELECT 'uasc' AS table_name, u._file AS file, u._row AS row, 'SEX' AS "column",
       u.SEX AS value, u.CHILD AS child
FROM vt_uasc u JOIN vt_header h USING (CHILD)
WHERE u.SEX IS NOT NULL AND h.SEX IS NOT NULL
  AND CASE u.SEX WHEN '1' THEN 'M' WHEN '2' THEN 'F' ELSE u.SEX END
   <> CASE h.SEX WHEN '1' THEN 'M' WHEN '2' THEN 'F' ELSE h.SEX END
