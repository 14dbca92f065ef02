"""A council's whole 903 export as it is: every DfE table (CSV or one XML return) publishes;
the same extract as CSVs and as XML gives byte-identical indicators and Part B tables; a
folder with only the 903 files gets its Q4 health and care-leaver figures from OC2/OC3."""

from __future__ import annotations

import csv
import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.support import cla, demo_extract, shared_folder

PERIOD = "2025-26-Q4"
THROUGH = "2026-09-30"
DATED = ("health_assessments", "dental_checks", "immunisations", "sdq", "care_leavers")


@pytest.fixture(scope="session")
def sets(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The demo set as CSVs, as one XML return, and the XML one without the dated extracts
    (each built once per session; read-only)."""
    xml = demo_extract(tmp_path_factory, THROUGH, "xml")

    def only_903(folder: Path) -> None:
        shutil.copytree(xml, folder, dirs_exist_ok=True)
        for name in DATED:
            (folder / f"{name}.csv").unlink()

    return {
        "csv": demo_extract(tmp_path_factory, THROUGH, "csv"),
        "xml": xml,
        "only_903": shared_folder(tmp_path_factory, "demo-only_903", only_903),
        "factory": tmp_path_factory,
    }


def publish(sets: dict, name: str) -> Path:
    """`cla run` of one set for PERIOD (once per session; the tests only read the result)."""

    def run(out: Path) -> None:
        done = cla("run", str(sets[name]), "--period", PERIOD, "--out", str(out))
        assert done.returncode == 0, done.stdout + done.stderr

    return shared_folder(sets["factory"], f"dfe_export-out_{name}", run) / PERIOD


def rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_csv_and_xml_give_identical_published_tables(sets):
    assert (sets["xml"] / "SSDA903.xml").is_file()
    assert not (sets["xml"] / "episodes.csv").exists()
    a, b = publish(sets, "csv"), publish(sets, "xml")
    assert (a / "indicators.csv").read_bytes() == (b / "indicators.csv").read_bytes()
    tables = sorted(p.name for p in (a / "tables").glob("*.csv"))
    assert "B18_social_worker_changes.csv" in tables
    assert tables == sorted(p.name for p in (b / "tables").glob("*.csv"))
    for name in tables:
        assert (a / "tables" / name).read_bytes() == (b / "tables" / name).read_bytes(), name
    assert rows(a / "tables" / "B18_social_worker_changes.csv")


def _age(dob: str, on: date) -> int:
    d, m, y = (int(x) for x in dob.split("/"))
    return on.year - y - ((on.month, on.day) < (m, d))


def test_only_the_903_files_q4_figures_come_from_oc2_and_oc3(sets):
    folder = publish(sets, "only_903")
    got = {
        r["indicator_id"]: (r["numerator"], r["denominator"])
        for r in rows(folder / "indicators.csv")
    }
    # A second method: the demo writes OC2 for exactly the children looked after for 12
    # months on 31 March, and OC3 for exactly the care leavers with a 19th-21st birthday in
    # the year, so the cohorts are the files' rows.
    oc2 = rows(sets["only_903"] / "oc2_2026.csv")
    oc3 = rows(sets["only_903"] / "oc3_2026.csv")
    n = str(len(oc2))

    def count(rs, test) -> str:
        return str(sum(1 for r in rs if test(r)))

    assert got["dental_checks_1yr_plus"] == (count(oc2, lambda r: r["TEETH_CHECK"] == "1"), n)
    assert got["health_checks_1yr_plus"] == (count(oc2, lambda r: r["HEALTH_CHECK"] == "1"), n)
    assert got["immunisations_up_to_date_1yr_plus"] == (
        count(oc2, lambda r: r["IMMUNISATIONS"] == "1"),
        n,
    )
    e = date(2026, 3, 31)
    aged = [r for r in oc2 if 4 <= _age(r["DOB"], e) <= 16]
    scored = [int(r["SDQ_SCORE"]) for r in aged if r["SDQ_SCORE"]]
    assert got["sdq_up_to_date_4_16"] == (str(len(scored)), str(len(aged)))
    assert got["average_sdq_score"] == (str(sum(scored)), str(len(scored)))
    assert got["care_leavers_suitable_accommodation_19_21"] == (
        count(oc3, lambda r: r["IN_TOUCH"] == "YES" and r["ACCOM"].endswith("1")),
        str(len(oc3)),
    )
    assert got["care_leavers_neet_19_21"] == (
        count(oc3, lambda r: r["IN_TOUCH"] == "YES" and r["ACTIV"] in ("G4", "G5", "G6")),
        str(len(oc3)),
    )
    assert len(oc2) > 50 and len(oc3) > 20


def test_only_the_903_files_the_paper_says_where_q4_figures_come_from(sets):
    from openpyxl import load_workbook

    folder = publish(sets, "only_903")
    sheet = load_workbook(folder / "tables.xlsx", read_only=True)["Indicators"]
    header, *body = [[c.value for c in row] for row in sheet.iter_rows()]
    notes = {r[header.index("Indicator")]: r[header.index("Note")] or "" for r in body}
    from_oc2 = [t for t, n in notes.items() if n.endswith("from the 903 return (OC2)")]
    from_oc3 = [t for t, n in notes.items() if n.endswith("from the 903 return (OC3)")]
    # indicators 7, 8, 13, 14, 15 come from OC2 and 5, 6 from OC3 when the dated extracts
    # are absent; every other Part A row keeps its own note
    assert len(from_oc2) == 5 and len(from_oc3) == 2, notes
    assert any("dental" in t for t in from_oc2) and any("SDQ" in t for t in from_oc2)
    assert all("care leavers" in t for t in from_oc3)


def test_both_sources_supplied_the_annex_sets_the_return_beside_the_published_value(sets):
    import re

    folder = publish(sets, "csv")
    html = (folder / "report.html").read_text("utf-8")
    assert "Annual figures: the 903 return beside the dated extracts" in html
    # the dental row for 31 March 2026: the return's own share, worked from the OC2 file
    oc2 = rows(sets["csv"] / "oc2_2026.csv")
    from decimal import ROUND_HALF_UP, Decimal

    k = sum(r["TEETH_CHECK"] == "1" for r in oc2)
    share = (Decimal(k * 100) / len(oc2)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    row = re.search(r"<tr><td>[^<]*dental check[^<]*</td><td>31 March 2026</td>(.*?)</tr>", html)
    assert row, "no reconciliation row for dental checks at 31 March 2026"
    cells = re.findall(r'<td class="num">([^<]*)</td>', row.group(1))
    assert cells[1] == str(share) and cells[2].endswith(f", {len(oc2)}")
