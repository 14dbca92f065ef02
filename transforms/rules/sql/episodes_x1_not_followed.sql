-- id: episodes.x1_not_followed
-- severity: warning
-- covers_dfe: 388
-- message: REC X1 (episode ends and a new one starts the same day) but no episode of the child starts on DEC
SELECT 'episodes' AS table_name, _file AS file, _row AS row, 'REC' AS "column",
       REC AS value, CHILD AS child
FROM vt_episodes e
ANTI JOIN vt_episodes n ON n.CHILD = e.CHILD AND n.DECOM = e.DEC
WHERE e.REC = 'X1' AND e.DEC IS NOT NULL
