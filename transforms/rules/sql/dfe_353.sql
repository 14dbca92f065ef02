-- id: 353
-- severity: warning
-- dfe: 353
-- message: DfE 353: no episode can start before 14 October 1991
SELECT 'episodes' AS table_name, _file AS file, _row AS row, 'DECOM' AS "column",
       DECOM_TXT AS value, CHILD AS child
FROM vt_episodes
WHERE DECOM < DATE '1991-10-14'
