-- id: 527
-- severity: warning
-- dfe: 527
-- message: DfE 527: PLACE_PROVIDER PR1 (own provision) is not valid with PLACE P1, R2 or R5
SELECT 'episodes' AS table_name, _file AS file, _row AS row, 'PLACE_PROVIDER' AS "column",
       PLACE_PROVIDER AS value, CHILD AS child
FROM vt_episodes
WHERE PLACE_PROVIDER = 'PR1' AND PLACE IN ('P1', 'R2', 'R5')
