"""`cla run` / `cla backfill` on a tiny hand-made extract: the output folder contract."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import signal
import subprocess
import time
from pathlib import Path

import openpyxl
import pyarrow.parquet as pq
import pytest
from pypdf import PdfReader

from tests.support import CLA, ROOT, cla, published_text, shared_folder

PERIOD = "2020-21-Q2"
EXTRACT_DATE = "2020-12-31"
SPEC_COLUMNS = [
    "indicator_id",
    "period",
    "period_end",
    "value",
    "numerator",
    "denominator",
    "unit",
    "target",
    "rag",
    "suppressed",
]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_tiny(extract: Path, out: Path, *more: str, check: bool = False):
    """`cla run` of one period with the fixture's extract date (the tests' usual call)."""
    return cla(
        "run",
        str(extract),
        "--period",
        PERIOD,
        "--out",
        str(out),
        "--extract-date",
        EXTRACT_DATE,
        *more,
        check=check,
    )


def tree_hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): sha(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def tiny_published(tmp_path_factory, tiny_extract: Path) -> Path:
    """OUT after `run_tiny` of the tiny extract into an empty folder: built once per session
    and shared by the xdist workers. Read-only: a test that runs into it copies it first."""
    return shared_folder(
        tmp_path_factory, "tiny-published", lambda out: run_tiny(tiny_extract, out, check=True)
    )


def copy_of(published: Path, out: Path) -> Path:
    """OUT as the first `run_tiny` into an empty folder leaves it (a copy of `published`)."""
    shutil.copytree(published, out, symlinks=True)
    return out


@pytest.fixture(scope="session")
def published(tmp_path_factory, tiny_extract) -> Path:
    return tiny_published(tmp_path_factory, tiny_extract)


def test_output_folder_contract(published):
    folder = published / PERIOD
    for name in [
        "report.html",
        "report.pdf",
        "tables.xlsx",
        "indicators.csv",
        "indicators.parquet",
        "data_quality.csv",
        "manifest.json",
    ]:
        assert (folder / name).is_file(), name
    assert (folder / "tables").is_dir()
    assert (published / "index.html").is_file()
    assert f'href="{PERIOD}/report.html"' in (published / "index.html").read_text()
    restricted = published / "restricted"
    assert (restricted / "warehouse.duckdb").is_file()
    assert (restricted / PERIOD / "validation_errors.csv").is_file()
    assert (restricted / PERIOD / "action_lists.xlsx").is_file()
    # no working files or temporary folders left behind
    assert not [p for p in published.rglob(".tmp-*")]


def test_indicators_csv_has_spec_columns_and_parquet_the_same_rows(published):
    folder = published / PERIOD
    with open(folder / "indicators.csv", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == SPEC_COLUMNS
    table = pq.read_table(folder / "indicators.parquet")
    assert table.column_names == SPEC_COLUMNS
    assert table.num_rows == len(rows) - 1
    assert str(table.schema.field("value").type) == "double"
    assert all(r[1] == PERIOD and r[2] == "2020-09-30" for r in rows[1:])


def test_manifest_accounts_for_every_row_and_hashes_inputs(published, tiny_extract):
    manifest = json.loads((published / PERIOD / "manifest.json").read_text())
    by_name = {f["name"]: f for f in manifest["files"]}
    assert set(by_name) == {p.name for p in tiny_extract.glob("*.csv")}
    for name, f in by_name.items():
        path = tiny_extract / name
        assert f["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        # rows in the file, counted independently: lines minus the header
        assert f["rows_read"] == len(path.read_text().splitlines()) - 1
        assert f["rows_read"] == f["rows_loaded"] + f["rows_quarantined"] + f["duplicates_dropped"]
    assert manifest["suppression"] == "panel"
    assert manifest["created_at"]


def test_pdf_and_xlsx_open_and_hold_the_report(published):
    folder = published / PERIOD
    pdf = PdfReader(folder / "report.pdf")
    assert len(pdf.pages) >= 2
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "Part A" in text and "Corporate Parenting Panel" in text
    wb = openpyxl.load_workbook(folder / "tables.xlsx")
    assert {"Indicators", "Definitions", "Data quality"} <= set(wb.sheetnames)
    ws = wb["Indicators"]
    assert ws.freeze_panes == "B2"  # header row and indicator titles stay in view
    header = [c.value for c in ws[1]]
    value_col = header.index(f"Actual Q2 {PERIOD[:7]}")
    values = [row[value_col].value for row in ws.iter_rows(min_row=2)]
    assert values and all(v is None or isinstance(v, int | float) for v in values)


def test_nothing_child_level_outside_restricted(published, tiny_extract):
    text = published_text(published)
    with open(tiny_extract / "header.csv", newline="") as fh:
        header = list(csv.DictReader(fh))
    with open(tiny_extract / "episodes.csv", newline="") as fh:
        episodes = list(csv.DictReader(fh))
    for h in header:
        assert h["CHILD"] not in text
        assert h["DOB"] not in text
    for e in episodes:
        for post in (e["HOME_POST"], e["PL_POST"]):
            if post:
                assert post not in text
    assert not list(published.glob("*.duckdb")) and not list(published.glob(f"{PERIOD}/*.duckdb"))


def test_second_run_and_backfill_are_byte_identical(published, tiny_extract, tmp_path):
    other = tmp_path / "again"
    # another working directory, a relative --out and another time zone change no byte
    cla(
        "backfill",
        str(tiny_extract),
        "--from",
        "2020-21-Q1",
        "--to",
        PERIOD,
        "--out",
        "again",
        "--extract-date",
        EXTRACT_DATE,
        cwd=tmp_path,
        env={"TZ": "Pacific/Auckland"},
        check=True,
    )
    for rel in ["indicators.csv", "indicators.parquet", "data_quality.csv"]:
        assert sha(published / PERIOD / rel) == sha(other / PERIOD / rel), rel
    first, second = (
        sorted((published / PERIOD / "tables").glob("*.csv")),
        sorted((other / PERIOD / "tables").glob("*.csv")),
    )
    assert [p.name for p in first] == [p.name for p in second]
    for a, b in zip(first, second, strict=True):
        assert sha(a) == sha(b), a.name
    assert (other / "2020-21-Q1" / "manifest.json").is_file()


def test_a_killed_run_leaves_the_previous_publication_intact(published, tiny_extract, tmp_path):
    out = copy_of(published, tmp_path / "out")  # a first run_tiny into an empty folder
    before = tree_hashes(out / PERIOD)
    changed = tmp_path / "extract"
    shutil.copytree(tiny_extract, changed)
    with open(changed / "header.csv", "a") as fh:
        fh.write("T009,F,01/01/2015,WBRI,,,\n")
    proc = subprocess.Popen(
        [
            *CLA,
            "run",
            str(changed),
            "--period",
            PERIOD,
            "--out",
            str(out),
            "--extract-date",
            EXTRACT_DATE,
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(out.glob(f".tmp-{PERIOD}-*")):
        if proc.poll() is not None:
            pytest.fail("the run finished before it could be killed mid-publish")
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert tree_hashes(out / PERIOD) == before
    # the next run clears the leftovers and publishes normally
    run_tiny(tiny_extract, out, check=True)
    assert not list(out.rglob(".tmp-*")) and not list(out.rglob(".old-*"))


def test_a_blocked_run_publishes_nothing_and_keeps_the_old_report(
    published, tiny_extract, tmp_path
):
    out = copy_of(published, tmp_path / "out")  # the shared folder itself stays untouched
    before = tree_hashes(out / PERIOD)
    broken = tmp_path / "extract"
    shutil.copytree(tiny_extract, broken)
    (broken / "episodes.csv").unlink()  # a required table
    proc = run_tiny(broken, out)
    assert proc.returncode == 1
    assert "episodes" in proc.stderr and "Traceback" not in proc.stderr
    assert tree_hashes(out / PERIOD) == before


def test_a_quarter_after_the_extract_date_is_blocked(tiny_extract, tmp_path):
    proc = cla(
        "run",
        str(tiny_extract),
        "--period",
        "2021-22-Q1",
        "--out",
        str(tmp_path),
        "--extract-date",
        EXTRACT_DATE,
    )
    assert proc.returncode == 1
    assert "2021-06-30" in proc.stderr and EXTRACT_DATE in proc.stderr
    assert not (tmp_path / "2021-22-Q1").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["run"],  # no folder, no period
        ["run", "x", "--period", "2020-21-Q9"],  # bad label
        ["run", "x", "--quarter-end", "2020-06-29"],  # not a quarter end
        ["run", "x", "--period", "2020-21-Q1", "--quarter-end", "2020-06-30"],  # both
        ["backfill", "x", "--from", "2020-21-Q2", "--to", "2020-21-Q1"],  # reversed range
        ["frobnicate"],
    ],
)
def test_bad_usage_exits_2_with_a_message(args):
    proc = cla(*args)
    assert proc.returncode == 2
    assert proc.stderr.strip() and "Traceback" not in proc.stderr


def test_missing_input_folder_is_a_clear_error(tmp_path):
    proc = cla("run", str(tmp_path / "nowhere"), "--period", PERIOD, "--out", str(tmp_path))
    assert proc.returncode == 2
    assert "nowhere" in proc.stderr and "does not exist" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_csv_has_no_formula_cells_and_reads_as_plain_numbers(published):
    rows = list(csv.DictReader(io.StringIO((published / PERIOD / "indicators.csv").read_text())))
    for r in rows:
        for key in ("value", "numerator", "denominator"):
            if r[key]:
                float(r[key])  # a plain number, no thousands separators or marks
        assert r["suppressed"] in ("true", "false")


def test_backfill_of_twelve_quarters_publishes_twelve_folders(tiny_extract, tmp_path):
    proc = cla(
        "backfill",
        str(tiny_extract),
        "--from",
        "2018-19-Q2",
        "--to",
        "2021-22-Q1",
        "--out",
        str(tmp_path),
        "--extract-date",
        EXTRACT_DATE,
    )
    # a range reaching past the extract date is blocked before anything is published
    assert proc.returncode == 1 and not list(tmp_path.glob("20*"))
    proc = cla(
        "backfill",
        str(tiny_extract),
        "--from",
        "2018-19-Q1",
        "--to",
        "2020-21-Q4",
        "--out",
        str(tmp_path),
        "--extract-date",
        "2021-03-31",
        check=True,
    )
    expected = [f"{y}-{(y + 1) % 100:02d}-Q{q}" for y in (2018, 2019, 2020) for q in (1, 2, 3, 4)]
    assert sorted(p.name for p in tmp_path.glob("20*")) == expected
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("20")]
    assert [ln.split(":")[0] for ln in lines] == expected  # one line per quarter
    index = (tmp_path / "index.html").read_text()
    assert index.index("2020-21-Q4") < index.index("2018-19-Q1")  # newest first


def test_public_suppression_blanks_small_numbers_in_every_file(tiny_extract, tmp_path):
    run_tiny(tiny_extract, tmp_path, "--suppression", "public", check=True)
    with open(tmp_path / PERIOD / "indicators.csv", newline="") as fh:
        rows = {r["indicator_id"]: r for r in csv.DictReader(fh)}
    # the tiny extract has 2 children looked after at 30 Sep 2020 (T001, T003): a count of 2
    assert rows["cla_count"]["suppressed"] == "true"
    assert rows["cla_count"]["value"] == rows["cla_count"]["numerator"] == ""
    table = pq.read_table(tmp_path / PERIOD / "indicators.parquet").to_pylist()
    cla_count = next(r for r in table if r["indicator_id"] == "cla_count")
    assert cla_count["suppressed"] is True and cla_count["value"] is None
    for r in rows.values():  # nothing from 1 to 5 survives in a published number
        for key in ("numerator", "denominator"):
            assert not (r[key] and 1 <= float(r[key]) <= 5), r
    assert (
        "suppressed to protect confidentiality" in (tmp_path / PERIOD / "report.html").read_text()
    )
    manifest = json.loads((tmp_path / PERIOD / "manifest.json").read_text())
    assert manifest["suppression"] == "public"


def test_republishing_from_a_newer_extract_lists_the_revised_values(
    published, tiny_extract, tmp_path
):
    out = copy_of(published, tmp_path / "out")  # a first run_tiny into an empty folder
    newer = tmp_path / "extract"
    shutil.copytree(tiny_extract, newer)
    with open(newer / "header.csv", "a") as fh:
        fh.write("T010,F,01/01/2015,WBRI,,,\n")
    with open(newer / "episodes.csv", "a") as fh:  # looked after from 1 Aug 2020: on 30 Sep too
        fh.write("T010,01/08/2020,S,V2,N1,U6,PR1,,,,HA1 2AB,HA2 0AA,\n")
    run_tiny(newer, out, check=True)
    manifest = json.loads((out / PERIOD / "manifest.json").read_text())
    revised = {r["indicator_id"]: (r["old"], r["new"]) for r in manifest["revisions"]}
    assert revised["cla_count"] == ("2", "3")  # T001 and T003, then T010 as well
    assert "starters_ytd" in revised  # T002 (15 Apr) was the only start; T010 is a second
    html = (out / PERIOD / "report.html").read_text()
    assert "Number of children looked after at the quarter end" in html.split('id="revisions"')[1]


def test_report_names_the_sections_without_an_extract(published):
    html = (published / PERIOD / "report.html").read_text()
    for code in ("b06", "b07", "b17"):  # education and offending: no extract defined yet
        section = html.split(f'id="{code}"')[1].split("</section>")[0]
        assert "Not supplied in this extract" in section, code
    built = html.split('id="b01"')[1].split("</section>")[0]
    assert "<table>" in built and "Not supplied" not in built
