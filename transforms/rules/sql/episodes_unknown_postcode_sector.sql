-- id: episodes.unknown_postcode_sector
-- severity: warning
-- message: postcode is not a recognisable sector or its sector is not in the postcodes reference (no distance can be computed)
-- Sector rules: indicators.md "Distance" (upper case, single space, outward code + first
-- digit of the inward code; without a space the last three characters as inward code).
WITH posts AS (
    SELECT _file, _row, CHILD, 'HOME_POST' AS col, HOME_POST AS post FROM vt_episodes
    UNION ALL
    SELECT _file, _row, CHILD, 'PL_POST', PL_POST FROM vt_episodes
),
cleaned AS (  -- each distinct postcode once: the regular expressions are the cost
    SELECT post, regexp_replace(upper(trim(post)), '\s+', ' ', 'g') AS s
    FROM (SELECT DISTINCT post FROM posts WHERE post IS NOT NULL)
),
sectors AS (
    SELECT post, CASE
        WHEN regexp_full_match(s, '[A-Z][A-Z0-9]{1,3} [0-9]([A-Z]{2})?')
            THEN split_part(s, ' ', 1) || ' ' || left(split_part(s, ' ', 2), 1)
        WHEN regexp_full_match(s, '[A-Z][A-Z0-9]{1,3}[0-9][A-Z]{2}')
            THEN left(s, length(s) - 3) || ' ' || substr(s, length(s) - 2, 1)
    END AS sector
    FROM cleaned
),
unknown AS (
    SELECT post FROM sectors
    WHERE sector IS NULL
       OR sector NOT IN (SELECT upper(trim(postcode_sector)) FROM ref_postcodes
                         WHERE postcode_sector IS NOT NULL)
)
SELECT 'episodes' AS table_name, posts._file AS file, posts._row AS row, posts.col AS "column",
       posts.post AS value, posts.CHILD AS child
FROM posts
JOIN unknown ON unknown.post = posts.post
