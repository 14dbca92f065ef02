-- id: 189
-- severity: warning
-- dfe: 189
-- message: DfE 189: child aged 17 or over at 1 April but an SDQ score or reason for no score is completed
SELECT 'oc2' AS table_name, r._file AS file, r._row AS row, 'SDQ_SCORE' AS "column",
       coalesce(r.SDQ_SCORE, r.SDQ_REASON) AS value, r.CHILD AS child
FROM vt_oc2 r
LEFT JOIN vt_header h USING (CHILD)
WHERE v_birthday(coalesce(r.DOB, h.DOB), 17) <= make_date(CAST(r.COLLECTION_YEAR AS INTEGER) - 1, 4, 1)
  AND (r.SDQ_SCORE IS NOT NULL OR r.SDQ_REASON IS NOT NULL)
