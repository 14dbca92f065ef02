"""The demo generator's extract set validates clean: no blocking errors, no row errors."""

from tests.support import demo_extract
from transforms.validation.run import check_extract


def test_demo_set_has_no_row_errors(tmp_path_factory):
    # the default set (1,000 children, seed 903) through 2026-09-30, shared with other tests
    checked = check_extract(demo_extract(tmp_path_factory, "2026-09-30"))
    assert checked.blocking == []
    assert checked.result.row_errors == 0
    for f in checked.result.files:
        assert f.rows_read == f.rows_loaded  # nothing quarantined, no duplicates
