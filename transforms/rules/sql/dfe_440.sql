-- id: 440
-- severity: warning
-- dfe: 440
-- message: DfE 440: REVIEW_CODE PN0 says the child was under 4 at the review, but DOB and review date say 4 or over
SELECT 'reviews' AS table_name, r._file AS file, r._row AS row, 'REVIEW_CODE' AS "column",
       r.REVIEW_CODE AS value, r.CHILD AS child
FROM vt_reviews r LEFT JOIN vt_header h USING (CHILD)
WHERE r.REVIEW_CODE = 'PN0' AND v_birthday(coalesce(r.DOB, h.DOB), 4) < r.REVIEW
