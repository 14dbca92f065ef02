"""Build a table's pandera schema from its contract (schemas/tables.py).

One base schema per table: every contract column as text, required (not blank) or nullable,
with date, code-by-collection-year and integer-range checks; per-year code differences come
from the code lists' valid_from_year/valid_to_year, not from one schema copy per year.
"""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas.checks import code_check, date_check, int_range_check
from schemas.tables import Table

# pandera's built-in check names mapped to our rule suffixes.
PANDERA_RULES = {"not_nullable": "blank_required"}


def column_checks(table: Table, column: str) -> list[pa.Check]:
    """The checks one contract column carries."""
    checks: list[pa.Check] = []
    if column in table.dates:
        checks.append(date_check())
    if column in table.codes:
        spec = table.codes[column]
        checks.append(code_check(spec.codes, spec.year_from))
    if column in table.int_ranges:
        checks.append(int_range_check(*table.int_ranges[column]))
    return checks


def build_schema(
    table: Table, extra: dict[str, list[pa.Check]] | None = None
) -> pa.DataFrameSchema:
    """The table's schema over a raw frame (`_file`, `_row`, contract columns as text)."""
    extra = extra or {}
    columns = {
        "_file": pa.Column(pl.String),
        "_row": pa.Column(pl.Int64),
    }
    for name in table.columns:
        columns[name] = pa.Column(
            pl.String,
            nullable=name not in table.not_blank,
            checks=column_checks(table, name) + extra.get(name, []),
            required=True,
        )
    return pa.DataFrameSchema(columns, name=table.name, strict=False)
