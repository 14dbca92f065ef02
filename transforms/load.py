"""Load the recognised files of an extract set into DuckDB `vn_<table>` tables, typed.

A file is read as text: `_file` (file name), `_row` (1-based line, header = 1), then the
table's contract columns as trimmed text ('' becomes NULL), and each date column parsed once
(`_date_<col>`, strictly: schemas/checks.py). Those rows go to the column checks (pandera,
transforms/validation/columns.py) and into `vn_<table>`, typed (dates as DATE with their text
beside, codes normalised; transforms/validation/normal.py).
`vn_` lives in the run's in-memory `scratch` database (transforms/scratch.py), not in the
warehouse file: the input files are the record, fingerprinted in the manifest. Nothing is
dropped here: validation decides what is quarantined.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl
import pyarrow as pa

from schemas.checks import with_dates
from schemas.tables import TABLES, YEAR
from transforms.discover import Discovery
from transforms.validation.normal import create_normalised_tables, insert_normalised

# A 4-digit year, optionally followed by the 2-digit year it runs to (2024_25, 2024-25).
# Rows per Arrow batch handed to DuckDB: it inserts the batches of one file in parallel, a
# single batch on one thread (1,000,000 children, episodes: 5.3-6.0 s -> 2.7-2.8 s).
BATCH_ROWS = 122_880  # DuckDB's row group
_YEAR_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:[-_ ]?(\d{2}))?(?!\d)")


@dataclass
class LoadedFile:
    name: str
    table: str
    sha256: str
    rows_read: int


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def year_from_name(name: str) -> int | None:
    """The collection year named in a file name, as the year it ends: `oc2_2025.csv` ->
    2025, `SSDA903_2024_25_OC3.csv` -> 2025; None when the name holds no year."""
    years = []
    for m in _YEAR_IN_NAME.finditer(name):
        start, to = int(m.group(1)), m.group(2)
        years.append(start + 1 if to is not None and int(to) == (start + 1) % 100 else start)
    return max(years) if years else None


def _padded_columns(frame: pl.DataFrame, names: list[str]) -> set[str]:
    """The columns with a value that starts or ends with white space: only these are trimmed
    (looking costs less than half of trimming; most columns of an export have none)."""
    if not names or frame.height == 0:
        return set()
    found = frame.select(pl.col(names).str.contains(r"^\s|\s$").any()).row(0)
    return {name for name, is_padded in zip(names, found, strict=True) if is_padded}


def read_file(path: Path, table: str, rows: int | None = None) -> pl.DataFrame:
    """One CSV as text columns named by the contract, trimmed, blanks as null; only the
    first `rows` data rows when given (trailing blank lines are not rows)."""
    frame = pl.read_csv(path, infer_schema=False, encoding="utf8")
    if rows is not None:
        frame = frame.head(rows)
    frame = frame.rename({c: c.strip().upper() for c in frame.columns})
    contract = TABLES[table].columns
    padded = _padded_columns(frame, [c for c in contract if c in frame.columns])
    cols = []
    for name in contract:
        if name == YEAR and YEAR in TABLES[table].derived:
            year = year_from_name(path.name)  # None: set from the extract date (validate)
            cols.append(pl.lit(None if year is None else str(year), dtype=pl.String).alias(name))
        elif name in frame.columns:
            v = pl.col(name).str.strip_chars() if name in padded else pl.col(name)
            cols.append(pl.when(v == "").then(None).otherwise(v).alias(name))
        else:  # an optional column absent from this file
            cols.append(pl.lit(None, dtype=pl.String).alias(name))
    return frame.select(
        pl.lit(path.name).alias("_file"),
        (pl.int_range(pl.len(), dtype=pl.Int64) + 2).alias("_row"),
        *cols,
    )


def xml_frame(path: Path, table: str, rows: list[tuple[int, dict]]) -> pl.DataFrame:
    """One table's rows from a parsed XML return, shaped as `read_file` shapes a CSV."""
    columns: dict[str, list] = {c: [] for c in TABLES[table].columns}
    year = year_from_name(path.name)
    for _, values in rows:
        for c in columns:
            if c == YEAR and YEAR in TABLES[table].derived:
                columns[c].append(None if year is None else str(year))
            else:
                v = values.get(c)
                v = v.strip() if isinstance(v, str) else v
                columns[c].append(v or None)
    return pl.DataFrame(
        {
            "_file": [path.name] * len(rows),
            "_row": [line for line, _ in rows],
            **columns,
        },
        schema={"_file": pl.String, "_row": pl.Int64, **{c: pl.String for c in columns}},
    )


def load_extract(
    con: duckdb.DuckDBPyConnection,
    found: Discovery,
    inspect: Callable[[str, pl.DataFrame], None] = lambda table, frame: None,
) -> list[LoadedFile]:
    """Type every recognised file's rows into its `vn_<table>`, in file-name order; each
    file's rows, as read, go to `inspect(table, frame)` first (the column checks)."""
    create_normalised_tables(con)
    loaded = []
    for f in sorted(found.files, key=lambda f: f.path.name):
        if f.path in found.xml:
            frame = xml_frame(f.path, f.table, found.xml[f.path].tables[f.table])
        else:
            frame = read_file(f.path, f.table, f.rows)
        frame = with_dates(frame, TABLES[f.table].dates)  # parsed once, for both below
        inspect(f.table, frame)
        # plain (large) strings: DuckDB ingests these ~5x faster than polars' string views
        rows = frame.to_arrow(compat_level=pl.CompatLevel.oldest())
        batches = pa.Table.from_batches(rows.to_batches(BATCH_ROWS), schema=rows.schema)
        insert_normalised(con, f.table, batches)
        loaded.append(LoadedFile(f.path.name, f.table, sha256_of(f.path), frame.height))
    return loaded
