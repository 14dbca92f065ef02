"""The demo generator's extract set validates clean: no blocking errors, no row errors."""

from datetime import date
from pathlib import Path

from demo.generate import generate
from transforms.validation.run import check_extract


def test_demo_set_has_no_row_errors(tmp_path: Path):
    generate(tmp_path / "set", children=1000, through=date(2026, 9, 30))
    checked = check_extract(tmp_path / "set")
    assert checked.blocking == []
    assert checked.result.row_errors == 0
    for f in checked.result.files:
        assert f.rows_read == f.rows_loaded  # nothing quarantined, no duplicates
