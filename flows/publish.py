"""Prefect flows: thin wrappers over reports.runner (no logic here).

`cla run` and `cla backfill` call reports.runner directly (no Prefect server, fast start);
these flows are what the scheduled and event-driven deployments in prefect.yaml run.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from prefect import flow, get_run_logger, task

from core.periods import latest_complete_period, parse_period, period_range
from reports.runner import publish_quarters


@task(name="validate-build-check-publish")
def publish_task(
    extract_dir: Path,
    periods: list[str],
    out: Path,
    suppression: str,
    extract_date: date | None,
) -> list[str]:
    logger = get_run_logger()
    folders = publish_quarters(
        extract_dir,
        [parse_period(p) for p in periods],
        out,
        suppression,
        extract_date,
        echo=logger.info,
    )
    return [str(f) for f in folders]


@flow(name="publish-quarter")
def publish_quarter(
    extract_dir: str,
    period: str | None = None,
    out: str = "output",
    suppression: str = "panel",
    extract_date: date | None = None,
) -> list[str]:
    """Publish one quarter (default: the latest complete quarter before today)."""
    label = period or latest_complete_period(date.today()).label
    return publish_task(Path(extract_dir), [label], Path(out), suppression, extract_date)


@flow(name="backfill")
def backfill(
    extract_dir: str,
    first: str,
    last: str,
    out: str = "output",
    suppression: str = "panel",
    extract_date: date | None = None,
) -> list[str]:
    """Publish every quarter from `first` to `last` from one build of the extract set."""
    labels = [p.label for p in period_range(parse_period(first), parse_period(last))]
    return publish_task(Path(extract_dir), labels, Path(out), suppression, extract_date)
