"""Duplicate keys (first kept, others quarantined) vs exact duplicates (dropped, counted)."""

from tests.validation.corpus import TABLES, account, excluded, findings, write_csv


def test_duplicate_header_key_keeps_first(extract):
    extract.tables["header"].append(dict(extract.tables["header"][1], SEX="M"))  # C2 again
    checked = extract.check()
    assert findings(checked, severity="row") == [
        ("header.csv", 85, "CHILD", "header.duplicate_key", "C2", "C2", "row")
    ]
    assert account(checked, "header.csv") == (84, 83, 1, 0)


def test_duplicate_episode_key_across_files_in_name_order(extract):
    folder = extract.write()
    c2 = dict(extract.tables["episodes"][2], DECOM="10/01/2022", PLACE="U4")  # same day as row 4
    write_csv(folder / "episodes_b.csv", list(TABLES["episodes"].columns), [c2])
    from transforms.validation.run import check_extract

    checked = check_extract(folder)
    assert findings(checked, severity="row") == [
        ("episodes_b.csv", 2, "DECOM", "episodes.duplicate_key", "10/01/2022", "C2", "row")
    ]
    assert account(checked, "episodes.csv") == (84, 84, 0, 0)
    assert account(checked, "episodes_b.csv") == (1, 0, 1, 0)


def test_exact_duplicate_after_trimming_and_date_normalisation(extract):
    extract.tables["reviews"].append(
        {"CHILD": " C1 ", "DOB": "2010-05-01", "REVIEW": "2020-06-20", "REVIEW_CODE": "pn1"}
    )
    checked = extract.check()
    assert findings(checked) == []
    assert ("reviews.csv", 85, "duplicate") in excluded(checked, "reviews")
    assert account(checked, "reviews.csv") == (84, 83, 0, 1)


def test_duplicates_in_a_second_file_are_dropped(extract):
    folder = extract.write()
    write_csv(folder / "sdq_2.csv", list(TABLES["sdq"].columns), extract.tables["sdq"])
    from transforms.validation.run import check_extract

    checked = check_extract(folder)
    assert findings(checked) == []
    assert account(checked, "sdq.csv") == (1, 1, 0, 0)
    assert account(checked, "sdq_2.csv") == (1, 0, 0, 1)


def test_a_bad_row_twice_is_reported_once_and_its_copy_dropped(extract):
    # the column checks see every row as read, before duplicates are dropped: the copy's
    # finding must not be reported (nor the copy quarantined: it is a dropped duplicate)
    bad = {"CHILD": "C1", "DOB": "2010-05-01", "REVIEW": "2020-06-21", "REVIEW_CODE": "XX9"}
    extract.tables["reviews"] += [bad, dict(bad)]  # lines 85 and 86 of reviews.csv
    checked = extract.check()
    assert findings(checked, "reviews.invalid_code") == [
        ("reviews.csv", 85, "REVIEW_CODE", "reviews.invalid_code", "XX9", "C1", "row")
    ]
    assert ("reviews.csv", 86, "duplicate") in excluded(checked, "reviews")
    assert account(checked, "reviews.csv") == (85, 83, 1, 1)
