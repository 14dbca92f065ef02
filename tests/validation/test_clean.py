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


def test_values_are_trimmed_where_padded_and_blanks_are_null(tmp_path):
    """Only columns holding padded values are trimmed (`_padded_columns`); every value must
    come out as Python's own `strip()` gives it, a blank or all-space value as null."""
    import csv
    import random

    from transforms.load import read_file

    rng = random.Random(903)
    pads = ["", "", "", " ", "  ", "\t", "\u00a0"]
    columns = {  # REC padded here and there; DECOM never; PLACE all blank or spaces
        "CHILD": [f"C{i}" for i in range(60)],
        "DECOM": [f"{1 + i % 28:02d}/04/2023" for i in range(60)],
        "REC": [
            rng.choice(pads) + rng.choice(["E11", "X1", ""]) + rng.choice(pads) for _ in range(60)
        ],
        "PLACE": [rng.choice(["", " ", "   "]) for _ in range(60)],
    }
    path = tmp_path / "episodes.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        writer.writerows(zip(*columns.values(), strict=True))
    frame = read_file(path, "episodes")
    for name, raw in columns.items():
        assert frame[name].to_list() == [v.strip() or None for v in raw], name
    assert any(v != v.strip() for v in columns["REC"])  # the case is there to be trimmed
    assert frame["_row"].to_list() == list(range(2, 62))
