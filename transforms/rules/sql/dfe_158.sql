-- id: 158
-- severity: warning
-- dfe: 158
-- message: DfE 158: an intervention was received for substance misuse, so whether one was offered should be left blank
SELECT 'oc2' AS table_name, r._file AS file, r._row AS row, 'INTERVENTION_OFFERED' AS "column",
       r.INTERVENTION_OFFERED AS value, r.CHILD AS child
FROM vt_oc2 r
WHERE r.INTERVENTION_RECEIVED = '1' AND r.INTERVENTION_OFFERED IS NOT NULL
