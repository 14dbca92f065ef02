"""Publish one period: every rendering written to a temporary folder, then renamed into place.

Public outputs go to OUT/<period>/; child-level outputs to OUT/restricted/<period>/. A failed
or killed run leaves the previous publication intact (the old folder is only moved aside once
the new one is complete, and restored by the next run if a kill lands between the renames).
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from core.lock import owned_by_live_run
from core.paths import ROOT
from core.periods import Period
from reports.action_lists import render_action_lists
from reports.context import INDICATOR_COLUMNS, Context, build_context
from reports.html import render_html
from reports.index import write_index
from reports.pdf import PdfJob, PdfRenderer
from reports.xlsx import render_xlsx
from transforms.load import sha256_of
from transforms.pipeline import Warehouse
from transforms.validation.findings import write_findings_csv

INDICATOR_SCHEMA = pa.schema(
    [
        ("indicator_id", pa.string()),
        ("period", pa.string()),
        ("period_end", pa.date32()),
        ("value", pa.float64()),
        ("numerator", pa.float64()),
        ("denominator", pa.float64()),
        ("unit", pa.string()),
        ("target", pa.float64()),
        ("rag", pa.string()),
        ("suppressed", pa.bool_()),
    ]
)


def code_version() -> str:
    version = metadata.version("cla-pipeline")
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        ).stdout.strip()
        return f"{version}+{commit}" if commit else version
    except (OSError, subprocess.SubprocessError):
        return version


def csv_cell(v: Any) -> str:
    """One value as CSV text: stable across runs (no locale, shortest float repr)."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    if isinstance(v, date):
        return v.isoformat()
    return str(v)


def write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            w.writerow([csv_cell(r.get(c)) for c in columns])


def read_previous_values(folder: Path) -> dict[str, str]:
    path = folder / "indicators.csv"
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as fh:
        return {r["indicator_id"]: r["value"] for r in csv.DictReader(fh)}


def revisions(previous: dict[str, str], rows: list[dict]) -> list[dict]:
    """Part A values that changed since this period was last published (old -> new)."""
    out = []
    for r in rows:
        new = csv_cell(r["value"])
        old = previous.get(r["indicator_id"])
        if old is not None and old != new:
            out.append(
                {"indicator_id": r["indicator_id"], "title": r["title"], "old": old, "new": new}
            )
    return out


def write_data_files(c: Context, folder: Path) -> None:
    """indicators.csv/.parquet, tables/*.csv, data_quality.csv."""
    rows = [{k: r[k] for k in INDICATOR_COLUMNS} for r in c.indicators]
    write_csv(folder / "indicators.csv", INDICATOR_COLUMNS, rows)
    table = pa.Table.from_pylist(rows, schema=INDICATOR_SCHEMA)
    pq.write_table(table, folder / "indicators.parquet")
    (folder / "tables").mkdir()
    for name, table_rows in c.tables.items():
        cols = list(table_rows[0]) if table_rows else ["period", "category", "value"]
        if "suppressed" not in cols:
            cols.append("suppressed")
        write_csv(
            folder / "tables" / f"{name}.csv",
            cols,
            [{"suppressed": False, **r} for r in table_rows],
        )
    dq_rows = []
    for f in c.data_quality["files"]:
        for measure in ("rows_read", "rows_loaded", "rows_quarantined", "duplicates_dropped"):
            dq_rows.append(
                {
                    "file": f["name"],
                    "table": f["table"],
                    "rule": measure,
                    "severity": "accounting",
                    "count": f[measure],
                }
            )
    tables = {f["name"]: f["table"] for f in c.data_quality["files"]}
    for r in c.data_quality["rules"]:
        dq_rows.append(
            {
                "file": r["file"],
                "table": tables.get(r["file"], ""),
                "rule": r["rule"],
                "severity": r["severity"],
                "count": r["n"],
            }
        )
    write_csv(folder / "data_quality.csv", ["file", "table", "rule", "severity", "count"], dq_rows)


def write_restricted(wh: Warehouse, period: Period, folder: Path) -> None:
    """validation_errors.csv and action lists: child-level, never published."""
    write_findings_csv(wh.con, folder / "validation_errors.csv")
    render_action_lists(wh.con, period.label, folder / "action_lists.xlsx")


def swap_into_place(tmp: Path, final: Path) -> None:
    """Replace `final` by the complete folder `tmp`; the old one is removed only after."""
    old = final.with_name(f".old-{final.name}")
    if old.exists():
        shutil.rmtree(old)
    if final.exists():
        os.replace(final, old)
    os.replace(tmp, final)
    if old.exists():
        shutil.rmtree(old)


def recover(out: Path) -> None:
    """Undo the effects of a run killed mid-publish: restore moved-aside folders, drop temps.

    Called under OUT's publish lock; never touches working files of a run still alive."""
    for base in (out, out / "restricted"):
        if not base.is_dir():
            continue
        for old in base.glob(".old-*"):
            final = base / old.name.removeprefix(".old-")
            if final.exists():
                shutil.rmtree(old)
            else:
                os.replace(old, final)
        for tmp in base.glob(".tmp-*"):
            if owned_by_live_run(tmp.name):
                continue
            if tmp.is_dir():
                shutil.rmtree(tmp)
            else:
                tmp.unlink()


