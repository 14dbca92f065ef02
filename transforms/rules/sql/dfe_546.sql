-- id: 546
-- severity: warning
-- dfe: 546
-- message: DfE 546: child aged 5 or over at 31 March but health promotion (HEALTH_CHECK) is completed
SELECT 'oc2' AS table_name, r._file AS file, r._row AS row, 'HEALTH_CHECK' AS "column",
       r.HEALTH_CHECK AS value, r.CHILD AS child
FROM vt_oc2 r
LEFT JOIN vt_header h USING (CHILD)
WHERE v_birthday(coalesce(r.DOB, h.DOB), 5) <= make_date(CAST(r.COLLECTION_YEAR AS INTEGER), 3, 31) AND r.HEALTH_CHECK IS NOT NULL
