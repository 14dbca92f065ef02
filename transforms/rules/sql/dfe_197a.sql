-- id: 197a
-- severity: warning
-- dfe: 197a
-- message: DfE 197a: a reason for no SDQ score is given although SDQ_SCORE is filled in
SELECT 'oc2' AS table_name, r._file AS file, r._row AS row, 'SDQ_REASON' AS "column",
       r.SDQ_REASON AS value, r.CHILD AS child
FROM vt_oc2 r
WHERE r.SDQ_SCORE IS NOT NULL AND r.SDQ_REASON IS NOT NULL
