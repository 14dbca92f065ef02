-- id: 389
-- severity: warning
-- dfe: 389
-- message: DfE 389: reason episode ceased is transfer to adult social care (E7) but the child was under 16
SELECT 'episodes' AS table_name, e._file AS file, e._row AS row, 'REC' AS "column",
       e.REC AS value, e.CHILD AS child
FROM vt_episodes e JOIN vt_header h USING (CHILD)
WHERE e.REC = 'E7' AND e.DEC < v_birthday(h.DOB, 16)
