"""Row errors: the row is quarantined and listed with file, 1-based row, column, value, child."""

from datetime import date

from tests.validation.corpus import account, excluded, findings, rows_of


def ep(extract, child, n=0):
    """The n-th episode row dict of a child."""
    return [r for r in extract.tables["episodes"] if r["CHILD"] == child][n]


def test_impossible_date_and_child_history(extract):
    ep(extract, "C1", 1)["DECOM"] = "31/02/2021"
    checked = extract.check()
    assert findings(checked, severity="row") == [
        ("episodes.csv", 2, "CHILD", "episodes.child_history_incomplete", "C1", "C1", "row"),
        ("episodes.csv", 3, "DECOM", "episodes.invalid_date", "31/02/2021", "C1", "row"),
    ]
    assert excluded(checked, "episodes") == [
        ("episodes.csv", 2, "quarantined"),
        ("episodes.csv", 3, "quarantined"),
    ]
    assert account(checked, "episodes.csv") == (84, 82, 2, 0)
    assert checked.result.children_set_aside == 1


def test_two_digit_year_is_invalid(extract):
    extract.tables["dental_checks"][0]["CHECK_DATE"] = "01/02/21"
    checked = extract.check()
    assert findings(checked, "dental_checks.invalid_date") == [
        (
            "dental_checks.csv",
            2,
            "CHECK_DATE",
            "dental_checks.invalid_date",
            "01/02/21",
            "C1",
            "row",
        )
    ]
    assert account(checked, "dental_checks.csv") == (1, 0, 1, 0)


def test_blank_required_header_makes_child_not_in_header(extract):
    extract.tables["header"][3]["SEX"] = ""  # F001, header row 5
    checked = extract.check()
    assert findings(checked, severity="row") == [
        ("episodes.csv", 6, "CHILD", "episodes.child_not_in_header", "F001", "F001", "row"),
        ("header.csv", 5, "SEX", "header.blank_required", None, "F001", "row"),
        ("missing.csv", 3, "CHILD", "missing.child_not_in_header", "F001", "F001", "row"),
        ("reviews.csv", 5, "CHILD", "reviews.child_not_in_header", "F001", "F001", "row"),
    ]
    assert account(checked, "header.csv") == (83, 82, 1, 0)
    assert account(checked, "episodes.csv") == (84, 83, 1, 0)


def test_invalid_header_dob_sets_aside_the_childs_903_rows(extract):
    extract.tables["header"][0]["DOB"] = "31/02/2010"  # C1
    checked = extract.check()
    assert rows_of(checked, "header.invalid_date") == [("header.csv", 2)]
    assert rows_of(checked, "episodes.child_not_in_header") == [
        ("episodes.csv", 2),
        ("episodes.csv", 3),
    ]
    assert rows_of(checked, "reviews.child_not_in_header") == [
        ("reviews.csv", 2),
        ("reviews.csv", 3),
    ]
    assert rows_of(checked, "missing.child_not_in_header") == [("missing.csv", 2)]
    # health rows are kept: a warning only
    assert findings(checked, "sdq.child_not_in_header") == [
        ("sdq.csv", 2, "CHILD", "sdq.child_not_in_header", "C1", "C1", "warning")
    ]
    assert account(checked, "sdq.csv") == (1, 1, 0, 0)


def test_dob_after_decom_and_after_review(extract):
    extract.tables["header"][1]["DOB"] = "2022-06-01"  # C2; episode DECOM 2022-01-10
    checked = extract.check()
    assert findings(checked, "episodes.dob_after_decom") == [
        ("episodes.csv", 4, "DECOM", "episodes.dob_after_decom", "2022-01-10", "C2", "row")
    ]
    assert findings(checked, "reviews.dob_after_review") == [
        ("reviews.csv", 4, "REVIEW", "reviews.dob_after_review", "2022-02-01", "C2", "row")
    ]


def test_reviews_own_dob_after_review(extract):
    extract.tables["reviews"][0]["DOB"] = "01/07/2020"  # review 20/06/2020
    checked = extract.check()
    assert rows_of(checked, "reviews.dob_after_review") == [("reviews.csv", 2)]


def test_dec_before_decom(extract):
    ep(extract, "C2")["DEC"] = "2021-12-01"
    checked = extract.check()
    assert findings(checked, "episodes.dec_before_decom") == [
        ("episodes.csv", 4, "DEC", "episodes.dec_before_decom", "2021-12-01", "C2", "row")
    ]
    assert account(checked, "episodes.csv") == (84, 83, 1, 0)


def test_dec_equal_to_decom_in_another_format(extract):
    ep(extract, "C2")["DEC"] = "10/01/2022"  # DECOM 2022-01-10
    checked = extract.check()
    assert rows_of(checked, "episodes.dec_equals_decom") == [("episodes.csv", 4)]


