-- id: episodes.rne_s_mismatch
-- severity: warning
-- covers_dfe: 431, 433
-- message: RNE S (started to be looked after) on an episode that continues a period of care, or a period of care that does not start with RNE S
-- An episode continues a period when another episode of the child ends on its DECOM.
WITH ends AS (
    SELECT DISTINCT CHILD, DEC FROM vt_episodes WHERE CHILD IS NOT NULL AND DEC IS NOT NULL
),
marked AS (
    SELECT e.*, p.CHILD IS NOT NULL AS continues
    FROM vt_episodes e
    LEFT JOIN ends p ON p.CHILD = e.CHILD AND p.DEC = e.DECOM
    WHERE e.DECOM IS NOT NULL AND e.RNE IS NOT NULL
)
SELECT 'episodes' AS table_name, _file AS file, _row AS row, 'RNE' AS "column",
       RNE AS value, CHILD AS child
FROM marked
WHERE (RNE = 'S') = continues
