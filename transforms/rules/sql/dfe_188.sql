-- id: 188
-- severity: warning
-- dfe: 188
-- message: DfE 188: child aged under 4 at 31 March but an SDQ score or reason for no score is completed
SELECT 'oc2' AS table_name, r._file AS file, r._row AS row, 'SDQ_SCORE' AS "column",
       coalesce(r.SDQ_SCORE, r.SDQ_REASON) AS value, r.CHILD AS child
FROM vt_oc2 r
LEFT JOIN vt_header h USING (CHILD)
WHERE v_birthday(coalesce(r.DOB, h.DOB), 4) > make_date(CAST(r.COLLECTION_YEAR AS INTEGER), 3, 31)
  AND (r.SDQ_SCORE IS NOT NULL OR r.SDQ_REASON IS NOT NULL)
