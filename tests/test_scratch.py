"""The run's connection: what the warehouse file keeps, and where DuckDB spills."""

from __future__ import annotations

import os
import tempfile

import duckdb

from core.periods import parse_period
from transforms import scratch
from transforms.pipeline import build_warehouse

WORKING = ("raw_", "vn_", "vt_", "stg_", "int_")


def test_the_warehouse_file_keeps_no_raw_or_working_tables(tiny_extract, tmp_path):
    db = tmp_path / "warehouse.duckdb"
    wh = build_warehouse(tiny_extract, [parse_period("2020-21-Q1")], db)
    in_run = {t for (t,) in wh.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert {"vn_episodes", "int_episodes"} <= in_run  # there while it runs (staging: views)
    assert "raw_episodes" not in in_run  # dropped once validated: staging reads vn_
    wh.con.close()
    kept = duckdb.connect(str(db), read_only=True)
    names = {t for (t,) in kept.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    kept.close()
    assert {"indicator_values", "dq_findings", "dq_excluded", "part_b_rows"} <= names
    assert not [n for n in names if n.startswith(WORKING)]


def test_an_in_memory_warehouse_spills_to_its_own_temporary_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    con = scratch.connect()
    con.execute("SET memory_limit = '64MB'")
    con.execute("CREATE TABLE scratch.t AS SELECT md5(range::VARCHAR) AS y FROM range(3000000)")
    assert con.execute("SELECT count(*) FROM (SELECT y FROM t ORDER BY y)").fetchone() == (
        3_000_000,
    )
    spilled = [p for p in tmp_path.iterdir() if p.name.startswith(f"cla-duckdb-{os.getpid()}-")]
    assert len(spilled) == 1 and any(spilled[0].iterdir())  # it did spill, there
    assert not (tmp_path / ".tmp").exists()  # not DuckDB's default, the working directory
    con.close()
    assert not spilled[0].exists()


def test_a_small_extract_runs_one_duckdb_thread_per_cursor(tiny_extract):
    from transforms.validation.run import check_extract

    checked = check_extract(tiny_extract)
    assert checked.con.execute("SELECT current_setting('threads')").fetchone()[0] == 1
    checked.con.close()
    big = scratch.connect()
    default = big.execute("SELECT current_setting('threads')").fetchone()[0]
    scratch.fit_threads(big, scratch.ONE_THREAD_BELOW_ROWS)  # a national extract: untouched
    assert big.execute("SELECT current_setting('threads')").fetchone()[0] == default
    big.close()
