-- id: episodes.rec_missing
-- severity: row
-- covers_dfe: 148
-- message: REC (reason episode ceased) is blank on a closed episode
SELECT 'episodes' AS table_name, _file AS file, _row AS row, 'REC' AS "column",
       REC AS value, CHILD AS child
FROM vt_episodes
WHERE DEC_TXT IS NOT NULL AND REC IS NULL
