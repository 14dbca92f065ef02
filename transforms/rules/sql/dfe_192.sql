-- id: 192
-- severity: warning
-- dfe: 192
-- message: DfE 192: substance misuse identified but whether an intervention was received is blank
SELECT 'oc2' AS table_name, r._file AS file, r._row AS row, 'INTERVENTION_RECEIVED' AS "column",
       r.INTERVENTION_RECEIVED AS value, r.CHILD AS child
FROM vt_oc2 r
WHERE r.SUBSTANCE_MISUSE = '1' AND r.INTERVENTION_RECEIVED IS NULL
