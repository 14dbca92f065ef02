"""Warnings: the row is kept (loaded), and listed with severity `warning`."""

from tests.validation.corpus import TABLES, account, findings, write_csv


def ep(extract, child, n=0):
    return [r for r in extract.tables["episodes"] if r["CHILD"] == child][n]


def test_x1_not_followed_by_an_episode_the_same_day(extract):
    ep(extract, "C2")["REC"] = "X1"
    checked = extract.check()
    assert findings(checked, severity="warning") == [
        ("episodes.csv", 4, "REC", "episodes.x1_not_followed", "X1", "C2", "warning")
    ]
    assert account(checked, "episodes.csv") == (84, 84, 0, 0)


def test_rne_s_mismatches(extract):
    ep(extract, "C1", 1)["RNE"] = "S"  # continues C1's period (previous ends X1 that day)
    ep(extract, "F001")["RNE"] = "P"  # starts a period without S
    checked = extract.check()
    assert findings(checked, "episodes.rne_s_mismatch") == [
        ("episodes.csv", 3, "RNE", "episodes.rne_s_mismatch", "S", "C1", "warning"),
        ("episodes.csv", 6, "RNE", "episodes.rne_s_mismatch", "P", "F001", "warning"),
    ]
    assert account(checked, "episodes.csv") == (84, 84, 0, 0)


def test_unknown_postcode_sectors(extract):
    ep(extract, "C2").update(HOME_POST="HA12", PL_POST="ZZ9 9ZZ")  # not a sector; not in reference
    ep(extract, "C3").update(HOME_POST="ha12ab", PL_POST="HA5  1XY")  # HA1 2 and HA5 1: known
    checked = extract.check()
    assert findings(checked, "episodes.unknown_postcode_sector") == [
        (
            "episodes.csv",
            4,
            "HOME_POST",
            "episodes.unknown_postcode_sector",
            "HA12",
            "C2",
            "warning",
        ),
        (
            "episodes.csv",
            4,
            "PL_POST",
            "episodes.unknown_postcode_sector",
            "ZZ9 9ZZ",
            "C2",
            "warning",
        ),
    ]


def test_health_row_for_child_not_in_header_is_kept(extract):
    extract.tables["dental_checks"].append({"CHILD": "H9", "CHECK_DATE": "01/03/2021"})
    checked = extract.check()
    assert findings(checked) == [
        (
            "dental_checks.csv",
            3,
            "CHILD",
            "dental_checks.child_not_in_header",
            "H9",
            "H9",
            "warning",
        )
    ]
    assert account(checked, "dental_checks.csv") == (2, 2, 0, 0)


def test_care_leaver_with_no_contact(extract):
    extract.tables["care_leavers"].append(
        {
            "CHILD": "L2",
            "DOB": "01/02/2004",
            "CONTACT_DATE": "",
            "IN_TOUCH": "",
            "ACTIV": "",
            "ACCOM": "",
        }
    )
    checked = extract.check()
    assert findings(checked) == [
        ("care_leavers.csv", 4, "CONTACT_DATE", "care_leavers.no_contact", None, "L2", "warning")
    ]
    assert account(checked, "care_leavers.csv") == (3, 3, 0, 0)


def test_extra_column_is_ignored_with_a_warning(extract):
    folder = extract.write()
    rows = [dict(r, DUC="") for r in extract.tables["header"]]
    write_csv(folder / "header.csv", [*TABLES["header"].columns, "DUC"], rows)
    from transforms.validation.run import check_extract

    checked = check_extract(folder)
    assert checked.blocking == []
    assert findings(checked) == [
        (
            "header.csv",
            None,
            None,
            "file.extra_columns",
            "extra columns ignored: DUC",
            None,
            "warning",
        )
    ]


def test_dfe_rules_are_warnings(extract):
    extract.tables["reviews"][3]["REVIEW_CODE"] = "PN0"  # F001 aged 9: DfE 440
    ep(extract, "C3").update(DECOM="01/11/2023", PLACE="P2")  # P2 from 28/10/2023: DfE 217t
    extract.tables["uasc"][0]["SEX"] = "F"  # header says M: DfE INT21
    ep(extract, "F002")["PLACE_PROVIDER"] = "PR0"  # PR0 with U4: DfE 550
    extract.tables["placed_adoption"] = [
        {
            "CHILD": "C2",
            "DOB": "12/03/2012",
            "DATE_PLACED": "2021-12-01",
            "DATE_PLACED_CEASED": "",
            "REASON_PLACED_CEASED": "",
        }
    ]  # decision before C2 first looked after (2022-01-10): DfE 1003
    checked = extract.check()
    assert findings(checked, severity="warning") == [
        ("episodes.csv", 5, "PLACE", "217t", "P2", "C3", "warning"),
        ("episodes.csv", 7, "PLACE_PROVIDER", "550", "PR0", "F002", "warning"),
        ("placed_adoption.csv", 2, "DATE_PLACED", "1003", "2021-12-01", "C2", "warning"),
        ("reviews.csv", 5, "REVIEW_CODE", "440", "PN0", "F001", "warning"),
        ("uasc.csv", 2, "SEX", "INT21", "F", "C3", "warning"),
    ]
    assert findings(checked, severity="row") == []


def test_dfe_441_under_four_without_pn0(extract):
    extract.tables["reviews"].append(
        {"CHILD": "C1", "DOB": "01/05/2010", "REVIEW": "30/04/2014", "REVIEW_CODE": "PN1"}
    )  # the day before C1's 4th birthday
    checked = extract.check()
    assert [(f[0], f[1], f[3]) for f in findings(checked, "441")] == [("reviews.csv", 85, "441")]


def test_more_dfe_age_and_placement_rules(extract):
    ep(extract, "C2").update(REC="E6", DEC="2023-02-01")  # C2 born 12/03/2012, aged 10: 387
    ep(extract, "C3").update(PLACE="A3", RNE="P")  # A3 must start S, T or U: 217
    extract.tables["uasc"][0]["DUC"] = "02/01/2026"  # C3 18 on 01/01/2026: 304
    extract.tables["header"][0]["MC_DOB"] = "01/01/2024"  # C1 is male: 174
    ep(extract, "F003")["PLACE"] = "H5"  # open H5 with no URN: 230
    checked = extract.check()
    assert [(f[1], f[3], f[4]) for f in findings(checked, severity="warning")] == [
        (4, "387", "E6"),
        (5, "217", "P"),
        (5, "episodes.rne_s_mismatch", "P"),  # C3's only episode starts a period
        (8, "230", None),
        (2, "174", "01/01/2024"),
        (2, "304", "02/01/2026"),
    ]
    assert findings(checked, severity="row") == []


def test_dfe_304_on_the_18th_birthday_is_fine(extract):
    extract.tables["uasc"][0]["DUC"] = "01/01/2026"
    assert findings(extract.check(), "304") == []
