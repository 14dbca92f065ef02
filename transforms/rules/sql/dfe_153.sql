-- id: 153
-- severity: warning
-- dfe: 153
-- message: DfE 153: IN_TOUCH, ACTIV and ACCOM must all be coded or all left blank
SELECT 'oc3' AS table_name, r._file AS file, r._row AS row, 'IN_TOUCH' AS "column",
       r.IN_TOUCH AS value, r.CHILD AS child
FROM vt_oc3 r
WHERE NOT (r.IN_TOUCH IS NOT NULL AND r.ACTIV IS NOT NULL AND r.ACCOM IS NOT NULL)
  AND NOT (r.IN_TOUCH IS NULL AND r.ACTIV IS NULL AND r.ACCOM IS NULL)
