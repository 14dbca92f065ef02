-- id: placed_adoption.ceased_before_placed
-- severity: warning
-- message: DATE_PLACED_CEASED is before DATE_PLACED
SELECT 'placed_adoption' AS table_name, _file AS file, _row AS row,
       'DATE_PLACED_CEASED' AS "column", DATE_PLACED_CEASED_TXT AS value, CHILD AS child
FROM vt_placed_adoption
WHERE DATE_PLACED_CEASED < DATE_PLACED
