-- id: 542
-- severity: warning
-- dfe: 542
-- message: DfE 542: child aged under 10 at 31 March but conviction information is completed
SELECT 'oc2' AS table_name, r._file AS file, r._row AS row, 'CONVICTED' AS "column",
       r.CONVICTED AS value, r.CHILD AS child
FROM vt_oc2 r
LEFT JOIN vt_header h USING (CHILD)
WHERE v_birthday(coalesce(r.DOB, h.DOB), 10) > make_date(CAST(r.COLLECTION_YEAR AS INTEGER), 3, 31) AND r.CONVICTED IS NOT NULL
