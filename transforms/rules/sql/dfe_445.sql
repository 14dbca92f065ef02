-- id: 445
-- severity: warning
-- dfe: 445
-- message: DfE 445: LS D1 (freeing order) is not valid for an episode starting after 31 December 2005
SELECT 'episodes' AS table_name, _file AS file, _row AS row, 'LS' AS "column",
       LS AS value, CHILD AS child
FROM vt_episodes
WHERE LS = 'D1' AND DECOM > DATE '2005-12-31'
