-- id: 529
-- severity: warning
-- dfe: 529
-- message: DfE 529: PLACE_PROVIDER PR3 (other public provision) is not valid with PLACE P1, A3-A6, K1, K2 or U1-U6
SELECT 'episodes' AS table_name, _file AS file, _row AS row, 'PLACE_PROVIDER' AS "column",
       PLACE_PROVIDER AS value, CHILD AS child
FROM vt_episodes
WHERE PLACE_PROVIDER = 'PR3'
  AND PLACE IN ('P1', 'A3', 'A4', 'A5', 'A6', 'K1', 'K2', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6')
