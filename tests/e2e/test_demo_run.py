"""The walking skeleton end to end: `cla demo-data` then `cla run`, as the README does."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from tests.support import cla, published_text, shared_folder

PERIOD = "2020-21-Q1"
THROUGH = "2021-03-31"
WALKING_SKELETON = {
    "cla_count",
    "cla_rate_per_10k",
    "placement_stability_3plus",
    "placement_stability_2_placements",
}


@pytest.fixture(scope="session")
def demo(tmp_path_factory) -> tuple[Path, Path]:
    """(extract, out) of `cla demo-data` then `cla run`, once per session (read-only)."""

    def build(base: Path) -> None:
        extract, out = base / "extract", base / "out"
        cla("demo-data", "--out", str(extract), "--through", THROUGH, check=True)
        cla("run", str(extract), "--period", PERIOD, "--out", str(out), check=True)

    base = shared_folder(tmp_path_factory, "demo_run", build)
    return base / "extract", base / "out"


def test_demo_run_publishes_the_walking_skeleton_indicators(demo):
    _, out = demo
    with open(out / PERIOD / "indicators.csv", newline="") as fh:
        rows = {r["indicator_id"]: r for r in csv.DictReader(fh)}
    assert WALKING_SKELETON <= set(rows)
    count = float(rows["cla_count"]["value"])
    rate = rows["cla_rate_per_10k"]
    # the rate is the count over the population, times 10,000 (checked by a second route)
    assert float(rate["numerator"]) == count
    assert float(rate["value"]) == pytest.approx(count / float(rate["denominator"]) * 10_000)
    stab = rows["placement_stability_3plus"]
    assert float(stab["denominator"]) == count  # the cohort is every child looked after on E
    assert 0 <= float(stab["numerator"]) <= count


def test_demo_run_accounts_for_every_row(demo):
    extract, out = demo
    manifest = json.loads((out / PERIOD / "manifest.json").read_text())
    for f in manifest["files"]:
        lines = (extract / f["name"]).read_text(encoding="utf-8-sig").splitlines()
        assert f["rows_read"] == len(lines) - 1
        assert f["rows_read"] == f["rows_loaded"] + f["rows_quarantined"] + f["duplicates_dropped"]


def test_demo_outputs_hold_no_child_level_data(demo):
    extract, out = demo
    text = published_text(out)
    quarter_ends = {
        date(y, m, d) for y in range(2000, 2030) for m, d in ((3, 31), (6, 30), (9, 30), (12, 31))
    }
    with open(extract / "header.csv", newline="", encoding="utf-8-sig") as fh:
        header = list(csv.DictReader(fh))
    for h in header:
        assert h["CHILD"] not in text, h["CHILD"]
        dob = h["DOB"]
        assert dob not in text  # the DfE form dd/mm/yyyy
        d = date(int(dob[6:]), int(dob[3:5]), int(dob[:2]))
        if d not in quarter_ends:  # quarter ends appear as period ends
            assert d.isoformat() not in text
    with open(extract / "episodes.csv", newline="", encoding="utf-8-sig") as fh:
        posts = {p for e in csv.DictReader(fh) for p in (e["HOME_POST"], e["PL_POST"]) if p}
    leaked = [p for p in posts if p in text]
    assert not leaked


def test_restricted_action_lists_agree_with_the_indicators(demo):
    import openpyxl

    _, out = demo
    with open(out / PERIOD / "indicators.csv", newline="") as fh:
        rows = {r["indicator_id"]: r for r in csv.DictReader(fh)}
    wb = openpyxl.load_workbook(out / "restricted" / PERIOD / "action_lists.xlsx")
    # the lists are queried differently from the indicators: their sizes must still agree
    two = wb["Two placements this year"].max_row - 1
    assert two == float(rows["placement_stability_2_placements"]["value"])
    health = rows["health_checks_1yr_plus"]
    overdue = wb["Health assessment overdue"].max_row - 1
    assert overdue == float(health["denominator"]) - float(health["numerator"])