def test_rec_blank_on_closed_and_filled_on_open(extract):
    ep(extract, "C2")["REC"] = ""
    ep(extract, "C3")["REC"] = "E8"
    checked = extract.check()
    assert findings(checked, "episodes.rec_missing") == [
        ("episodes.csv", 4, "REC", "episodes.rec_missing", None, "C2", "row")
    ]
    assert findings(checked, "episodes.rec_on_open_episode") == [
        ("episodes.csv", 5, "REC", "episodes.rec_on_open_episode", "E8", "C3", "row")
    ]


def test_overlapping_episodes_all_quarantined(extract):
    ep(extract, "C1", 1)["DECOM"] = "01/08/2021"  # starts before the first ends (01/09/2021)
    # F001's open episode (from 01/04/2021) overlaps a later one
    extract.tables["episodes"].append(dict(ep(extract, "F001"), DECOM="01/06/2022", RNE="P"))
    checked = extract.check()
    assert rows_of(checked, "episodes.overlap") == [
        ("episodes.csv", 2),
        ("episodes.csv", 3),
        ("episodes.csv", 6),
        ("episodes.csv", 86),
    ]
    assert rows_of(checked, "episodes.child_history_incomplete") == []
    assert account(checked, "episodes.csv") == (85, 81, 4, 0)


def test_x1_chain_is_not_an_overlap(extract):
    checked = extract.check()  # C1: 01/06/2020-01/09/2021 X1, then from 01/09/2021
    assert rows_of(checked, "episodes.overlap") == []


def test_child_not_in_header(extract):
    extract.tables["reviews"].append(
        {"CHILD": "ZZ9", "DOB": "01/01/2012", "REVIEW": "01/05/2021", "REVIEW_CODE": "PN1"}
    )
    checked = extract.check()
    assert findings(checked, "reviews.child_not_in_header") == [
        ("reviews.csv", 85, "CHILD", "reviews.child_not_in_header", "ZZ9", "ZZ9", "row")
    ]
    assert account(checked, "reviews.csv") == (84, 83, 1, 0)


def test_missing_end_before_start(extract):
    extract.tables["missing"][0]["MIS_END"] = "01/03/2021"  # start 03/03/2021
    checked = extract.check()
    assert findings(checked, "missing.end_before_start") == [
        ("missing.csv", 2, "MIS_END", "missing.end_before_start", "01/03/2021", "C1", "row")
    ]


def test_care_leaver_dob_differs(extract):
    extract.tables["care_leavers"][1]["DOB"] = "02/01/2003"
    checked = extract.check()
    assert findings(checked, "care_leavers.dob_inconsistent") == [
        ("care_leavers.csv", 3, "DOB", "care_leavers.dob_inconsistent", "02/01/2003", "L1", "row")
    ]
    assert account(checked, "care_leavers.csv") == (2, 1, 1, 0)


def test_sdq_score_whole_number_0_to_40(extract):
    sdq = extract.tables["sdq"]
    sdq[0]["SDQ_SCORE"] = "41"
    for day, score in [
        ("01/04/2021", "12.5"),
        ("01/05/2021", "abc"),
        ("01/06/2021", "0"),
        ("01/07/2021", "40"),
        ("01/08/2021", "-1"),
    ]:
        sdq.append({"CHILD": "C1", "SDQ_DATE": day, "SDQ_SCORE": score})
    checked = extract.check()
    assert findings(checked, "sdq.out_of_range") == [
        ("sdq.csv", 2, "SDQ_SCORE", "sdq.out_of_range", "41", "C1", "row"),
        ("sdq.csv", 3, "SDQ_SCORE", "sdq.out_of_range", "12.5", "C1", "row"),
        ("sdq.csv", 4, "SDQ_SCORE", "sdq.out_of_range", "abc", "C1", "row"),
        ("sdq.csv", 7, "SDQ_SCORE", "sdq.out_of_range", "-1", "C1", "row"),
    ]
    assert account(checked, "sdq.csv") == (6, 2, 4, 0)


def test_future_dates_with_extract_date(extract):
    checked = extract.check(extract_date=date(2023, 3, 31))
    assert findings(checked, severity="row") == [
        ("episodes.csv", 5, "DECOM", "episodes.future_date", "15/04/2023", "C3", "row")
    ]
    assert checked.result.extract_date == date(2023, 3, 31)


def test_no_future_date_rule_without_extract_date(extract):
    assert rows_of(extract.check(), "episodes.future_date") == []


def test_an_invalid_date_is_read_as_no_date_by_every_rule(extract):
    # 2020-1-5 is neither dd/mm/yyyy nor yyyy-mm-dd: invalid, and not 5 January 2020 to any
    # rule either (as that, it would end the episode before its 1 June 2020 start)
    ep(extract, "C1", 0)["DEC"] = "2020-1-5"
    checked = extract.check()
    assert findings(checked, "episodes.invalid_date") == [
        ("episodes.csv", 2, "DEC", "episodes.invalid_date", "2020-1-5", "C1", "row")
    ]
    assert findings(checked, "episodes.dec_before_decom") == []
