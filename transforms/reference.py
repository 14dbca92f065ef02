"""Reference data and code lists into DuckDB: `ref_<name>` and `codes_<field>` tables.

Bundled defaults live in the project's `reference/`; a file of the same name in the extract
set's `reference/` folder replaces the bundled one (no merging). Code lists come from
`schemas/codes/` and are DfE facts, never overridden.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

from core.errors import BlockedError
from core.paths import CODES_DIR, REFERENCE_DIR
from schemas.tables import REFERENCE_FILES

REFERENCE_TYPES: dict[str, dict[str, str]] = {
    "population": {"from_date": "DATE", "population_under_18": "DOUBLE"},
    "comparators": {
        "indicator_id": "VARCHAR",
        "comparator": "VARCHAR",
        "year": "VARCHAR",
        "value": "DOUBLE",
    },
    "targets": {
        "indicator_id": "VARCHAR",
        "year": "VARCHAR",
        "quarter": "INTEGER",
        "target": "DOUBLE",
        "polarity": "VARCHAR",
    },
    "rag": {"indicator_id": "VARCHAR", "amber_tolerance": "DOUBLE"},
    "bank_holidays": {"date": "DATE"},
    "postcodes": {"postcode_sector": "VARCHAR", "latitude": "DOUBLE", "longitude": "DOUBLE"},
    "suppression": {"profile": "VARCHAR", "rule": "VARCHAR", "threshold": "DOUBLE"},
}
assert set(REFERENCE_TYPES) == set(REFERENCE_FILES)


def reference_sources(overrides: dict[str, Path]) -> dict[str, Path]:
    """Which file each reference table comes from: the extract's override, else bundled."""
    return {name: overrides.get(name, REFERENCE_DIR / f"{name}.csv") for name in REFERENCE_FILES}


# Columns that may be blank (every other reference column is required).
OPTIONAL = {("targets", "quarter"), ("targets", "polarity")}
# Extra value rules: (file, column) -> (SQL condition on the typed value `v`, what it must be).
ALLOWED = {
    ("targets", "polarity"): ("v IN ('high', 'low')", "high or low"),
    ("targets", "quarter"): ("v BETWEEN 1 AND 4", "a quarter 1-4"),
    ("targets", "year"): ("regexp_matches(v, '^\\d{4}-\\d{2}$')", "a year like 2020-21"),
    ("comparators", "year"): ("regexp_matches(v, '^\\d{4}-\\d{2}$')", "a year like 2018-19"),
    ("population", "population_under_18"): ("v > 0", "a positive number"),
    ("rag", "amber_tolerance"): ("v >= 0", "zero or more"),
    ("postcodes", "latitude"): ("v BETWEEN -90 AND 90", "a latitude"),
    ("postcodes", "longitude"): ("v BETWEEN -180 AND 180", "a longitude"),
}


TYPE_WORDS = {
    "DATE": "a date (dd/mm/yyyy or yyyy-mm-dd)",
    "DOUBLE": "a number",
    "INTEGER": "a whole number",
    "VARCHAR": "text",
}


def _typed(column: str, sql_type: str) -> str:
    text = f"nullif(trim(\"{column}\"), '')"
    if sql_type == "DATE":  # dd/mm/yyyy or ISO, as in the extracts
        return f"parse_date({text})"
    if column == "polarity":
        return f"lower({text})"
    return f"TRY_CAST({text} AS {sql_type})"


def reference_problems(con: duckdb.DuckDBPyConnection, name: str, label: str) -> list[dict]:
    """Blank required values, values of the wrong type and values out of range in `_ref`."""
    problems = []
    for column, sql_type in REFERENCE_TYPES[name].items():
        typed = _typed(column, sql_type)
        rule_sql = ALLOWED.get((name, column), ("true", ""))
        rows = con.execute(
            f'SELECT _row, "{column}", {typed} IS NULL AS bad_type, '
            f"(SELECT {rule_sql[0]} FROM (SELECT {typed} AS v)) AS allowed FROM _ref"
        ).fetchall()
        for row, raw, bad_type, allowed in rows:
            blank = raw is None or not raw.strip()
            if blank and (name, column) in OPTIONAL:
                continue
            if blank:
                problem = "is blank"
            elif bad_type:
                problem = f"{raw!r} is not {TYPE_WORDS[sql_type]}"
            elif allowed is False:
                problem = f"{raw!r} is not {rule_sql[1]}"
            else:
                continue
            problems.append(
                {
                    "file": label,
                    "rule": "reference.invalid_value",
                    "message": f"row {row}, column {column}: {problem}",
                }
            )
    return problems


def load_reference(con: duckdb.DuckDBPyConnection, overrides: dict[str, Path]) -> dict[str, Path]:
    """Create every `ref_<name>` table; returns the file each came from.

    A reference file with a missing column, a blank required value or a value of the wrong
    type blocks the run (its numbers would silently change every indicator it feeds)."""
    sources = reference_sources(overrides)
    problems: list[dict] = []
    for name, path in sources.items():
        label = f"reference/{path.name}"
        types = REFERENCE_TYPES[name]
        frame = pl.read_csv(path, infer_schema=False, encoding="utf8")
        frame = frame.rename({c: c.strip().lower() for c in frame.columns})
        missing = [c for c in types if c not in frame.columns]
        if missing:
            problems.append(
                {
                    "file": label,
                    "rule": "reference.missing_column",
                    "message": f"missing column(s) {', '.join(missing)}",
                }
            )
            continue
        frame = frame.select(list(types)).with_row_index("_row", offset=2)
        con.register("_ref", frame.to_arrow())
        problems += reference_problems(con, name, label)
        select = ", ".join(f'{_typed(c, t)} AS "{c}"' for c, t in types.items())
        con.execute(f"CREATE OR REPLACE TABLE ref_{name} AS SELECT {select} FROM _ref")
        con.unregister("_ref")
    if problems:
        lines = "\n".join(f"  {p['file']}: {p['message']} [{p['rule']}]" for p in problems[:20])
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise BlockedError(f"reference data blocked, nothing built:\n{lines}{more}")
    return sources


def load_codes(con: duckdb.DuckDBPyConnection, codes_dir: Path = CODES_DIR) -> None:
    """Create `codes_<field>` tables (code, label, valid_from_year, valid_to_year, ...)."""
    for path in sorted(codes_dir.glob("*.csv")):
        con.execute(
            f"CREATE OR REPLACE TABLE codes_{path.stem.lower()} AS "
            "SELECT * REPLACE (upper(trim(code)) AS code, "
            "TRY_CAST(valid_from_year AS INTEGER) AS valid_from_year, "
            "TRY_CAST(valid_to_year AS INTEGER) AS valid_to_year) "
            "FROM read_csv(?, all_varchar = true, header = true)",
            [str(path)],
        )
