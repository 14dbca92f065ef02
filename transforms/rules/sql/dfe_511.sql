-- id: 511
-- severity: warning
-- dfe: 511
-- message: DfE 511: two adopters (NB_ADOPTR 2) but SEX_ADOPTR is a single adopter's code (M1 or F1)
SELECT 'ad1' AS table_name, _file AS file, _row AS row, 'SEX_ADOPTR' AS "column",
       SEX_ADOPTR AS value, CHILD AS child
FROM vt_ad1
WHERE NB_ADOPTR = '2' AND upper(SEX_ADOPTR) IN ('M1', 'F1')
