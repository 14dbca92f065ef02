-- id: 175
-- severity: warning
-- dfe: 175
-- message: DfE 175: NB_ADOPTR (number of adopters) is not 1 or 2
SELECT 'ad1' AS table_name, _file AS file, _row AS row, 'NB_ADOPTR' AS "column",
       NB_ADOPTR AS value, CHILD AS child
FROM vt_ad1
WHERE NB_ADOPTR IS NOT NULL AND upper(NB_ADOPTR) NOT IN ('1', '2')
