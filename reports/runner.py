"""A publishing run on OUT, in steps: lock → validate → build → check → publish each → finish.

`cla run`/`cla backfill` call `publish_quarters`; `cla watch` calls `publish_landed`; the Prefect
flows call the steps one task each. Every step runs inside `publishing(out)`, which holds OUT's
publish lock (one publisher at a time), cleans up after dead runs only, and, if the run fails
after it began publishing, says which periods carry the new publication and which the previous.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from core import collector
from core.errors import BlockedError, ClaError
from core.lock import pid_tag, publisher_lock
from core.periods import Period, latest_complete_period, parse_period
from reports.pdf import PdfRenderer
from transforms.check import Checker, start_checker

if TYPE_CHECKING:  # the modules that validate and render cost seconds to import: a run starts
    # its workers first (publishing), then imports them where they are used
    from reports.publish import Rendered
    from transforms.pipeline import Warehouse

Echo = Callable[[str], None]


class PartlyPublishedError(ClaError):
    """The run failed after it began publishing; the message says what is where."""

    exit_code = 3


@dataclass
class Run:
    """One run holding OUT's publish lock: its temporary warehouse and what it has published."""

    out: Path
    db_tmp: Path
    generated_at: datetime
    checker: Checker
    pdf: PdfRenderer
    wh: Warehouse | None = None
    planned: list[Period] = field(default_factory=list)
    published: list[Period] = field(default_factory=list)
    meeting_date: str = ""  # the Panel's date on the cover ('To be confirmed' if blank)


def publication_state(out: Path, period: Period, generated_at: datetime) -> str:
    """'new' if OUT/<period> is this run's publication, 'previous' if an older one, else 'none'."""
    manifest = out / period.label / "manifest.json"
    if not manifest.exists():
        return "none"
    created = json.loads(manifest.read_text("utf-8")).get("created_at")
    return "new" if created == generated_at.isoformat(timespec="seconds") else "previous"


def failure_after_publishing(run: Run, error: BaseException) -> str:
    """One message naming, per planned period, which complete publication is in place."""
    words = {"new": "new publication", "previous": "previous publication", "none": "nothing"}
    parts = [
        f"{p}: {words[publication_state(run.out, p, run.generated_at)]}"
        for p in run.planned or run.published
    ]
    return (
        f"failed after publishing began ({type(error).__name__}: {error}); "
        f"in {run.out}, each period is complete: " + "; ".join(parts)
    )


@contextmanager
def publishing(out: Path, echo: Echo = lambda s: None, pdf_workers: int = 1) -> Iterator[Run]:
    """Hold OUT's publish lock for one run; clean up its working files whatever happens.

    The run's check and PDF workers start at once and import their libraries (GX, WeasyPrint)
    while the run validates and builds; two PDF workers let a backfill use both cores."""
    out = out.resolve()
    with publisher_lock(out, echo):
        restricted = out / "restricted"
        db_tmp = restricted / f".tmp-warehouse{pid_tag()}{uuid.uuid4().hex[:8]}.duckdb"
        started = datetime.now(UTC).replace(microsecond=0)
        run = Run(out, db_tmp, started, start_checker(gx_dir(out)), PdfRenderer(pdf_workers))
        try:
            from reports.publish import recover  # (after the workers: seconds of imports)

            recover(out)
            yield run
        except Exception as e:
            began = run.published or any(
                publication_state(out, p, run.generated_at) == "new" for p in run.planned
            )
            if began:
                raise PartlyPublishedError(failure_after_publishing(run, e)) from e
            raise
        finally:
            run.checker.close()
            run.pdf.close()
            if run.wh is not None:
                run.wh.con.close()
            for leftover in restricted.glob(f"{db_tmp.name}*"):
                leftover.unlink()


def validate(run: Run, extract_dir: Path, extract_date: date | None = None) -> Warehouse:
    """Discover, load and validate the extract set into the run's warehouse (raise if blocked)."""
    from transforms.pipeline import open_validated

    if run.wh is not None:  # a retry: start from an empty warehouse
        run.wh.con.close()
        run.wh = None
    for stale in run.db_tmp.parent.glob(f"{run.db_tmp.name}*"):
        stale.unlink()
    run.wh = open_validated(extract_dir, run.db_tmp, extract_date)
    return run.wh


def latest_covered(run: Run) -> Period:
    """The latest quarter that ends on or before the extract date."""
    extract_date = run.wh.validation.extract_date if run.wh else None
    if extract_date is None:
        raise BlockedError("the extract set has no dated events: no quarter is covered")
    return latest_complete_period(extract_date + timedelta(days=1))


def build(run: Run, periods: list[Period]) -> None:
    """Build every SQL model for the quarters `periods` need (blocked past the extract date)."""
    from transforms import build as sql_build
    from transforms.pipeline import check_coverage, series_for

    check_coverage(run.wh.validation.extract_date, periods)
    t = time.perf_counter()
    sql_build.build(run.wh.con, series_for(periods))
    run.wh.timings["build_s"] = time.perf_counter() - t


def gx_dir(out: Path) -> Path:
    return out / "restricted" / "gx"


def check(run: Run) -> None:
    """The Great Expectations suite over the indicator tables; raises if it fails."""
    submit_check(run)
    await_check(run)


def submit_check(run: Run) -> None:
    """Start the suite in the checker's worker; the run may render while it runs."""
    run.checker.submit(run.wh.con)


