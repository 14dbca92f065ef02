-- id: 230
-- severity: warning
-- dfe: 230
-- message: DfE 230: an Ofsted URN is required for an H5 placement running on or after 29 October 2023
SELECT 'episodes' AS table_name, _file AS file, _row AS row, 'URN' AS "column",
       URN AS value, CHILD AS child
FROM vt_episodes
WHERE PLACE = 'H5' AND (DEC IS NULL OR DEC >= DATE '2023-10-29')
  AND (URN IS NULL OR upper(URN) = 'XXXXXXX')
