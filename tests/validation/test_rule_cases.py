"""One mutation per remaining rule: the rule fires on exactly the row expected, nothing else
is quarantined unless the rule is a row error."""

import pytest

from tests.validation.corpus import findings


def ep(t, child):
    return next(r for r in t["episodes"] if r["CHILD"] == child)


def set_c2_dob(t, dob):
    t["header"][1]["DOB"] = dob


AD1 = {
    "CHILD": "C2",
    "DOB": "12/03/2012",
    "DATE_INT": "01/06/2022",
    "DATE_MATCH": "01/05/2022",
    "FOSTER_CARE": "0",
    "NB_ADOPTR": "2",
    "SEX_ADOPTR": "MF",
    "LS_ADOPTR": "L0",
}
AD1_OK = dict(AD1, DATE_MATCH="01/07/2022")  # matched after the decision: no warning
PLACED = {
    "CHILD": "C2",
    "DOB": "12/03/2012",
    "DATE_PLACED": "2022-06-01",
    "DATE_PLACED_CEASED": "2022-05-01",
    "REASON_PLACED_CEASED": "RD1",
}

CASES = {
    # rule: (mutation, expected (file, row, column, value, child, severity))
    "445": (
        lambda t: ep(t, "F001").update(LS="D1"),
        ("episodes.csv", 6, "LS", "D1", "F001", "warning"),
    ),
    "446": (
        lambda t: ep(t, "C2").update(LS="E1", DECOM="2005-11-30", DEC="2006-01-10"),
        ("episodes.csv", 4, "LS", "E1", "C2", "warning"),
    ),
    "226": (
        lambda t: ep(t, "C3").update(PLACE="T1", REASON_PLACE_CHANGE="CARPL"),
        ("episodes.csv", 5, "REASON_PLACE_CHANGE", "CARPL", "C3", "warning"),
    ),
    "232": (
        lambda t: t["header"][2].update(SEX="U"),
        ("header.csv", 4, "SEX", "U", "C3", "warning"),
    ),
    "527": (
        lambda t: ep(t, "F001").update(PLACE="R5"),
        ("episodes.csv", 6, "PLACE_PROVIDER", "PR1", "F001", "warning"),
    ),
    "528": (
        lambda t: ep(t, "C2").update(PLACE="P1"),
        ("episodes.csv", 4, "PLACE_PROVIDER", "PR2", "C2", "warning"),
    ),
    "529": (
        lambda t: ep(t, "F001").update(PLACE_PROVIDER="PR3"),
        ("episodes.csv", 6, "PLACE_PROVIDER", "PR3", "F001", "warning"),
    ),
    "1012": (
        lambda t: (
            t["missing"].append(
                {
                    "CHILD": "C3",
                    "DOB": "01/01/2008",
                    "MISSING": "M",
                    "MIS_START": "01/01/2023",
                    "MIS_END": "02/01/2023",
                }
            )
            or ep(t, "C3").update(CHILD="C3X")
        ),
        None,
    ),  # checked separately below
    "353": (
        lambda t: ep(t, "C2").update(DECOM="1991-10-13", DEC="1992-01-01"),
        ("episodes.csv", 4, "DECOM", "1991-10-13", "C2", "warning"),
    ),
    "386": (
        lambda t: set_c2_dob(t, "12/03/2004") or ep(t, "C2").update(REC="E11"),
        ("episodes.csv", 4, "REC", "E11", "C2", "warning"),
    ),
    "389": (
        lambda t: ep(t, "C2").update(REC="E7"),
        ("episodes.csv", 4, "REC", "E7", "C2", "warning"),
    ),
    "407": (
        lambda t: set_c2_dob(t, "01/02/2005") or ep(t, "C2").update(REC="E46"),
        ("episodes.csv", 4, "REC", "E46", "C2", "warning"),
    ),
    "uasc.dob_mismatch": (
        lambda t: t["uasc"][0].update(DOB="02/01/2008"),
        ("uasc.csv", 2, "DOB", "02/01/2008", "C3", "warning"),
    ),
    "uasc.duc_before_dob": (
        lambda t: t["uasc"][0].update(DUC="31/12/2007"),
        ("uasc.csv", 2, "DUC", "31/12/2007", "C3", "warning"),
    ),
    "ad1.date_match_before_date_int": (
        lambda t: t.update(ad1=[AD1]),
        ("ad1.csv", 2, "DATE_MATCH", "01/05/2022", "C2", "warning"),
    ),
    "placed_adoption.ceased_before_placed": (
        lambda t: t.update(placed_adoption=[PLACED]),
        ("placed_adoption.csv", 2, "DATE_PLACED_CEASED", "2022-05-01", "C2", "warning"),
    ),
    "114": (
        lambda t: t.update(ad1=[dict(AD1_OK, FOSTER_CARE="2")]),
        ("ad1.csv", 2, "FOSTER_CARE", "2", "C2", "warning"),
    ),
    "175": (
        lambda t: t.update(ad1=[dict(AD1_OK, NB_ADOPTR="3")]),
        ("ad1.csv", 2, "NB_ADOPTR", "3", "C2", "warning"),
    ),
    "176": (
        lambda t: t.update(ad1=[dict(AD1_OK, SEX_ADOPTR="XY")]),
        ("ad1.csv", 2, "SEX_ADOPTR", "XY", "C2", "warning"),
    ),
    "177": (
        lambda t: t.update(ad1=[dict(AD1_OK, LS_ADOPTR="L9")]),
        ("ad1.csv", 2, "LS_ADOPTR", "L9", "C2", "warning"),
    ),
    "511": (
        lambda t: t.update(ad1=[dict(AD1_OK, SEX_ADOPTR="F1")]),
        ("ad1.csv", 2, "SEX_ADOPTR", "F1", "C2", "warning"),
    ),
    "120": (
        lambda t: t.update(
            placed_adoption=[
                dict(PLACED, DATE_PLACED_CEASED="2022-07-01", REASON_PLACED_CEASED="E1")
            ]
        ),
        ("placed_adoption.csv", 2, "REASON_PLACED_CEASED", "E1", "C2", "warning"),
    ),
    "missing.dob_after_mis_start": (
        lambda t: t["missing"][0].update(DOB="04/03/2021"),
        ("missing.csv", 2, "MIS_START", "03/03/2021", "C1", "row"),
    ),
    "sdq.dob_after_sdq_date": (
        lambda t: t["header"][0].update(DOB="2021-03-02"),
        ("sdq.csv", 2, "SDQ_DATE", "01/03/2021", "C1", "row"),
    ),
    "care_leavers.dob_after_contact_date": (
        lambda t: [r.update(DOB="02/05/2021") for r in t["care_leavers"]],
        ("care_leavers.csv", 2, "CONTACT_DATE", "01/05/2021", "L1", "row"),
    ),
}


@pytest.mark.parametrize("rule", [r for r, (_, want) in CASES.items() if want])
def test_rule_fires_on_the_expected_row(extract, rule):
    mutate, (file, row, column, value, child, severity) = CASES[rule]
    mutate(extract.tables)
    checked = extract.check()
    assert findings(checked, rule) == [(file, row, column, rule, value, child, severity)]


def test_1012_rows_for_a_child_with_no_episodes(extract):
    CASES["1012"][0](extract.tables)  # C3's only episode now belongs to C3X
    checked = extract.check()
    assert [(f[0], f[1], f[5]) for f in findings(checked, "1012")] == [("missing.csv", 83, "C3")]


def test_valid_adoption_rows_raise_nothing(extract):
    extract.tables["ad1"] = [AD1_OK]
    extract.tables["placed_adoption"] = [dict(PLACED, DATE_PLACED_CEASED="2022-07-01")]
    assert findings(extract.check()) == []
