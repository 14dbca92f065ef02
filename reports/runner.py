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
from transforms.check import start_checker
from transforms.pipeline import build_warehouse


def publish_quarters(
    extract_dir: Path,
    periods: list[Period],
    out: Path,
    suppression: str = "panel",
    extract_date: date | None = None,
    echo: Callable[[str], None] = lambda s: None,
    progress: Callable[[str], None] = lambda s: None,
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
    checker = start_checker(restricted / "gx")  # imports GX in a worker while we build
    try:
        progress("validating and building …")
        wh = build_warehouse(extract_dir, periods, db_tmp, extract_date)
        try:
            progress("checking the indicator tables …")
            t = time.perf_counter()
            checker.check(wh.con)
            wh.timings["check_s"] = time.perf_counter() - t
            wh.timings.update({f"check.{k}": v for k, v in checker.timings.items()})
            generated_at = datetime.now(UTC)
            folders = []
            for p in periods:
                progress(f"rendering {p} …")
                folders.append(publish_period(wh, p, out, suppression, generated_at))
                echo(f"{p}: published {out / p.label}")
        finally:
            wh.con.close()
        os.replace(db_tmp, restricted / "warehouse.duckdb")
        return folders
    finally:
        checker.close()
        for leftover in restricted.glob(f"{db_tmp.name}*"):
            leftover.unlink()
