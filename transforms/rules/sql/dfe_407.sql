-- id: 407
-- severity: warning
-- dfe: 407
-- message: DfE 407: reason episode ceased is a special guardianship order (E45-E48) but the child had reached 18
SELECT 'episodes' AS table_name, e._file AS file, e._row AS row, 'REC' AS "column",
       e.REC AS value, e.CHILD AS child
FROM vt_episodes e JOIN vt_header h USING (CHILD)
WHERE e.REC IN ('E45', 'E46', 'E47', 'E48') AND e.DEC >= v_birthday(h.DOB, 18)
