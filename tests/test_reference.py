"""Reference data: bundled defaults, overrides from the extract set, and their validation."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest

from core.errors import BlockedError
from transforms.build import create_macros
from transforms.reference import load_reference


@pytest.fixture()
def con():
    c = duckdb.connect()
    create_macros(c)
    yield c
    c.close()


def test_bundled_bank_holidays_hold_the_unusual_years(con):
    load_reference(con, {})
    days = {d for (d,) in con.execute("SELECT date FROM ref_bank_holidays").fetchall()}
    # facts from the published England and Wales lists, not from the generator
    assert date(2020, 5, 8) in days and date(2020, 5, 4) not in days  # VE Day moved May Day
    assert date(2022, 6, 2) in days and date(2022, 6, 3) in days  # Platinum Jubilee
    assert date(2022, 9, 19) in days  # State funeral
    assert date(2023, 5, 8) in days  # Coronation
    assert date(2020, 12, 28) in days  # Boxing Day substitute (26th a Saturday)
    assert date(2027, 3, 26) in days  # Good Friday 2027
    assert min(days).year == 2010 and max(days).year == 2027


def test_an_override_replaces_the_bundled_file(con, tmp_path):
    pop = tmp_path / "population.csv"
    pop.write_text("from_date,population_under_18\n30/06/2019,1000\n")
    sources = load_reference(con, {"population": pop})
    assert sources["population"] == pop
    assert con.execute("SELECT * FROM ref_population").fetchall() == [(date(2019, 6, 30), 1000.0)]


def test_bad_reference_values_block_naming_file_row_and_column(con, tmp_path):
    targets = tmp_path / "targets.csv"
    targets.write_text(
        "indicator_id,year,quarter,target,polarity\n"
        "review_timeliness,2020-21,,95,High\n"  # fine: polarity case is ignored
        "review_timeliness,2020-21,5,95,high\n"  # row 3: quarter 5
        "placed_20_miles,2020-21,,twenty,low\n"  # row 4: target not a number
    )
    with pytest.raises(BlockedError) as e:
        load_reference(con, {"targets": targets})
    text = str(e.value)
    assert "reference/targets.csv: row 3, column quarter: '5' is not a quarter 1-4" in text
    assert "row 4, column target: 'twenty' is not a number" in text
    assert "row 2" not in text


def test_a_reference_file_missing_a_column_blocks_the_run(tmp_path, tiny_extract):
    from tests.support import cla

    extract = tmp_path / "extract"
    shutil.copytree(tiny_extract, extract)
    (extract / "reference").mkdir()
    (extract / "reference" / "rag.csv").write_text("indicator_id,tolerance\nx,1\n")
    proc = cla(
        "run",
        str(extract),
        "--period",
        "2020-21-Q2",
        "--out",
        str(tmp_path / "o"),
        "--extract-date",
        "2020-12-31",
    )
    assert proc.returncode == 1
    assert "reference/rag.csv: missing column(s) amber_tolerance" in proc.stderr
    assert not Path(tmp_path / "o" / "2020-21-Q2").exists()
