-- id: episodes.dec_before_decom
-- severity: row
-- covers_dfe: 356
-- message: DEC (date episode ceased) is before DECOM (date episode commenced)
SELECT 'episodes' AS table_name, _file AS file, _row AS row, 'DEC' AS "column",
       DEC_TXT AS value, CHILD AS child
FROM vt_episodes
WHERE DEC < DECOM
