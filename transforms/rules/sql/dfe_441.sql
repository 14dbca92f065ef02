-- id: 441
-- severity: warning
-- dfe: 441
-- message: DfE 441: REVIEW_CODE says the child was 4 or over at the review, but DOB and review date say under 4
SELECT 'reviews' AS table_name, r._file AS file, r._row AS row, 'REVIEW_CODE' AS "column",
       r.REVIEW_CODE AS value, r.CHILD AS child
FROM vt_reviews r LEFT JOIN vt_header h USING (CHILD)
WHERE r.REVIEW_CODE IS NOT NULL AND r.REVIEW_CODE <> 'PN0'
  AND v_birthday(coalesce(r.DOB, h.DOB), 4) > r.REVIEW