@dataclass
class Rendered:
    """One period rendered into its temporary folders; its PDF may still be being written."""

    period: Period
    final: Path
    tmp: Path
    restricted_tmp: Path
    manifest: dict[str, Any]
    timings: dict[str, float]
    started_at: float  # time.time(): comparable with the PDF worker's clock
    wall_s: float = 0.0  # this process's wall and CPU seconds for the period
    cpu_s: float = 0.0
    pdf: PdfJob | None = None  # set once the HTML is handed to a PDF worker


def render_period(
    wh: Warehouse,
    period: Period,
    out: Path,
    pdf: PdfRenderer,
    suppression_profile: str = "panel",
    generated_at: datetime | None = None,
    meeting_date: str = "",
) -> Rendered:
    """Render one period into temporary folders beside its final ones; the PDF is handed to a
    worker of `pdf`, and this returns while it is written.

    `meeting_date` is the Panel's date as printed on the cover ('To be confirmed' if blank)."""
    generated_at = generated_at or datetime.now(UTC)
    started, cpu, started_at = time.perf_counter(), time.process_time(), time.time()
    timings: dict[str, float] = {}
    final = out / period.label
    c = build_context(
        wh.con,
        period,
        [asdict(f) for f in wh.validation.files],
        wh.validation.extract_date,
        children_set_aside=wh.validation.children_set_aside,
        suppression_profile=suppression_profile,
        generated_at=generated_at.strftime("%Y-%m-%d %H:%M UTC"),
        meeting_date=meeting_date,
    )
    c.revisions = revisions(read_previous_values(final), c.indicators)
    timings["context_s"] = time.perf_counter() - started

    version = code_version()
    tmp = out / f".tmp-{period.label}-{uuid.uuid4().hex[:8]}"
    tmp.mkdir(parents=True)
    restricted_tmp = out / "restricted" / f".tmp-{period.label}-{uuid.uuid4().hex[:8]}"
    restricted_tmp.mkdir(parents=True)
    rendered = Rendered(period, final, tmp, restricted_tmp, {}, timings, started_at)
    try:
        t = time.perf_counter()
        (tmp / "report.html").write_text(render_html(c, version), "utf-8")
        timings["html_s"] = time.perf_counter() - t
        rendered.pdf = pdf.submit(tmp / "report.html", tmp / "report.pdf")
        for name, step in (
            ("data_files_s", lambda: write_data_files(c, tmp)),
            ("xlsx_s", lambda: render_xlsx(c, tmp / "tables.xlsx")),
            ("restricted_s", lambda: write_restricted(wh, period, restricted_tmp)),
        ):
            t = time.perf_counter()
            step()
            timings[name] = time.perf_counter() - t
    except BaseException:
        discard(rendered)
        raise
    rendered.wall_s = time.perf_counter() - started
    rendered.cpu_s = time.process_time() - cpu
    rendered.manifest = {
        "period": period.label,
        "period_end": period.end.isoformat(),
        "created_at": generated_at.isoformat(timespec="seconds"),
        "code_version": version,
        "extract_date": c.data_quality["extract_date"],
        "suppression": suppression_profile,
        "files": [asdict(f) for f in wh.validation.files],
        "reference": {
            name: {
                "file": str(p.name),
                "sha256": sha256_of(p),
                "bundled": p.parent.resolve() == (ROOT / "reference"),
            }
            for name, p in sorted(wh.reference_sources.items())
        },
        "row_accounting": {
            k: sum(getattr(f, k) for f in wh.validation.files)
            for k in ("rows_read", "rows_loaded", "rows_quarantined", "duplicates_dropped")
        },
        "revisions": c.revisions,
    }
    return rendered


def discard(rendered: Rendered) -> None:
    """Remove a rendered period's temporary folders (nothing of it was put in place)."""
    shutil.rmtree(rendered.tmp, ignore_errors=True)
    shutil.rmtree(rendered.restricted_tmp, ignore_errors=True)


def put_in_place(
    wh: Warehouse, rendered: Rendered, before_swap: Callable[[], None] | None = None
) -> Path:
    """Wait for the period's PDF, then put the period in place atomically; its folder.

    `before_swap`, if given, runs once everything is rendered and before anything is put in
    place (the run waits there for the indicator check); if it or the PDF fails, nothing of
    this period is published."""
    r = rendered
    try:
        t = time.perf_counter()
        r.timings["pdf_s"], pdf_cpu, finished_at = r.pdf.wait()
        r.timings["pdf_wait_s"] = time.perf_counter() - t
        # from the start of this period's rendering until its last output was written
        render_s = max(r.wall_s, finished_at - r.started_at)
        render_cpu_s = r.cpu_s + pdf_cpu
        if before_swap is not None:
            before_swap()
        manifest = {
            **r.manifest,
            "timings_s": {
                **{k: round(v, 3) for k, v in wh.timings.items()},
                **{f"render.{k}": round(v, 3) for k, v in r.timings.items()},
                "render_s": round(render_s, 3),
                # CPU seconds of this process and of the PDF worker for this period: the
                # figure that does not depend on what else the machine is doing
                "render_cpu_s": round(render_cpu_s, 3),
            },
            "outputs": sorted(str(p.relative_to(r.tmp)) for p in r.tmp.rglob("*") if p.is_file())
            + ["manifest.json"],
        }
        (r.tmp / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")
    except BaseException:
        discard(r)
        raise
    swap_into_place(r.restricted_tmp, r.final.parent / "restricted" / r.period.label)
    swap_into_place(r.tmp, r.final)
    write_index(r.final.parent)
    return r.final
