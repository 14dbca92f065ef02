-- id: 176
-- severity: warning
-- dfe: 176
-- message: DfE 176: SEX_ADOPTR (gender of adopters) is not M1, F1, MM, FF or MF
SELECT 'ad1' AS table_name, _file AS file, _row AS row, 'SEX_ADOPTR' AS "column",
       SEX_ADOPTR AS value, CHILD AS child
FROM vt_ad1
WHERE SEX_ADOPTR IS NOT NULL AND upper(SEX_ADOPTR) NOT IN ('M1', 'F1', 'MM', 'FF', 'MF')
