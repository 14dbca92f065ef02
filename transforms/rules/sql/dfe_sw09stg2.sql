-- id: SW09STG2
-- severity: warning
-- dfe: SW09STG2
-- message: DfE SW09STG2: social worker episode appears to have lasted less than 24 hours (ends the day it began)
SELECT 'sw_episodes' AS table_name, r._file AS file, r._row AS row, 'SW_DEC' AS "column",
       r.SW_DEC_TXT AS value, r.CHILD AS child
FROM vt_sw_episodes r
WHERE r.SW_DEC = r.SW_DECOM
