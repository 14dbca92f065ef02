-- id: 120
-- severity: warning
-- dfe: 120
-- message: DfE 120: REASON_PLACED_CEASED (reason the decision to place for adoption was reversed) is not RD1-RD4
SELECT 'placed_adoption' AS table_name, _file AS file, _row AS row, 'REASON_PLACED_CEASED' AS "column",
       REASON_PLACED_CEASED AS value, CHILD AS child
FROM vt_placed_adoption
WHERE REASON_PLACED_CEASED IS NOT NULL AND upper(REASON_PLACED_CEASED) NOT IN ('RD1', 'RD2', 'RD3', 'RD4')
