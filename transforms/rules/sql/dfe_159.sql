-- id: 159
-- severity: warning
-- dfe: 159
-- message: DfE 159: substance misuse and no intervention received, but whether one was offered is blank
SELECT 'oc2' AS table_name, r._file AS file, r._row AS row, 'INTERVENTION_OFFERED' AS "column",
       r.INTERVENTION_OFFERED AS value, r.CHILD AS child
FROM vt_oc2 r
WHERE r.SUBSTANCE_MISUSE = '1' AND r.INTERVENTION_RECEIVED = '0'
  AND r.INTERVENTION_OFFERED IS NULL
