"""validate -> build for an extract set: the plain functions the CLI, flows and tests share."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb

from core.errors import BlockedError, UsageError
from core.periods import Period
from transforms import build as sql_build
from transforms.validate import ValidationResult
from transforms.validation.run import check_extract


@dataclass
class Warehouse:
    """An open DuckDB warehouse holding one extract set, validated (and built, if asked)."""

    con: duckdb.DuckDBPyConnection
    validation: ValidationResult
    reference_sources: dict[str, Path]
    timings: dict[str, float] = field(default_factory=dict)


def blocking_message(blocking: list[dict]) -> str:
    lines = [f"  {b['file']}: {b['message']} [{b['rule']}]" for b in blocking]
    return "extract set blocked, nothing built:\n" + "\n".join(lines)


def open_validated(
    extract_dir: Path, db_path: Path | str = ":memory:", extract_date: date | None = None
) -> Warehouse:
    """Discover, load and validate an extract set into a DuckDB file; raise if blocked."""
    if not extract_dir.is_dir():
        raise UsageError(f"extract folder {extract_dir} does not exist or is not a folder")
    checked = check_extract(extract_dir, extract_date, db_path=db_path)
    if checked.blocking or checked.result is None:
        checked.con.close()
        raise BlockedError(blocking_message(checked.blocking))
    return Warehouse(checked.con, checked.result, checked.reference_sources, checked.timings)


def check_coverage(extract_date: date | None, periods: list[Period]) -> None:
    """A quarter ending after the extract date cannot be run (exit 1)."""
    late = [p for p in periods if extract_date is None or p.end > extract_date]
    if late:
        covered = extract_date.isoformat() if extract_date else "no dated events"
        raise BlockedError(
            f"quarter {late[0]} ends {late[0].end.isoformat()}, after the extract date "
            f"{covered}: the extract covers quarters ending on or before {covered}"
        )


def series_for(periods: list[Period], history_quarters: int = 12) -> list[Period]:
    """Every quarter the outputs of `periods` need: each period and the 12 before it."""
    out: set[Period] = set()
    for p in periods:
        out.update(p.shift(-k) for k in range(history_quarters + 1))
    return sorted(out)


def build_warehouse(
    extract_dir: Path,
    periods: list[Period],
    db_path: Path | str = ":memory:",
    extract_date: date | None = None,
) -> Warehouse:
    """Validate an extract set and build every SQL model for the quarter series of `periods`."""
    wh = open_validated(extract_dir, db_path, extract_date)
    check_coverage(wh.validation.extract_date, periods)
    t = time.perf_counter()
    sql_build.build(wh.con, series_for(periods))
    wh.timings["build_s"] = time.perf_counter() - t
    return wh
