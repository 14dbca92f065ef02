-- id: 1003
-- severity: warning
-- dfe: 1003
-- message: DfE 1003: date of the decision to place for adoption (DATE_PLACED) is before the child first started to be looked after (first RNE S episode)
WITH first_start AS (
    SELECT CHILD, min(DECOM) AS decom FROM vt_episodes WHERE RNE = 'S' GROUP BY CHILD
)
SELECT 'placed_adoption' AS table_name, p._file AS file, p._row AS row,
       'DATE_PLACED' AS "column", p.DATE_PLACED_TXT AS value, p.CHILD AS child
FROM vt_placed_adoption p JOIN first_start f USING (CHILD)
WHERE p.DATE_PLACED < f.decom
