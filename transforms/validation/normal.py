"""SQL expressions that normalise the loaded text: dates (strict), codes (upper case)."""

from __future__ import annotations

import duckdb

from schemas.checks import MAX_YEAR, MIN_YEAR, date_column
from schemas.tables import TABLES, Table
from transforms import scratch

MACROS = f"""
CREATE OR REPLACE MACRO v_in_years(d) AS
    CASE WHEN year(d) BETWEEN {MIN_YEAR} AND {MAX_YEAR} THEN d END;
CREATE OR REPLACE MACRO v_date(s) AS
    v_in_years(try_strptime(s, ['%d/%m/%Y', '%Y-%m-%d'])::DATE);
-- the loader has trimmed every value and made blanks NULL (transforms/load.py): codes are
-- compared upper-cased, as the DfE tool compares them (a trim here cost a third of the insert)
CREATE OR REPLACE MACRO v_code(s) AS upper(s);
CREATE OR REPLACE MACRO v_birthday(dob, n) AS (dob + to_months(CAST(12 * n AS INTEGER)))::DATE;
"""


def create_macros(con: duckdb.DuckDBPyConnection) -> None:
    """v_date / v_code: the same strict reading the pandera schemas apply."""
    if not _has_macro(con, "parse_date"):  # normally made by sql/00_macros
        con.execute(
            "CREATE MACRO parse_date(s) AS "
            "coalesce(try_strptime(s, '%d/%m/%Y'), try_strptime(s, '%Y-%m-%d'))::DATE"
        )
    con.execute(MACROS)


def _has_macro(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(
        con.execute(
            "SELECT count(*) FROM duckdb_functions() WHERE function_name = ?", [name]
        ).fetchone()[0]
    )


def typed(table: Table, column: str) -> str:
    """The column in the typed validation tables: DATE for dates, normalised codes."""
    c = f'"{column}"'
    if column in table.dates:  # parsed by the loader, as the column checks read it
        return f'"{date_column(column)}" AS {c}, {c} AS "{column}_TXT"'
    if column in table.codes:
        return f"v_code({c}) AS {c}"
    return c


def _hashed(table: Table, column: str) -> str:
    """A typed column as compared for duplicates: a date, or its text when unparseable."""
    c = f'"{column}"'
    if column in table.dates:
        return f'{c}, CASE WHEN {c} IS NULL THEN "{column}_TXT" END'
    return c


def _normalising(t: Table, source: str) -> str:
    """The rows of `source` (`_file`, `_row`, contract columns as text) typed, with `_h`
    (hash of the normalised row, for exact duplicates) and `_k` (of its key, for duplicate
    keys)."""
    cols = ", ".join(typed(t, c) for c in t.columns)
    row, key = hashes(t)
    return f"SELECT *, {row} AS _h, {key} AS _k FROM (SELECT _file, _row, {cols} FROM {source})"


def hashes(t: Table) -> tuple[str, str]:
    """`_h` and `_k` of a typed row (in `vn_<table>`, or as typed by `_normalising`)."""
    row = ", ".join(_hashed(t, c) for c in t.columns)
    key = ", ".join(_hashed(t, c) for c in t.key)
    return f"hash({row})", f"hash({key})"


def create_normalised_tables(con: duckdb.DuckDBPyConnection) -> None:
    """An empty `vn_<table>` in scratch for every contract table (so SQL can rely on it)."""
    for t in TABLES.values():
        text = ", ".join(f'NULL::VARCHAR AS "{c}"' for c in t.columns)
        dates = "".join(f', NULL::DATE AS "{date_column(c)}"' for c in t.dates)
        empty = f"(SELECT NULL::VARCHAR AS _file, NULL::BIGINT AS _row, {text}{dates} LIMIT 0)"
        con.execute(
            f"CREATE OR REPLACE TABLE {scratch.NAME}.vn_{t.name} AS {_normalising(t, empty)}"
        )


def insert_normalised(con: duckdb.DuckDBPyConnection, table: str, rows: object) -> None:
    """Append `rows` (an Arrow table shaped as the loader reads a file) to `vn_<table>`,
    typed once: staging reads `vn_<table>` (less what validation set aside), so no date is
    parsed twice and the text as read is never stored."""
    con.register("_incoming", rows)
    try:
        con.execute(f"INSERT INTO vn_{table} {_normalising(TABLES[table], '_incoming')}")
    finally:
        con.unregister("_incoming")
