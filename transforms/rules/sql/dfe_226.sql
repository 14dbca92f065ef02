-- id: 226
-- severity: warning
-- dfe: 226
-- message: DfE 226: REASON_PLACE_CHANGE is not allowed on a temporary placement (PLACE T0-T4)
SELECT 'episodes' AS table_name, _file AS file, _row AS row, 'REASON_PLACE_CHANGE' AS "column",
       REASON_PLACE_CHANGE AS value, CHILD AS child
FROM vt_episodes
WHERE REASON_PLACE_CHANGE IS NOT NULL AND PLACE IN ('T0', 'T1', 'T2', 'T3', 'T4')
