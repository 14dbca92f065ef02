-- id: care_leavers.no_contact
-- severity: warning
-- message: care leaver with no recorded contact (every row has a blank CONTACT_DATE)
SELECT 'care_leavers' AS table_name, _file AS file, _row AS row, 'CONTACT_DATE' AS "column",
       NULL AS value, CHILD AS child
FROM vt_care_leavers c
ANTI JOIN (SELECT CHILD FROM vt_care_leavers WHERE CONTACT_DATE_TXT IS NOT NULL) o
  ON o.CHILD = c.CHILD
WHERE c.CONTACT_DATE_TXT IS NULL AND c.CHILD IS NOT NULL
