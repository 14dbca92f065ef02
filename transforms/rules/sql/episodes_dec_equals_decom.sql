-- id: episodes.dec_equals_decom
-- severity: row
-- covers_dfe: 355
-- message: DEC equals DECOM: the episode covers no day
SELECT 'episodes' AS table_name, _file AS file, _row AS row, 'DEC' AS "column",
       DEC_TXT AS value, CHILD AS child
FROM vt_episodes
WHERE DEC = DECOM
