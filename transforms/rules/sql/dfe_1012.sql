-- id: 1012
-- severity: warning
-- dfe: 1012
-- message: DfE 1012: reviews, missing, AD1 or placed-for-adoption data for a child with no episodes
WITH rows_ AS (
    SELECT 'reviews' AS t, _file, _row, CHILD FROM vt_reviews
    UNION ALL SELECT 'missing', _file, _row, CHILD FROM vt_missing
    UNION ALL SELECT 'ad1', _file, _row, CHILD FROM vt_ad1
    UNION ALL SELECT 'placed_adoption', _file, _row, CHILD FROM vt_placed_adoption
)
SELECT t AS table_name, _file AS file, _row AS row, 'CHILD' AS "column",
       CHILD AS value, CHILD AS child
FROM rows_ r
ANTI JOIN vt_episodes e ON e.CHILD = r.CHILD
WHERE r.CHILD IS NOT NULL
