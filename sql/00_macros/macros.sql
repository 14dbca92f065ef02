-- Shared SQL macros, run before every model (statements, not a model).
-- parse_date: dd/mm/yyyy (DfE) or ISO yyyy-mm-dd; anything else NULL (validation reports it).
CREATE OR REPLACE MACRO parse_date(s) AS
    coalesce(try_strptime(s, '%d/%m/%Y'), try_strptime(s, '%Y-%m-%d'))::DATE;
-- norm_code: codes are compared trimmed and upper-cased.
CREATE OR REPLACE MACRO norm_code(s) AS nullif(upper(trim(s)), '');
