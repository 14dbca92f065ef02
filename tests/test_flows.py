"""The Prefect flows, one task per step, against a real (temporary) Prefect server."""

from __future__ import annotations

import asyncio
import csv
import shutil
from datetime import date
from pathlib import Path

import pytest

PERIOD = "2020-21-Q2"
CHILD_IDS = ("T001", "T002", "T003")


@pytest.fixture(scope="session")
def prefect_server():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=90):
        yield


def artifacts(key: str) -> list:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    async def read():
        async with get_client() as client:
            return await client.read_artifacts(
                artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key]))
            )

    return asyncio.run(read())


def task_names(state) -> list[str]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    async def read():
        async with get_client() as client:
            runs = await client.read_task_runs(
                flow_run_filter=FlowRunFilter(
                    id=FlowRunFilterId(any_=[state.state_details.flow_run_id])
                )
            )
            return sorted(r.name for r in runs)

    return asyncio.run(read())


def test_publish_quarter_flow_publishes_in_steps_with_artifacts(
    prefect_server, tiny_extract, tmp_path
):
    from flows.publish import publish_quarter

    state = publish_quarter(
        extract_dir=str(tiny_extract),
        period=PERIOD,
        out=str(tmp_path),
        extract_date=date(2020, 12, 31),
        return_state=True,
    )
    assert state.is_completed(), state.message
    assert state.result() == [str(tmp_path / PERIOD)]
    with open(tmp_path / PERIOD / "indicators.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["period"] for r in rows} == {PERIOD}
    names = task_names(state)
    for step in ("validate", "build", "check", f"publish {PERIOD}", "finish", "summarise"):
        assert any(n.startswith(step) for n in names), (step, names)

    [summary] = artifacts(f"cla-report-{PERIOD.lower()}")
    assert summary.type == "markdown"
    assert f"# {PERIOD} published" in summary.data
    assert (tmp_path / PERIOD / "report.html").as_uri() in summary.data
    rags = [r["rag"] for r in rows if r["rag"]]
    assert summary.data.count("| 🟢 green |") == rags.count("green")
    assert summary.data.count("| 🔴 red |") == rags.count("red")
    [quality] = artifacts(f"cla-data-quality-{PERIOD.lower()}")
    assert quality.type == "table"
    with open(tmp_path / PERIOD / "data_quality.csv", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == quality.data.count('"rule"')
    for child in CHILD_IDS:
        assert child not in summary.data and child not in quality.data


def test_backfill_flow_publishes_each_quarter(prefect_server, tiny_extract, tmp_path):
    from flows.publish import backfill

    folders = backfill(
        first="2020-21-Q1",
        last=PERIOD,
        extract_dir=str(tiny_extract),
        out=str(tmp_path),
        extract_date=date(2020, 12, 31),
    )
    assert [f.rsplit("/", 1)[1] for f in folders] == ["2020-21-Q1", PERIOD]


def test_blocked_extract_ends_in_a_named_state_with_the_reason(
    prefect_server, tiny_extract, tmp_path
):
    from flows.publish import publish_quarter

    state = publish_quarter(
        extract_dir=str(tiny_extract), period="2021-22-Q1", out=str(tmp_path), return_state=True
    )
    assert state.is_failed() and state.name == "Blocked"
    assert "after the extract date" in state.message
    assert not (tmp_path / "2021-22-Q1").exists()


def test_landed_event_without_a_path_is_rejected_visibly(prefect_server, tmp_path):
    from flows.publish import publish_landed

    state = publish_landed(path="", fingerprint="abc", out=str(tmp_path), return_state=True)
    assert state.is_failed() and state.name == "Rejected"
    assert "must carry the set's path" in state.message


def test_landed_flow_publishes_the_latest_covered_quarter(prefect_server, tiny_extract, tmp_path):
    from flows.publish import publish_landed

    landed = tmp_path / "landing" / "2020-08-20_tiny"
    shutil.copytree(tiny_extract, landed)
    out = tmp_path / "out"
    folders = publish_landed(path=str(landed), fingerprint="f" * 64, out=str(out))
    assert folders == [str(out.resolve() / "2020-21-Q1")]  # latest event 20 Aug 2020
    assert Path(folders[0], "manifest.json").exists()
