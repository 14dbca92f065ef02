-- id: 446
-- severity: warning
-- dfe: 446
-- message: DfE 446: LS E1 (placement order) is not valid for an episode starting before 1 December 2005
SELECT 'episodes' AS table_name, _file AS file, _row AS row, 'LS' AS "column",
       LS AS value, CHILD AS child
FROM vt_episodes
WHERE LS = 'E1' AND DECOM < DATE '2005-12-01'
