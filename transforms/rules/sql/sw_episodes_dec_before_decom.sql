-- id: sw_episodes.dec_before_decom
-- severity: row
-- covers_dfe: SW18STG2
-- message: social worker episode ends (SW_DEC) before it began (SW_DECOM)
SELECT 'sw_episodes' AS table_name, r._file AS file, r._row AS row, 'SW_DEC' AS "column",
       r.SW_DEC_TXT AS value, r.CHILD AS child
FROM vt_sw_episodes r
WHERE r.SW_DEC < r.SW_DECOM
