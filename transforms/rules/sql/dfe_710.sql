-- id: 710
-- severity: warning
-- dfe: 710
-- message: DfE 710: child with a deprivation-of-liberty order placed in a secure children's home, with parents, in a young offender institution or in supported accommodation (K1, P1, R5, K3)
SELECT 'dolo' AS table_name, r._file AS file, r._row AS row, 'DOLO_START' AS "column",
       r.DOLO_START_TXT AS value, r.CHILD AS child
FROM vt_dolo r
JOIN vt_episodes e USING (CHILD)
WHERE r.DOLO_END IS NOT NULL AND e.PLACE IN ('K1', 'P1', 'R5', 'K3')
  AND (e.DEC IS NULL OR r.DOLO_START <= e.DEC) AND r.DOLO_END >= e.DECOM
