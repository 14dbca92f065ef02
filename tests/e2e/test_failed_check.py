"""A run whose indicator check fails publishes nothing and exits 3 (the check runs in a worker)."""

from pathlib import Path

from cla.cli import main
from tests.e2e.test_publish import EXTRACT_DATE, PERIOD, copy_of, tiny_published, tree_hashes
from transforms import check


def test_a_failed_check_publishes_nothing_and_exits_3(
    tiny_extract, tmp_path_factory, tmp_path, monkeypatch, capsys
):
    # OUT as a first run_tiny into an empty folder leaves it
    out = copy_of(tiny_published(tmp_path_factory, tiny_extract), tmp_path / "out")
    before = tree_hashes(out)
    real_fetch = check.fetch

    def fetch_with_a_bad_row(con):
        payload = real_fetch(con)
        row = dict(zip(payload["columns"], payload["rows"][0], strict=True))
        row.update(indicator_id="bad_pct", unit="percent", value=150.0, percent_value=150.0)
        payload["rows"].append(tuple(row[c] for c in payload["columns"]))
        return payload

    monkeypatch.setattr(check, "fetch", fetch_with_a_bad_row)
    argv = ["run", str(tiny_extract), "--period", PERIOD, "--out", str(out)]
    code = main([*argv, "--extract-date", EXTRACT_DATE])
    err = capsys.readouterr().err
    assert code == 3
    assert "expect_column_values_to_be_between(percent_value) e.g. [150.0]" in err
    assert "Nothing was published" in err
    after = tree_hashes(out)
    # the data docs of the failed check are rewritten; nothing published changes
    assert {k: v for k, v in after.items() if not k.startswith("restricted/gx")} == {
        k: v for k, v in before.items() if not k.startswith("restricted/gx")
    }
    assert not [p for p in Path(out).rglob(".tmp-*")]
