"""One run: validate and build once, check, then publish each requested quarter."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from core.periods import Period
from reports.publish import publish_period, recover
from transforms.check import check_indicator_tables
from transforms.pipeline import build_warehouse


def publish_quarters(
    extract_dir: Path,
    periods: list[Period],
    out: Path,
    suppression: str = "panel",
    extract_date: date | None = None,
    echo: Callable[[str], None] = lambda s: None,
    progress: Callable[[str], None] = lambda s: None,
    meeting_date: str = "",
) -> list[Path]:
    """Publish every period from one build of the extract set; returns the period folders.

    Nothing is published unless validation, the build and the expectation suite all pass;
    the warehouse replaces OUT/restricted/warehouse.duckdb only when the run succeeds.
    `echo` gets one line per published quarter; `progress` a line per step."""
    out = out.resolve()
    restricted = out / "restricted"
    restricted.mkdir(parents=True, exist_ok=True)
    recover(out)
    db_tmp = restricted / f".tmp-warehouse-{uuid.uuid4().hex[:8]}.duckdb"
    try:
        progress("validating and building …")
        wh = build_warehouse(extract_dir, periods, db_tmp, extract_date)
        try:
            progress("checking the indicator tables …")
            t = time.perf_counter()
            check_indicator_tables(wh.con, restricted / "gx")
            wh.timings["check_s"] = time.perf_counter() - t
            generated_at = datetime.now(UTC)
            folders = []
            for p in periods:
                progress(f"rendering {p} …")
                folders.append(publish_period(wh, p, out, suppression, generated_at, meeting_date))
                echo(f"{p}: published {out / p.label}")
        finally:
            wh.con.close()
        os.replace(db_tmp, restricted / "warehouse.duckdb")
        return folders
    finally:
        for leftover in restricted.glob(f"{db_tmp.name}*"):
            leftover.unlink()
