-- id: SW02STG1
-- severity: warning
-- dfe: SW02STG1
-- message: DfE SW02STG1: social worker ID does not begin with SW or XX
SELECT 'sw_episodes' AS table_name, r._file AS file, r._row AS row, 'SW_ID' AS "column",
       r.SW_ID AS value, r.CHILD AS child
FROM vt_sw_episodes r
WHERE r.SW_ID IS NOT NULL AND upper(left(r.SW_ID, 2)) NOT IN ('SW', 'XX')
