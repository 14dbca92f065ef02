-- id: 550
-- severity: warning
-- dfe: 550
-- message: DfE 550: PLACE_PROVIDER PR0 (parents) is only valid with PLACE P1
SELECT 'episodes' AS table_name, _file AS file, _row AS row, 'PLACE_PROVIDER' AS "column",
       PLACE_PROVIDER AS value, CHILD AS child
FROM vt_episodes
WHERE PLACE_PROVIDER = 'PR0' AND PLACE <> 'P1'
