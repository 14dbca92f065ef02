-- id: 391
-- severity: warning
-- dfe: 391
-- message: DfE 391: young person was not 17 to 21 during the collection year but care-leaver information is given
SELECT 'oc3' AS table_name, r._file AS file, r._row AS row, 'DOB' AS "column",
       coalesce(r.DOB_TXT, h.DOB_TXT) AS value, r.CHILD AS child
FROM vt_oc3 r
LEFT JOIN vt_header h USING (CHILD)
WHERE v_birthday(coalesce(r.DOB, h.DOB), 17) > make_date(CAST(r.COLLECTION_YEAR AS INTEGER), 3, 31)
  AND (r.IN_TOUCH IS NOT NULL OR r.ACTIV IS NOT NULL OR r.ACCOM IS NOT NULL)
