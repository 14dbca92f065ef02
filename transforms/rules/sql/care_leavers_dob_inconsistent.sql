-- id: care_leavers.dob_inconsistent
-- severity: row
-- covers_dfe: 203 (in spirit)
-- message: the care leaver's DOB differs across their rows (rows after the first are errors)
WITH ranked AS (
    SELECT *, row_number() OVER (PARTITION BY CHILD ORDER BY _file, _row) AS n,
           count(DISTINCT coalesce(DOB::VARCHAR, DOB_TXT)) OVER (PARTITION BY CHILD) AS dobs
    FROM vt_care_leavers
    WHERE CHILD IS NOT NULL
)
SELECT 'care_leavers' AS table_name, _file AS file, _row AS row, 'DOB' AS "column",
       DOB_TXT AS value, CHILD AS child
FROM ranked
WHERE dobs > 1 AND n > 1
