-- id: 387
-- severity: warning
-- dfe: 387
-- message: DfE 387: reason episode ceased is independent living (E5/E6) but the child was under 14
SELECT 'episodes' AS table_name, e._file AS file, e._row AS row, 'REC' AS "column",
       e.REC AS value, e.CHILD AS child
FROM vt_episodes e JOIN vt_header h USING (CHILD)
WHERE e.REC IN ('E5', 'E6') AND e.DEC < v_birthday(h.DOB, 14)
