-- id: episodes.rec_on_open_episode
-- severity: row
-- covers_dfe: 148
-- message: REC (reason episode ceased) is filled on an open episode (DEC blank)
SELECT 'episodes' AS table_name, _file AS file, _row AS row, 'REC' AS "column",
       REC AS value, CHILD AS child
FROM vt_episodes
WHERE DEC_TXT IS NULL AND REC IS NOT NULL
