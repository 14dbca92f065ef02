-- id: 114
-- severity: warning
-- dfe: 114
-- message: DfE 114: FOSTER_CARE (adopted by former foster carers) is not 0 or 1
SELECT 'ad1' AS table_name, _file AS file, _row AS row, 'FOSTER_CARE' AS "column",
       FOSTER_CARE AS value, CHILD AS child
FROM vt_ad1
WHERE FOSTER_CARE IS NOT NULL AND upper(FOSTER_CARE) NOT IN ('0', '1')
