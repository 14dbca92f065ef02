-- id: 386
-- severity: warning
-- dfe: 386
-- message: DfE 386: reason episode ceased is adopted (E11/E12) but the child had reached 18
SELECT 'episodes' AS table_name, e._file AS file, e._row AS row, 'REC' AS "column",
       e.REC AS value, e.CHILD AS child
FROM vt_episodes e JOIN vt_header h USING (CHILD)
WHERE e.REC IN ('E11', 'E12') AND e.DEC >= v_birthday(h.DOB, 18)
