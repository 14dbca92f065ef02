-- id: 193
-- severity: warning
-- dfe: 193
-- message: DfE 193: no substance misuse identified but an intervention item is completed
SELECT 'oc2' AS table_name, r._file AS file, r._row AS row, 'INTERVENTION_RECEIVED' AS "column",
       coalesce(r.INTERVENTION_RECEIVED, r.INTERVENTION_OFFERED) AS value, r.CHILD AS child
FROM vt_oc2 r
WHERE (r.SUBSTANCE_MISUSE IS NULL OR r.SUBSTANCE_MISUSE = '0')
  AND (r.INTERVENTION_RECEIVED IS NOT NULL OR r.INTERVENTION_OFFERED IS NOT NULL)
