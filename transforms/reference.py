"""Reference data and code lists into DuckDB: `ref_<name>` and `codes_<field>` tables.

Bundled defaults live in the project's `reference/`; a file of the same name in the extract
set's `reference/` folder replaces the bundled one (no merging). Code lists come from
`schemas/codes/` and are DfE facts, never overridden.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

from cla.errors import BlockedError
from cla.paths import CODES_DIR, REFERENCE_DIR
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


def load_reference(con: duckdb.DuckDBPyConnection, overrides: dict[str, Path]) -> dict[str, Path]:
    """Create every `ref_<name>` table; returns the file each came from."""
    sources = reference_sources(overrides)
    for name, path in sources.items():
        types = REFERENCE_TYPES[name]
        frame = pl.read_csv(path, infer_schema=False, encoding="utf8")
        frame = frame.rename({c: c.strip().lower() for c in frame.columns})
        missing = [c for c in types if c not in frame.columns]
        if missing:
            raise BlockedError(
                f"reference file {path}: missing column(s) {', '.join(missing)} "
                f"[reference.missing_column]"
            )
        con.register("_ref", frame.select(list(types)).to_arrow())
        select = ", ".join(f'TRY_CAST(trim("{c}") AS {t}) AS "{c}"' for c, t in types.items())
        con.execute(f"CREATE OR REPLACE TABLE ref_{name} AS SELECT {select} FROM _ref")
        con.unregister("_ref")
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
