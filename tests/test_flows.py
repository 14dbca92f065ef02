"""The Prefect flows run the same plain functions against a real (temporary) Prefect server."""

from __future__ import annotations

import csv

import pytest

PERIOD = "2020-21-Q2"


@pytest.fixture(scope="session")
def prefect_server():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=90):
        yield


def test_publish_quarter_flow_publishes_like_cla_run(prefect_server, tiny_extract, tmp_path):
    from datetime import date

    from flows.publish import publish_quarter

    folders = publish_quarter(
        extract_dir=str(tiny_extract),
        period=PERIOD,
        out=str(tmp_path),
        extract_date=date(2020, 12, 31),
    )
    assert folders == [str(tmp_path / PERIOD)]
    with open(tmp_path / PERIOD / "indicators.csv", newline="") as fh:
        assert {r["period"] for r in csv.DictReader(fh)} == {PERIOD}


def test_backfill_flow_publishes_each_quarter(prefect_server, tiny_extract, tmp_path):
    from datetime import date

    from flows.publish import backfill

    folders = backfill(
        extract_dir=str(tiny_extract),
        first="2020-21-Q1",
        last=PERIOD,
        out=str(tmp_path),
        extract_date=date(2020, 12, 31),
    )
    assert [f.rsplit("/", 1)[1] for f in folders] == ["2020-21-Q1", PERIOD]
