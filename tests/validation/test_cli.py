"""`cla validate`: counts by file and rule, --report CSV, exit codes 0 / 1 / 2."""

import csv

from cla.cli import main


def test_clean_exit_0_with_summary(extract, capsys):
    folder = extract.write()
    assert main(["validate", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "episodes.csv (episodes): read 84, loaded 84, quarantined 0, duplicates dropped 0" in out
    # 83 + 84 + 83 + 81 rows of 903 tables, uasc 1, four health rows, 2 care-leaver rows
    assert out.strip().splitlines()[-1] == (
        "cla validate: ok: 10 files, 338 rows read, 338 loaded, 0 quarantined, "
        "0 duplicates dropped; 0 row errors, 0 warnings, 0 blocking; "
        "0 children's episodes set aside; extract date 2023-04-15"
    )


def test_row_errors_exit_0_listed_in_report(extract, tmp_path, capsys):
    extract.tables["episodes"][1]["DECOM"] = "31/02/2021"  # C1's second episode, row 3
    folder = extract.write()
    report = tmp_path / "out" / "findings.csv"
    assert main(["validate", str(folder), "--report", str(report)]) == 0
    out = capsys.readouterr().out
    assert "row      episodes.invalid_date" in out
    assert "read 84, loaded 82, quarantined 2, duplicates dropped 0" in out
    with open(report, newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows == [
        ["file", "row", "column", "rule", "value", "child", "severity"],
        ["episodes.csv", "2", "CHILD", "episodes.child_history_incomplete", "C1", "C1", "row"],
        ["episodes.csv", "3", "DECOM", "episodes.invalid_date", "31/02/2021", "C1", "row"],
        ["episodes.csv", "2", "REC", "episodes.x1_not_followed", "X1", "C1", "warning"],
    ]


def test_blocking_exit_1_names_file_and_problem(extract, tmp_path, capsys):
    folder = extract.write()
    (folder / "reviews.csv").write_bytes(b"CHILD,DOB,REVIEW,REVIEW_CODE\nC1,\xff\xfe,x,y\n")
    report = tmp_path / "r.csv"
    assert main(["validate", str(folder), "--report", str(report)]) == 1
    err = capsys.readouterr().err
    assert "reviews.csv: is not UTF-8 text" in err
    assert "[file.encoding]" in err
    assert "Traceback" not in err
    assert "reviews.csv,,,file.encoding," in report.read_text()


def test_threshold_exit_1(extract, capsys):
    for r in extract.tables["episodes"][4:9]:
        r["PLACE"] = "ZZ"
    assert main(["validate", str(extract.write())]) == 1
    assert "episodes.quarantine_threshold" in capsys.readouterr().err


def test_period_after_extract_date_exit_1(extract, capsys):
    folder = extract.write()
    assert main(["validate", str(folder), "--period", "2022-23-Q4"]) == 0  # ends 2023-03-31
    assert main(["validate", str(folder), "--period", "2023-24-Q1"]) == 1  # ends 2023-06-30
    assert "after the extract date 2023-04-15" in capsys.readouterr().err


def test_extract_date_option_makes_future_dates_row_errors(extract, capsys):
    folder = extract.write()
    assert main(["validate", str(folder), "--extract-date", "2023-03-31"]) == 0
    assert "row      episodes.future_date" in capsys.readouterr().out


def test_usage_errors_exit_2(extract, tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nowhere")]) == 2
    folder = extract.write()
    assert main(["validate", str(folder), "--period", "2020-Q1"]) == 2
    assert "not a label like 2020-21-Q1" in capsys.readouterr().err
