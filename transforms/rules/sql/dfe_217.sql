-- id: 217
-- severity: warning
-- dfe: 217
-- message: DfE 217: a child placed for adoption with current foster carers (PLACE A3 or A5) from 1 April 2015 must have RNE S, T or U
SELECT 'episodes' AS table_name, _file AS file, _row AS row, 'RNE' AS "column",
       RNE AS value, CHILD AS child
FROM vt_episodes
WHERE PLACE IN ('A3', 'A5') AND DECOM >= DATE '2015-04-01'
  AND (RNE IS NULL OR RNE NOT IN ('S', 'T', 'U'))
