-- id: uasc.duc_before_dob
-- severity: warning
-- message: DUC (date UASC status ceased) is before the child's date of birth
SELECT 'uasc' AS table_name, _file AS file, _row AS row, 'DUC' AS "column",
       DUC_TXT AS value, CHILD AS child
FROM vt_uasc
WHERE DUC < DOB
