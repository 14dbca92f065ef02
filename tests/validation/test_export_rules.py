"""DfE rules for the rest of the 903 export: each fires on exactly the bad row (warnings with
the DfE code), and the clean rows raise nothing."""

import pytest

from tests.validation.corpus import findings
from tests.validation.test_export_tables import DOLO, OC2, OC3, PREV, SW, SW2, add
from transforms.validation.run import check_extract

# C1: DOB 01/05/2010, episodes from 01/06/2020; C2: DOB 12/03/2012; C3: DOB 01/01/2008.
OC2_CLEAN = dict(OC2)  # 2021 return: C1 is 10 at 31 March 2021
CASES = {
    # rule: (file, rows, column, value)
    "197a": ("oc2_2021.csv", [dict(OC2, SDQ_REASON="SDQ2")], "SDQ_REASON", "SDQ2"),
    "182": ("oc2_2021.csv", [dict(OC2, TEETH_CHECK="")], "IMMUNISATIONS", "1"),
    "158": (
        "oc2_2021.csv",
        [dict(OC2, SUBSTANCE_MISUSE="1", INTERVENTION_RECEIVED="1", INTERVENTION_OFFERED="1")],
        "INTERVENTION_OFFERED",
        "1",
    ),
    "159": (
        "oc2_2021.csv",
        [dict(OC2, SUBSTANCE_MISUSE="1", INTERVENTION_RECEIVED="0")],
        "INTERVENTION_OFFERED",
        None,
    ),
    "192": ("oc2_2021.csv", [dict(OC2, SUBSTANCE_MISUSE="1")], "INTERVENTION_RECEIVED", None),
    "193": ("oc2_2021.csv", [dict(OC2, INTERVENTION_OFFERED="1")], "INTERVENTION_RECEIVED", "1"),
    # C2 (born 12/03/2012) is 3 on 31 March 2015... use a 2015 return for her
    "188": (
        "oc2_2015.csv",
        [dict(OC2, CHILD="C2", DOB="12/03/2012", CONVICTED="")],
        "SDQ_SCORE",
        "12",
    ),
    # C3 (born 01/01/2008) was 17 on 1 April 2025 (2025-26 return, year 2026)
    "189": ("oc2_2026.csv", [dict(OC2, CHILD="C3", DOB="01/01/2008")], "SDQ_SCORE", "12"),
    # C1 is 9 on 31 March 2020
    "542": ("oc2_2020.csv", [OC2], "CONVICTED", "0"),
    "546": ("oc2_2021.csv", [dict(OC2, HEALTH_CHECK="1")], "HEALTH_CHECK", "1"),
    "INT14": ("oc2_2021.csv", [dict(OC2, DOB="02/05/2010")], "DOB", "02/05/2010"),
    "153": ("oc3_2027.csv", [dict(OC3, CHILD="C3", DOB="01/01/2008", ACCOM="")], "IN_TOUCH", "YES"),
    "345": ("oc3_2027.csv", [dict(OC3, CHILD="C3", DOB="01/01/2008", ACTIV="0")], "ACTIV", "0"),
    # C2 is 17 only in 2029; an OC3 row for 2023 is out of the cohort
    "391": ("oc3_2023.csv", [OC3], "DOB", "12/03/2012"),
    "INT15": ("oc3_2030.csv", [dict(OC3, DOB="13/03/2012")], "DOB", "13/03/2012"),
    "635": ("prev.csv", [dict(PREV, LA_PERM="310")], "PREV_PERM", "Z1"),
    "632": ("prev.csv", [dict(PREV, PREV_PERM="P1", DATE_PERM="31/13/2019")], "DATE_PERM", None),
    "INT16": ("prev.csv", [dict(PREV, DOB="2010-05-02")], "DOB", "2010-05-02"),
    "SW02STG1": ("sw.csv", [dict(SW, SW_ID="AB123")], "SW_ID", "AB123"),
    "SW15STG2": ("sw.csv", [dict(SW, SW_REASON="")], "SW_REASON", None),
    "SW09STG2": ("sw.csv", [dict(SW, SW_DEC="01/06/2020")], "SW_DEC", "01/06/2020"),
    "SW10STG2": ("sw.csv", [SW, dict(SW2, SW_DECOM="01/01/2021")], "SW_DECOM", "01/01/2021"),
    "SW08STG2": ("sw.csv", [dict(SW, SW_DEC=""), SW2], "SW_DEC", None),
    "sw_episodes.dec_before_decom": ("sw.csv", [dict(SW, SW_DEC="01/05/2020")], "SW_DEC", None),
    "dolo.end_before_start": ("dolo.csv", [dict(DOLO, DOLO_END="01/04/2026")], "DOLO_END", None),
    "705": (
        "dolo.csv",
        [DOLO, dict(DOLO, DOLO_START="01/07/2026", DOLO_END="01/08/2026")],
        "DOLO_START",
        "01/07/2026",
    ),
}
EXPECTED_ROW = {"SW10STG2": 3, "705": 3, "SW08STG2": 2}


@pytest.mark.parametrize("rule", list(CASES))
def test_rule_fires_on_the_bad_row(extract, rule):
    name, rows, column, value = CASES[rule]
    folder = extract.write()
    add(folder, name, rows)
    checked = check_extract(folder)
    assert checked.blocking == []
    found = findings(checked, rule)
    assert len(found) == 1, (found, findings(checked))
    file, row, col, _, val, child, severity = found[0]
    assert (file, row, col) == (name, EXPECTED_ROW.get(rule, 2), column)
    if value is not None:
        assert val == value
    assert severity == ("row" if "." in rule else "warning")


def test_710_dolo_child_placed_with_parents(extract):
    folder = extract.write()
    extract.tables["episodes"][1]["PLACE"] = "P1"  # C1's open episode from 01/09/2021
    extract.tables["episodes"][1]["PLACE_PROVIDER"] = "PR0"
    extract.write()
    add(folder, "dolo.csv", [dict(DOLO, DOLO_START="01/01/2022", DOLO_END="01/02/2022")])
    found = findings(check_extract(folder), "710")
    assert [(f[0], f[1], f[6]) for f in found] == [("dolo.csv", 2, "warning")]


def test_clean_export_rows_raise_nothing(extract):
    folder = extract.write()
    add(folder, "oc2_2021.csv", [OC2_CLEAN])
    add(folder, "oc3_2030.csv", [OC3])  # C2 is 17 in 2029-30
    add(folder, "prev.csv", [dict(PREV, PREV_PERM="P1", DATE_PERM="ZZ/ZZ/2019", LA_PERM="310")])
    add(folder, "sw.csv", [SW, SW2])
    add(folder, "dolo.csv", [DOLO])
    assert findings(check_extract(folder)) == []
