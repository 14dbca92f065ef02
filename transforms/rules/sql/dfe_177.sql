-- id: 177
-- severity: warning
-- dfe: 177
-- message: DfE 177: LS_ADOPTR (legal status of adopters) is not L0, L11, L12, L2, L3 or L4
SELECT 'ad1' AS table_name, _file AS file, _row AS row, 'LS_ADOPTR' AS "column",
       LS_ADOPTR AS value, CHILD AS child
FROM vt_ad1
WHERE LS_ADOPTR IS NOT NULL AND upper(LS_ADOPTR) NOT IN ('L0', 'L11', 'L12', 'L2', 'L3', 'L4')
