"""Blocking problems: nothing is loaded; the message names the file and what is wrong."""

from pathlib import Path

import pytest

from tests.validation.corpus import TABLES, write_csv
from transforms.validation.run import check_extract


def blocking(folder: Path) -> list[tuple[str, str]]:
    checked = check_extract(folder)
    return [(b["file"], b["rule"]) for b in checked.blocking], checked


def messages(checked) -> str:
    return "\n".join(f"{b['file']}: {b['message']}" for b in checked.blocking)


def test_latin1_file(extract):
    folder = extract.write()
    (folder / "reviews.csv").write_bytes(
        (folder / "reviews.csv").read_bytes().replace(b"PN2", b"PN\xe92")
    )
    found, checked = blocking(folder)
    assert found == [("reviews.csv", "file.encoding")]
    assert "not UTF-8" in messages(checked)
    assert checked.result is None


def test_binary_file(extract):
    folder = extract.write()
    (folder / "photo.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert blocking(folder)[0] == [("photo.csv", "file.binary")]


@pytest.mark.parametrize(("sep", "word"), [(";", "semicolons"), ("\t", "tabs")])
def test_wrong_delimiter(extract, sep, word):
    folder = extract.write()
    write_csv(
        folder / "missing.csv",
        list(TABLES["missing"].columns),
        extract.tables["missing"],
        delimiter=sep,
    )
    found, checked = blocking(folder)
    assert found == [("missing.csv", "file.delimiter")]
    assert f"separated by {word}" in messages(checked)
    assert "delimiter looks wrong" in messages(checked)


def test_ragged_rows_name_the_rows(extract):
    folder = extract.write()
    lines = (folder / "episodes.csv").read_text().split("\n")
    lines[3] += ",EXTRA"  # row 4 (header = row 1)
    lines[6] = ",".join(lines[6].split(",")[:5])  # row 7: 5 fields
    (folder / "episodes.csv").write_text("\n".join(lines))
    found, checked = blocking(folder)
    assert found == [("episodes.csv", "file.ragged_rows")]
    assert "header has 13 fields but row 4 has 14 fields; row 7 has 5 fields" in messages(checked)


def test_ragged_rows_with_quoted_fields(extract):
    folder = extract.write()
    text = (folder / "header.csv").read_text().replace("C2,F,", '"C2",F,"x, y",', 1)
    (folder / "header.csv").write_text(text)
    found, checked = blocking(folder)
    assert found == [("header.csv", "file.ragged_rows")]
    assert "row 3 has 8 fields" in messages(checked)


def test_duplicate_column_names(extract):
    folder = extract.write()
    write_csv(
        folder / "sdq.csv",
        ["CHILD", "SDQ_DATE", "SDQ_SCORE", "child"],
        [{"CHILD": "C1", "SDQ_DATE": "01/03/2021", "SDQ_SCORE": "3"}],
    )
    found, checked = blocking(folder)
    assert found == [("sdq.csv", "file.duplicate_columns")]
    assert "CHILD" in messages(checked)


def test_empty_and_header_only_files(extract):
    folder = extract.write()
    (folder / "dental_checks.csv").write_text("")
    write_csv(folder / "sdq.csv", list(TABLES["sdq"].columns), [])
    assert blocking(folder)[0] == [
        ("dental_checks.csv", "file.empty"),
        ("sdq.csv", "file.header_only"),
    ]


def test_unknown_header_names_closest_table_and_missing_columns(extract):
    folder = extract.write()
    (folder / "notes.csv").write_text("NAME,SDQ_DATE\nC1,hello\n")
    found, checked = blocking(folder)
    assert found == [("notes.csv", "file.unknown_header")]
    assert "closest is sdq, missing column(s) CHILD, SDQ_SCORE" in messages(checked)


def test_half_a_tables_columns_is_that_table_missing_columns(extract):
    folder = extract.write()
    (folder / "notes.csv").write_text("CHILD,NOTE\nC1,hello\n")
    found, checked = blocking(folder)
    assert found == [("notes.csv", "dental_checks.missing_column")]
    assert "looks like dental_checks but lacks column(s) CHECK_DATE" in messages(checked)


def test_misspelt_episodes_file_is_not_ignored(extract):
    folder = extract.write()
    columns = [c if c != "PLACE" else "PLACEMENT" for c in TABLES["episodes"].columns]
    rows = [dict(r, PLACEMENT=r["PLACE"]) for r in extract.tables["episodes"]]
    (folder / "episodes.csv").unlink()
    write_csv(folder / "episodes_2024.csv", columns, rows)
    found, checked = blocking(folder)
    assert found == [
        ("episodes_2024.csv", "episodes.missing_column"),
        (str(folder), "file.required_table_missing"),
    ]
    assert "lacks column(s) PLACE" in messages(checked)


def test_required_table_missing(extract):
    folder = extract.write()
    (folder / "missing.csv").unlink()
    found, checked = blocking(folder)
    assert found == [(str(folder), "file.required_table_missing")]
    assert "required table missing" in messages(checked)


def test_optional_table_may_be_absent(extract):
    folder = extract.write()
    (folder / "uasc.csv").unlink()
    assert blocking(folder)[0] == []


def test_quarantine_over_threshold_blocks(extract):
    for r in extract.tables["episodes"][4:9]:  # 5 of 84 episodes (5.95%)
        r["PLACE"] = "ZZ"
    checked = extract.check()
    assert [(b["file"], b["rule"]) for b in checked.blocking] == [
        ("episodes.csv", "episodes.quarantine_threshold")
    ]
    assert "5 of 84 episodes rows quarantined (6.0%)" in checked.blocking[0]["message"]


def test_quarantine_under_threshold_does_not_block(extract):
    for r in extract.tables["episodes"][4:8]:  # 4 of 84 (4.76%)
        r["PLACE"] = "ZZ"
    assert extract.check().blocking == []


def test_threshold_is_configurable(extract):
    for r in extract.tables["episodes"][4:9]:
        r["PLACE"] = "ZZ"
    assert extract.check(threshold=0.10).blocking == []


def test_blank_first_line_is_no_header(extract):
    folder = extract.write()
    (folder / "odd.csv").write_text("\nCHILD,CHECK_DATE\nC1,01/02/2021\n")
    found, checked = blocking(folder)
    assert found == [("odd.csv", "file.unknown_header")]
    assert "no header row" in messages(checked)


@pytest.mark.parametrize(
    ("mutate", "line", "what"),
    [
        (lambda text: text.replace("C2,F,", 'C2,"F,', 1), 3, "a quoted field is never closed"),
        (lambda text: text.replace("C2,F,", 'C2,F"x,', 1), 3, "a quote inside an unquoted field"),
        (lambda text: text.replace("C2,F,", 'C2,"F"x,', 1), 3, "text after a closing quote"),
    ],
)
def test_malformed_csv_names_file_and_line_and_echoes_no_value(extract, mutate, line, what):
    folder = extract.write()
    path = folder / "header.csv"
    path.write_text(mutate(path.read_text()))
    found, checked = blocking(folder)
    assert found == [("header.csv", "file.malformed")]
    message = messages(checked)
    assert f"{what} on line {line}" in message
    assert "C2" not in message and "F" not in message.split(":", 1)[1].replace("CSV", "")


def test_malformed_csv_exits_1_from_the_command_line(extract):
    from tests.support import cla

    folder = extract.write()
    path = folder / "reviews.csv"
    path.write_text(path.read_text().replace("PN2", '"PN2', 1))
    done = cla("validate", str(folder))
    assert done.returncode == 1, done.stderr
    assert "reviews.csv" in done.stdout + done.stderr
    assert "file.malformed" in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("tail", ["\n\n\n", "\r\n\r\n", ",,,,,,\n,,,,,,\n", "\n  \n", ""])
def test_trailing_blank_lines_are_not_rows(extract, tail):
    folder = extract.write()
    path = folder / "header.csv"
    text = path.read_text()
    path.write_bytes((text.rstrip("\n") + ("\n" if tail else "") + tail).encode())
    checked = check_extract(folder)
    assert checked.blocking == []
    f = next(f for f in checked.result.files if f.name == "header.csv")
    # header.csv holds 3 named children and 80 fillers: 83 rows, nothing quarantined
    assert (f.rows_read, f.rows_loaded, f.rows_quarantined) == (83, 83, 0)
