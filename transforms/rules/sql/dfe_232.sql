-- id: 232
-- severity: warning
-- dfe: 232
-- message: DfE 232: SEX U (sex unknown) recorded: please check
SELECT 'header' AS table_name, _file AS file, _row AS row, 'SEX' AS "column",
       SEX AS value, CHILD AS child
FROM vt_header
WHERE SEX = 'U'
