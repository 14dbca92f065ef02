"""The SQL runner: header blocks and the order models run in."""

from __future__ import annotations

import threading

import pytest

from transforms import build, scratch
from transforms.build import BEFORE_COLLECT, models, parse_header, run_models


def test_header_block_with_two_pairs_on_a_line_and_continuations():
    h = parse_header(
        "-- indicator_id: x\n-- unit: percent   polarity: low\n-- cohort: children\n"
        "--   looked after\nselect 1"
    )
    assert h == {
        "indicator_id": "x",
        "unit": "percent",
        "polarity": "low",
        "cohort": "children looked after",
    }


def write(root, layer, name, sql):
    (root / layer).mkdir(parents=True, exist_ok=True)
    (root / layer / f"{name}.sql").write_text(sql)


def test_models_run_after_what_they_read_and_comments_do_not_count(tmp_path):
    write(tmp_path, "20_intermediate", "int_a", "-- read by int_b\nselect * from int_c")
    write(tmp_path, "20_intermediate", "int_b", "select * from int_a")
    write(tmp_path, "20_intermediate", "int_c", "-- see int_b\nselect 1 as x")
    write(tmp_path, "10_staging", "stg_z", "select * from int_a")  # other layers run first
    order = [m.name for m in models(tmp_path)]
    assert order == ["stg_z", "int_c", "int_a", "int_b"]


def test_a_real_cycle_is_an_error(tmp_path):
    write(tmp_path, "20_intermediate", "int_a", "select * from int_b")
    write(tmp_path, "20_intermediate", "int_b", "select * from int_a")
    with pytest.raises(ValueError, match="cycle"):
        models(tmp_path)


def by_database(con, kind: str) -> dict[str, set[str]]:
    """Names of the connection's tables (kind 'table') or views ('view'), by database."""
    rows = con.execute(
        f"SELECT database_name, {kind}_name FROM duckdb_{kind}s() WHERE NOT internal"
    ).fetchall()
    out: dict[str, set[str]] = {}
    for db, name in rows:
        out.setdefault(db, set()).add(name)
    return out


def test_working_layers_live_in_scratch_and_readers_wait_for_what_they_read(tmp_path):
    sql = tmp_path / "sql"
    write(sql, "10_staging", "stg_a", "select 2 as x")
    write(sql, "10_staging", "stg_b", "select 3 as x")
    write(sql, "20_intermediate", "int_c", "select a.x * b.x as x from stg_a a, stg_b b")
    write(sql, "30_indicators", "ind_d", "select x + 1 as x from int_c")
    con = scratch.connect(tmp_path / "w.duckdb")
    run_models(con, BEFORE_COLLECT, sql)
    assert con.execute("SELECT x FROM ind_d").fetchall() == [(7,)]  # (2 * 3) + 1
    tables = by_database(con, "table")
    assert tables["scratch"] == {"int_c"}
    assert tables["w"] == {"ind_d"}
    assert by_database(con, "view") == {"scratch": {"stg_a", "stg_b"}}  # staging: views
    con.close()


def test_models_that_do_not_read_each_other_run_at_once(tmp_path, monkeypatch):
    sql = tmp_path / "sql"
    write(sql, "10_staging", "stg_a", "select 1 as x")
    write(sql, "10_staging", "stg_b", "select 2 as x")
    both = threading.Barrier(2, timeout=10)  # broken unless two models are being built at once
    real = build.materialise

    def meet_then_build(cursor, model):
        both.wait()
        real(cursor, model)

    monkeypatch.setattr(build, "materialise", meet_then_build)
    con = scratch.connect()
    run_models(con, BEFORE_COLLECT, sql, workers=2)
    assert con.execute("SELECT (SELECT x FROM stg_a) + (SELECT x FROM stg_b)").fetchone() == (3,)


def test_a_failing_model_is_named_and_what_reads_it_is_not_built(tmp_path):
    sql = tmp_path / "sql"
    write(sql, "10_staging", "stg_a", "select * from no_such_table")
    write(sql, "20_intermediate", "int_b", "select * from stg_a")
    con = scratch.connect()
    with pytest.raises(build.ModelError, match="10_staging/stg_a.sql"):
        run_models(con, BEFORE_COLLECT, sql)
    assert "int_b" not in by_database(con, "table").get("scratch", set())
