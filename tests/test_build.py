"""The SQL runner: header blocks and the order models run in."""

from __future__ import annotations

import pytest

from transforms.build import models, parse_header


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
