-- id: SW15STG2
-- severity: warning
-- dfe: SW15STG2
-- message: DfE SW15STG2: reason for social worker change is missing
SELECT 'sw_episodes' AS table_name, r._file AS file, r._row AS row, 'SW_REASON' AS "column",
       NULL AS value, r.CHILD AS child
FROM vt_sw_episodes r
WHERE r.SW_REASON IS NULL
