-- id: 632
-- severity: warning
-- dfe: 632
-- message: DfE 632: DATE_PERM is not a date (dd/mm/yyyy, unknown parts as ZZ) before the child first entered care
WITH first_episode AS (SELECT CHILD, min(DECOM) AS decom FROM vt_episodes GROUP BY CHILD)
SELECT 'prev_perm' AS table_name, r._file AS file, r._row AS row, 'DATE_PERM' AS "column",
       r.DATE_PERM AS value, r.CHILD AS child
FROM vt_prev_perm r
LEFT JOIN first_episode e USING (CHILD)
WHERE r.DATE_PERM IS NOT NULL
  AND (NOT regexp_full_match(upper(r.DATE_PERM), '(\d{2}|ZZ)/(\d{2}|ZZ)/(\d{4}|ZZZZ)')
       OR (v_date(r.DATE_PERM) IS NULL AND NOT regexp_matches(upper(r.DATE_PERM), 'Z'))
       OR v_date(r.DATE_PERM) >= e.decom)