def await_check(run: Run) -> None:
    """Wait for the submitted suite (the wait is `check_s`); raise if it failed."""
    t = time.perf_counter()
    run.checker.result()
    run.wh.timings["check_s"] = time.perf_counter() - t
    run.wh.timings.update({f"check.{k}": v for k, v in run.checker.timings.items()})


def changed_periods(run: Run, candidates: list[Period], suppression: str = "panel") -> list[Period]:
    """Of the already-published `candidates`, those whose Part A values the new build changes."""
    from reports.context import indicator_rows, thresholds
    from reports.publish import read_previous_values, revisions

    threshold = thresholds(run.wh.con).get("public", 5)
    changed = []
    for p in candidates:
        previous = read_previous_values(run.out / p.label)
        if previous and revisions(previous, indicator_rows(run.wh.con, p, threshold, suppression)):
            changed.append(p)
    return changed


def render(run: Run, period: Period, suppression: str = "panel") -> Rendered:
    """Render one period into its temporary folders; its PDF is written by a worker."""
    from reports.publish import render_period

    return render_period(
        run.wh, period, run.out, run.pdf, suppression, run.generated_at, run.meeting_date
    )


def put(run: Run, rendered: Rendered, before_swap: Callable[[], None] | None = None) -> Path:
    """Put a rendered period in place once its PDF is written (and `before_swap` passed)."""
    from reports.publish import put_in_place

    folder = put_in_place(run.wh, rendered, before_swap)
    run.published.append(rendered.period)
    return folder


def publish(
    run: Run,
    period: Period,
    suppression: str = "panel",
    before_swap: Callable[[], None] | None = None,
) -> Path:
    """Render and publish one period atomically (the run's warehouse, one timestamp)."""
    return put(run, render(run, period, suppression), before_swap)


def checkpoint(run: Run) -> None:
    """Write the built warehouse into its file now (closing it would, later): the run calls
    this once every period is rendered, while the PDF workers write, so that `finish` only
    closes and renames it (0.2–0.3 s off a run's end at 1,000 and 100,000 children)."""
    run.wh.con.execute("CHECKPOINT")


def finish(run: Run) -> None:
    """Keep the run's warehouse as OUT/restricted/warehouse.duckdb."""
    run.wh.con.close()
    run.wh = None
    os.replace(run.db_tmp, run.out / "restricted" / "warehouse.duckdb")


def published_periods(out: Path) -> list[Period]:
    """Periods with a complete publication under OUT."""
    found = []
    for d in out.iterdir() if out.is_dir() else []:
        if d.is_dir() and (d / "manifest.json").exists():
            try:
                found.append(parse_period(d.name))
            except ClaError:
                continue
    return sorted(found)


def publish_quarters(
    extract_dir: Path,
    periods: list[Period],
    out: Path,
    suppression: str = "panel",
    extract_date: date | None = None,
    echo: Echo = lambda s: None,
    progress: Echo = lambda s: None,
    notice: Echo = lambda s: None,
    meeting_date: str = "",
) -> list[Path]:
    """Publish every period from one build of the extract set; returns the period folders.

    Nothing is published unless validation, the build and the expectation suite all pass;
    the warehouse replaces OUT/restricted/warehouse.duckdb only when the run succeeds.
    `echo` gets one line per published quarter; `progress` a line per step; `notice` says when
    the run waits for another run's lock on OUT."""
    with publishing(out, notice, pdf_workers=min(2, len(periods))) as run:
        from reports.publish import discard

        run.planned = list(periods)
        run.meeting_date = meeting_date
        progress("validating …")
        validate(run, extract_dir, extract_date)
        collector.collect()
        progress("building …")
        build(run, periods)
        collector.collect()
        # the check runs in its worker while the first period renders into its temporary
        # folder; nothing is put in place until it has passed. Periods are put in place in
        # order; while the PDF workers write, the next period's HTML and tables are rendered
        submit_check(run)
        folders: list[Path] = []
        rendered: deque[Rendered] = deque()

        def put_oldest() -> None:
            wait = (lambda: await_check(run)) if not folders else None
            folders.append(put(run, rendered[0], wait))
            rendered.popleft()  # (if it failed, it is discarded with the rest below)
            collector.collect()
            echo(f"{folders[-1].name}: published {folders[-1]}")

        try:
            for i, p in enumerate(periods):
                progress(f"checking and rendering {p} …" if i == 0 else f"rendering {p} …")
                rendered.append(render(run, p, suppression))
                if len(rendered) > len(run.pdf.workers):
                    put_oldest()
            checkpoint(run)  # while the PDF workers write the last papers
            while rendered:
                put_oldest()
        except BaseException:
            run.pdf.close()  # no worker writes into a folder being removed
            for r in rendered:
                discard(r)
            raise
        finish(run)
        return folders


def affected_periods(run: Run) -> tuple[Period, list[Period]]:
    """The latest quarter the set covers, and the published quarters it could revise."""
    latest = latest_covered(run)
    earlier = [p for p in published_periods(run.out) if p < latest]
    return latest, earlier


def publish_landed(
    extract_dir: Path,
    out: Path,
    suppression: str = "panel",
    echo: Echo = lambda s: None,
) -> list[Path]:
    """Publish what a newly landed set changes: its latest quarter, plus revisions.

    Every quarter already published under OUT before the latest one is rebuilt too, and
    re-published when its Part A values change."""
    with publishing(out, echo) as run:
        validate(run, extract_dir)
        latest, earlier = affected_periods(run)
        build(run, [latest, *earlier])
        check(run)
        run.planned = [*changed_periods(run, earlier, suppression), latest]
        folders = [publish(run, p, suppression) for p in run.planned]
        finish(run)
        return folders
