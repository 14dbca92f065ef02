-- id: 182
-- severity: warning
-- dfe: 182
-- message: DfE 182: OC2 immunisations, teeth check, health assessment and substance misuse must all be completed, or every OC2 item left blank
SELECT 'oc2' AS table_name, r._file AS file, r._row AS row, 'IMMUNISATIONS' AS "column",
       r.IMMUNISATIONS AS value, r.CHILD AS child
FROM vt_oc2 r
WHERE (r.IMMUNISATIONS IS NULL OR r.TEETH_CHECK IS NULL OR r.HEALTH_ASSESSMENT IS NULL
       OR r.SUBSTANCE_MISUSE IS NULL)
  AND NOT (r.CONVICTED IS NULL AND r.HEALTH_CHECK IS NULL AND r.INTERVENTION_RECEIVED IS NULL
           AND r.INTERVENTION_OFFERED IS NULL)
