-- id: 217t
-- severity: warning
-- dfe: 217t
-- message: DfE 217t: PLACE P2 (independent living) is not allowed for an episode starting on or after 28 October 2023
SELECT 'episodes' AS table_name, _file AS file, _row AS row, 'PLACE' AS "column",
       PLACE AS value, CHILD AS child
FROM vt_episodes
WHERE PLACE = 'P2' AND DECOM >= DATE '2023-10-28'
