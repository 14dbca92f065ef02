"""The clean corpus passes with no findings, and every file's rows are accounted for."""

from datetime import date

from tests.validation.corpus import account, findings


def test_clean_set_has_no_findings(extract):
    checked = extract.check()
    assert checked.blocking == []
    assert findings(checked) == []
    assert account(checked, "episodes.csv") == (84, 84, 0, 0)
    assert account(checked, "header.csv") == (83, 83, 0, 0)
    assert account(checked, "reviews.csv") == (83, 83, 0, 0)
    assert account(checked, "care_leavers.csv") == (2, 2, 0, 0)


def test_extract_date_is_latest_event_date(extract):
    # latest event: C3's DECOM 15/04/2023 (C2's DEC 2023-02-01 is earlier; DOBs do not count)
    assert extract.check().result.extract_date == date(2023, 4, 15)


def test_bom_and_iso_dates_are_read(extract):
    extract.write()
    path = extract.folder / "header.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    from transforms.validation.run import check_extract

    checked = check_extract(extract.folder)
    assert checked.blocking == []
    assert findings(checked) == []


def test_rows_handed_to_duckdb_in_many_batches_load_the_same(extract, monkeypatch):
    """A file's rows go to DuckDB in batches (inserted in parallel); with batches of 5 rows
    every row is still loaded once, as with one batch."""
    from transforms import load

    def loaded(batch_rows: int) -> dict[str, list[tuple]]:
        monkeypatch.setattr(load, "BATCH_ROWS", batch_rows)
        con = extract.check().con
        return {
            t: con.execute(f"SELECT * FROM vn_{t} ORDER BY _file, _row").fetchall()
            for t in ("episodes", "header", "reviews")
        }

    one, many = loaded(1_000_000), loaded(5)
    assert many == one
    assert [r[1] for r in many["episodes"]] == list(range(2, 86))  # _row: lines 2-85, once each
