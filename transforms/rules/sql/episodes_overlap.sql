-- id: episodes.overlap
-- severity: row
-- covers_dfe: 142 (in part)
-- message: episode overlaps another episode of the same child (every overlapping episode is listed)
-- Episodes are half-open spells [DECOM, DEC); an open episode runs on for ever. An X1 ending
-- on the day the next episode starts is not an overlap.
WITH spells AS (
    SELECT _file, _row, CHILD, DECOM, DECOM_TXT,
           coalesce(DEC, DATE '9999-12-31') AS until
    FROM vt_episodes
    WHERE CHILD IS NOT NULL AND DECOM IS NOT NULL AND (DEC IS NULL OR DEC > DECOM)
)
SELECT DISTINCT 'episodes' AS table_name, a._file AS file, a._row AS row,
       'DECOM' AS "column", a.DECOM_TXT AS value, a.CHILD AS child
FROM spells a
JOIN spells b
  ON a.CHILD = b.CHILD
 AND (a._file, a._row) <> (b._file, b._row)
 AND a.DECOM < b.until AND b.DECOM < a.until
