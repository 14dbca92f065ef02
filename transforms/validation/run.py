"""Validate an extract folder without building: what `cla validate` and the tests call."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from transforms import build as sql_build
from transforms.discover import Discovery, discover
from transforms.load import load_extract
from transforms.reference import load_codes, load_reference
from transforms.validate import DEFAULT_THRESHOLD, ValidationResult, validate
from transforms.validation.findings import add_file_level, create_tables

REPORT_COLUMNS = ("file", "row", "column", "rule", "value", "child", "severity")


@dataclass
class Checked:
    con: duckdb.DuckDBPyConnection
    found: Discovery
    result: ValidationResult | None  # None when discovery blocked (nothing was loaded)

    @property
    def blocking(self) -> list[dict]:
        return self.result.blocking if self.result else self.found.blocking


def check_extract(
    extract_dir: Path,
    extract_date: date | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    db_path: str = ":memory:",
) -> Checked:
    """Discover, load and validate; never raises for bad data (blocking is reported)."""
    found = discover(extract_dir)
    con = duckdb.connect(db_path)
    con.execute("SET TimeZone = 'UTC'")
    if found.blocking:
        create_tables(con)
        add_file_level(con, found.blocking, "blocking")
        add_file_level(con, found.warnings, "warning")
        return Checked(con, found, None)
    sql_build.create_macros(con)
    load_codes(con)
    load_reference(con, found.reference)
    loaded = load_extract(con, found)
    return Checked(con, found, validate(con, found, loaded, extract_date, threshold=threshold))


def findings_rows(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Every finding in report order: file, row, column, rule, value, child, severity."""
    return con.execute(
        'SELECT file, row, "column", rule, value, child, severity FROM dq_findings '
        "ORDER BY CASE severity WHEN 'blocking' THEN 0 WHEN 'row' THEN 1 ELSE 2 END, "
        'file, row NULLS FIRST, rule, "column"'
    ).fetchall()


def write_report(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """The full findings CSV (REPORT_COLUMNS); returns the number of findings written."""
    rows = findings_rows(con)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(REPORT_COLUMNS)
        writer.writerows(["" if v is None else v for v in r] for r in rows)
    return len(rows)
