"""The one validate sequence: discover -> load (column checks start on each file as it is
read) -> validate, shared by `cla validate`, the pipeline (`transforms.pipeline.open_validated`),
flows and tests."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb

from transforms import build as sql_build
from transforms import scratch
from transforms.discover import Discovery, discover
from transforms.load import load_extract
from transforms.reference import load_codes, load_reference
from transforms.validate import DEFAULT_THRESHOLD, ValidationResult, validate
from transforms.validation.columns import ColumnChecks
from transforms.validation.findings import add_file_level, create_tables
from transforms.validation.normal import create_macros


@dataclass
class Checked:
    con: duckdb.DuckDBPyConnection
    found: Discovery
    result: ValidationResult | None  # None when discovery blocked (nothing was loaded)
    reference_sources: dict[str, Path] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def blocking(self) -> list[dict]:
        return self.result.blocking if self.result else self.found.blocking


def check_extract(
    extract_dir: Path,
    extract_date: date | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    db_path: Path | str = ":memory:",
) -> Checked:
    """Discover, load and validate; never raises for bad data (blocking is reported)."""
    t = time.perf_counter()
    found = discover(extract_dir)
    con = scratch.connect(db_path)
    if found.blocking:
        create_tables(con)
        add_file_level(con, found.blocking, "blocking")
        add_file_level(con, found.warnings, "warning")
        return Checked(con, found, None)
    sql_build.create_macros(con)
    create_macros(con)
    load_codes(con)
    sources = load_reference(con, found.reference)
    columns = ColumnChecks()
    try:
        loaded = load_extract(con, found, columns.submit)
        timings = {"load_s": time.perf_counter() - t}
        scratch.fit_threads(con, sum(f.rows_read for f in loaded))
        t = time.perf_counter()
        result = validate(con, found, loaded, columns, extract_date, threshold=threshold)
    finally:  # (a failure: no check left running)
        columns.close()
    timings["validate_s"] = time.perf_counter() - t
    timings.update({f"validate.{step}": v for step, v in result.timings.items()})
    return Checked(con, found, result, sources, timings)
