-- id: ad1.date_match_before_date_int
-- severity: warning
-- message: DATE_MATCH (matched with adopters) is before DATE_INT (decision the child should be placed for adoption)
SELECT 'ad1' AS table_name, _file AS file, _row AS row, 'DATE_MATCH' AS "column",
       DATE_MATCH_TXT AS value, CHILD AS child
FROM vt_ad1
WHERE DATE_MATCH < DATE_INT
