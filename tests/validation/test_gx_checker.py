"""The check worker: GX imported in another process gives the in-process check's verdict."""

import time
from pathlib import Path

import pytest

from core.errors import CheckFailedError
from tests.validation.test_gx import GOOD, warehouse
from transforms.check import check_indicator_tables, start_checker


def test_worker_passes_a_good_table_and_writes_the_docs(tmp_path: Path):
    docs = tmp_path / "gx"
    with start_checker(docs) as checker:
        checker.check(warehouse(GOOD))
    assert (docs / "index.html").exists()
    assert set(checker.timings) == {"import_s", "suite_s"}


def test_worker_fails_a_broken_table_as_the_in_process_check_does(tmp_path: Path):
    broken = [
        ("a_pct", "2020-21-Q1", "2020-06-30", 150.0, 15.0, 10.0, "percent"),  # > 100%
        ("n", "2020-21-Q1", "2020-06-30", -3.0, -3.0, None, "count"),  # negative count
    ]
    with pytest.raises(CheckFailedError) as here:
        check_indicator_tables(warehouse(broken, ("a_pct", "n"), 1), tmp_path / "a")
    with pytest.raises(CheckFailedError) as there, start_checker(tmp_path / "b") as checker:
        checker.check(warehouse(broken, ("a_pct", "n"), 1))
    assert str(there.value) == str(here.value).replace(str(tmp_path / "a"), str(tmp_path / "b"))
    assert "expect_column_values_to_be_between(percent_value) e.g. [150.0]" in str(there.value)
    assert there.value.exit_code == 3


def test_a_dead_worker_fails_the_check(tmp_path: Path):
    checker = start_checker(tmp_path / "gx")
    checker._worker._proc.kill()
    with pytest.raises(CheckFailedError, match="worker stopped"):
        checker.check(warehouse(GOOD))


def test_close_before_a_check_stops_the_worker_at_once(tmp_path: Path):
    checker = start_checker(tmp_path / "gx")
    started = time.perf_counter()
    checker.close()  # a blocked run: GX still importing
    assert checker._worker._proc.poll() is not None
    assert time.perf_counter() - started < 5
    assert not (tmp_path / "gx").exists()  # nothing written for a run that never checked
