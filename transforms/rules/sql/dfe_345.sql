-- id: 345
-- severity: warning
-- dfe: 345
-- message: DfE 345: in touch with the young person (IN_TOUCH = YES) but ACTIV or ACCOM is 0
SELECT 'oc3' AS table_name, r._file AS file, r._row AS row, 'ACTIV' AS "column",
       CASE WHEN r.ACTIV = '0' THEN r.ACTIV ELSE r.ACCOM END AS value, r.CHILD AS child
FROM vt_oc3 r
WHERE r.IN_TOUCH = 'YES' AND (r.ACTIV = '0' OR r.ACCOM = '0')
