-- id: episodes.child_history_incomplete
-- severity: row
-- stage: final
-- message: another episode of this child was quarantined: a child's episodes stand or fall together
WITH flagged AS (
    SELECT DISTINCT file, row FROM dq_findings
    WHERE table_name = 'episodes' AND severity = 'row'
      AND rule <> 'episodes.duplicate_key'  -- the first row at that key is kept: no hole
),
children AS (
    SELECT DISTINCT r.CHILD FROM vn_episodes r JOIN flagged f ON f.file = r._file AND f.row = r._row
    WHERE r.CHILD IS NOT NULL
)
SELECT 'episodes' AS table_name, r._file AS file, r._row AS row, 'CHILD' AS "column",
       r.CHILD AS value, r.CHILD AS child
FROM vt_episodes r
JOIN children c USING (CHILD)
ANTI JOIN flagged f ON f.file = r._file AND f.row = r._row
