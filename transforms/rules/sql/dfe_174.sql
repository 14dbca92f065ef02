-- id: 174
-- severity: warning
-- dfe: 174
-- message: DfE 174: mother's child date of birth (MC_DOB) is recorded but the child's sex is male
SELECT 'header' AS table_name, _file AS file, _row AS row, 'MC_DOB' AS "column",
       MC_DOB_TXT AS value, CHILD AS child
FROM vt_header
WHERE MC_DOB_TXT IS NOT NULL AND SEX IN ('1', 'M')
