"""Prefect flows: one task per step of reports.runner (validate, build, check, publish each),
then the artifacts. No logic here.

`cla run`, `cla backfill` and the embedded `cla watch` call reports.runner directly; these
flows are what the deployments in prefect.yaml run. Folders not passed as parameters are read
when the run starts from CLA_LANDING_DIR and CLA_OUTPUT_DIR. Outcomes are told apart by the
final state's name: Completed, Blocked (validation or coverage; the reason is the message),
Rejected (an event without a usable path), Failed after publishing (says which periods hold
the new publication and which the previous), Failed (anything else; nothing published).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.states import Failed, State

from core.errors import BlockedError, ClaError
from core.periods import Period, latest_complete_period, parse_period, period_range
from reports import runner
from reports.landing import newest_complete_set
from reports.summary import artifact_key, markdown_summary, quality_table

# Nothing a task returns is stored or cached: the warehouse holds child-level rows.
STEP = {"cache_policy": NO_CACHE, "persist_result": False}


def retry_on_io(task, task_run, state) -> bool:
    """Retry only I/O errors (a share or disk blip), never a blocked or bad extract."""
    try:
        state.result()
    except ClaError:
        return False
    except OSError:
        return True
    except Exception:
        return False
    return False


@task(
    name="validate",
    retries=2,
    retry_delay_seconds=10,
    retry_condition_fn=retry_on_io,
    timeout_seconds=900,
    **STEP,
)
def validate(run: runner.Run, extract_dir: Path, extract_date: date | None) -> str:
    wh = runner.validate(run, extract_dir, extract_date)
    return f"extract date {wh.validation.extract_date}"


@task(name="plan", timeout_seconds=120, **STEP)
def plan_landed(run: runner.Run) -> list[str]:
    """The latest quarter the set covers and the published quarters it may revise."""
    latest, earlier = runner.affected_periods(run)
    return [p.label for p in (*earlier, latest)]


@task(name="build", timeout_seconds=1800, **STEP)
def build(run: runner.Run, periods: list[Period]) -> None:
    runner.build(run, periods)


@task(name="check", timeout_seconds=900, **STEP)
def check(run: runner.Run) -> None:
    runner.check(run)


@task(name="revisions", timeout_seconds=300, **STEP)
def revised(run: runner.Run, earlier: list[Period]) -> list[str]:
    """Already-published quarters whose Part A values this build changes."""
    return [p.label for p in runner.changed_periods(run, earlier)]


@task(
    name="publish",
    task_run_name="publish {period}",
    retries=1,
    retry_delay_seconds=10,
    retry_condition_fn=retry_on_io,
    timeout_seconds=900,
    **STEP,
)
def publish(run: runner.Run, period: Period, suppression: str) -> str:
    return str(runner.publish(run, period, suppression))


@task(name="finish", retries=2, retry_delay_seconds=5, retry_condition_fn=retry_on_io, **STEP)
def finish(run: runner.Run) -> None:
    runner.finish(run)


@task(name="summarise", retries=2, retry_delay_seconds=5, **STEP)
def summarise(folder: str) -> None:
    """A markdown artifact (Part A with RAG, link) and a table of data-quality counts."""
    f = Path(folder)
    create_markdown_artifact(
        markdown_summary(f), key=artifact_key("report", f), description=f"{f.name} published"
    )
    create_table_artifact(
        quality_table(f), key=artifact_key("data-quality", f), description="counts by rule"
    )


def output_dir(out: str | None) -> Path:
    return Path(out or os.environ.get("CLA_OUTPUT_DIR") or "output")


def newest_landed() -> Path:
    landing = os.environ.get("CLA_LANDING_DIR")
    if not landing:
        raise ClaError("no extract_dir given and CLA_LANDING_DIR is not set")
    return newest_complete_set(Path(landing))


def outcome(e: Exception) -> State:
    """A named final state saying what happened (the flow run's message in the UI)."""
    if isinstance(e, BlockedError):
        return Failed(name="Blocked", message=f"blocked, nothing published: {e}")
    if isinstance(e, runner.PartlyPublishedError):
        return Failed(name="Failed after publishing", message=str(e))
    return Failed(message=f"nothing published: {type(e).__name__}: {e}")


def publish_periods(
    source: Path, periods: list[Period], out: Path, suppression: str, extract_date: date | None
) -> list[str] | State:
    """validate → build → check → publish each → finish, under OUT's publish lock."""
    logger = get_run_logger()
    logger.info("publishing %s from %s to %s", ", ".join(map(str, periods)), source, out)
    try:
        with runner.publishing(out, echo=logger.warning) as run:
            run.planned = periods
            logger.info(validate(run, source, extract_date))
            build(run, periods)
            check(run)
            folders = [publish(run, p, suppression) for p in periods]
            finish(run)
    except Exception as e:
        return outcome(e)
    for folder in folders:
        summarise(folder)
    return folders


@flow(name="publish-quarter", timeout_seconds=3600)
def publish_quarter(
    extract_dir: str | None = None,
    period: str | None = None,
    out: str | None = None,
    suppression: str = "panel",
    extract_date: date | None = None,
) -> list[str]:
    """Publish one quarter (default: the latest before today) from `extract_dir` (default: the
    newest complete set in CLA_LANDING_DIR) to `out` (default: CLA_OUTPUT_DIR)."""
    try:
        source = Path(extract_dir) if extract_dir else newest_landed()
        label = parse_period(period) if period else latest_complete_period(date.today())
    except (ClaError, FileNotFoundError) as e:
        return Failed(name="Rejected", message=str(e))
    return publish_periods(source, [label], output_dir(out), suppression, extract_date)


@flow(name="backfill", timeout_seconds=4 * 3600)
def backfill(
    first: str,
    last: str,
    extract_dir: str | None = None,
    out: str | None = None,
    suppression: str = "panel",
    extract_date: date | None = None,
) -> list[str]:
    """Publish every quarter from `first` to `last` from one build of the extract set."""
    try:
        periods = period_range(parse_period(first), parse_period(last))
        source = Path(extract_dir) if extract_dir else newest_landed()
    except (ClaError, FileNotFoundError) as e:
        return Failed(name="Rejected", message=str(e))
    return publish_periods(source, periods, output_dir(out), suppression, extract_date)


@flow(name="publish-landed", timeout_seconds=3600)
def publish_landed(
    path: str = "", fingerprint: str = "", extract_date: str = "", out: str | None = None
) -> list[str]:
    """A `cla.extract.landed` event: publish the set's latest quarter and any revisions."""
    logger = get_run_logger()
    if not path or not Path(path).is_dir():
        return Failed(
            name="Rejected",
            message=f"cla.extract.landed event rejected: its path {path!r} is not a folder "
            "(the event must carry the set's path; see README 'Run it as a service')",
        )
    source, target = Path(path), output_dir(out)
    logger.info("landed set %s [%s], extract date %s", path, fingerprint[:12], extract_date)
    try:
        with runner.publishing(target, echo=logger.warning) as run:
            logger.info(validate(run, source, None))
            labels = plan_landed(run)
            periods = [parse_period(x) for x in labels]
            build(run, periods)
            check(run)
            run.planned = [*map(parse_period, revised(run, periods[:-1])), periods[-1]]
            folders = [publish(run, p, "panel") for p in run.planned]
            finish(run)
    except Exception as e:
        return outcome(e)
    for folder in folders:
        summarise(folder)
    return folders
