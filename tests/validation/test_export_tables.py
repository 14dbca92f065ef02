"""The rest of a council's 903 export: oc2, oc3, previous_permanence, sw_episodes, DoLo are
recognised by header, validated (dates, codes by collection year, keys, child in header) and
loaded; OC2/OC3 take their collection year from the file name."""

import pytest

from tests.validation.corpus import account, findings, write_csv
from transforms.load import year_from_name
from transforms.validation.run import check_extract

OC2 = {
    "CHILD": "C1",
    "DOB": "01/05/2010",
    "SDQ_SCORE": "12",
    "SDQ_REASON": "",
    "CONVICTED": "0",
    "HEALTH_CHECK": "",
    "IMMUNISATIONS": "1",
    "TEETH_CHECK": "1",
    "HEALTH_ASSESSMENT": "1",
    "SUBSTANCE_MISUSE": "0",
    "INTERVENTION_RECEIVED": "",
    "INTERVENTION_OFFERED": "",
}
OC2_COLUMNS = list(OC2)
OC3 = {"CHILD": "C2", "DOB": "12/03/2012", "IN_TOUCH": "YES", "ACTIV": "F2", "ACCOM": "B1"}
PREV = {"CHILD": "C1", "DOB": "01/05/2010", "PREV_PERM": "Z1", "LA_PERM": "", "DATE_PERM": ""}
SW = {
    "CHILD": "C1",
    "DOB": "01/05/2010",
    "SW_ID": "SW1001",
    "SW_DECOM": "01/06/2020",
    "SW_DEC": "01/02/2021",
    "SW_REASON": "FCONTA",
}
SW2 = dict(SW, SW_ID="SW1002", SW_DECOM="01/02/2021", SW_DEC="", SW_REASON="LEFTRL")
DOLO = {"CHILD": "C1", "DOB": "01/05/2010", "DOLO_START": "01/05/2026", "DOLO_END": ""}


def add(folder, name, rows):
    write_csv(folder / name, list(rows[0]), rows)


@pytest.fixture
def export(extract):
    """The clean set plus one valid row in each new table (file names as a council's)."""
    folder = extract.write()
    add(folder, "oc2_2021.csv", [OC2])
    add(folder, "SSDA903_2022_23_OC3.csv", [OC3])
    add(folder, "previous_permanence.csv", [PREV])
    add(folder, "sw_episodes.csv", [SW, SW2])
    add(folder, "DoLo.csv", [DOLO])
    return folder


def test_year_from_name():
    assert year_from_name("oc2_2025.csv") == 2025
    assert year_from_name("SSDA903_2024_25_OC3.csv") == 2025
    assert year_from_name("OC3-2023-24.csv") == 2024
    assert year_from_name("oc2.csv") is None
    assert year_from_name("oc2_2024_2025.csv") == 2025


def test_every_table_recognised_and_clean(export):
    checked = check_extract(export)
    assert checked.blocking == []
    tables = {f.name: f.table for f in checked.result.files}
    assert tables["oc2_2021.csv"] == "oc2"
    assert tables["SSDA903_2022_23_OC3.csv"] == "oc3"
    assert tables["previous_permanence.csv"] == "prev_perm"
    assert tables["sw_episodes.csv"] == "sw_episodes"
    assert tables["DoLo.csv"] == "dolo"
    assert findings(checked, severity="row") == []
    assert account(checked, "sw_episodes.csv") == (2, 2, 0, 0)
    years = checked.con.execute("SELECT CHILD, COLLECTION_YEAR FROM vn_oc2").fetchall()
    assert years == [("C1", "2021")]
    assert checked.con.execute("SELECT COLLECTION_YEAR FROM vn_oc3").fetchall() == [("2023",)]


def test_year_from_extract_date_when_name_has_none(extract):
    folder = extract.write()
    add(folder, "oc2.csv", [OC2])
    checked = check_extract(folder)
    # latest event in the clean set: C3's DECOM 15/04/2023 -> latest 31 March on or before
    # it is 31/03/2023 -> collection year 2023 (2022-23)
    assert checked.con.execute("SELECT COLLECTION_YEAR FROM vn_oc2").fetchall() == [("2023",)]
    warned = findings(checked, "file.collection_year_from_extract_date")
    assert [(f[0], f[6]) for f in warned] == [("oc2.csv", "warning")]
    assert "2022-23" in warned[0][4]


def test_files_of_different_years_kept_apart_same_year_is_a_duplicate_key(extract):
    folder = extract.write()
    add(folder, "oc2_2021.csv", [OC2])
    add(folder, "oc2_2022.csv", [OC2])  # same child, another year: fine
    add(folder, "oc2_2021_b.csv", [dict(OC2, SDQ_SCORE="13")])  # same child and year
    checked = check_extract(folder)
    assert [(f[0], f[1], f[2]) for f in findings(checked, "oc2.duplicate_key")] == [
        ("oc2_2021_b.csv", 2, "CHILD")
    ]
    assert account(checked, "oc2_2022.csv") == (1, 1, 0, 0)


ROW_ERRORS = [
    ("oc2_2021.csv", [dict(OC2, SDQ_SCORE="41")], "oc2.out_of_range", "SDQ_SCORE", "41"),
    ("oc2_2021.csv", [dict(OC2, SDQ_SCORE="7.5")], "oc2.out_of_range", "SDQ_SCORE", "7.5"),
    ("oc2_2021.csv", [dict(OC2, TEETH_CHECK="2")], "oc2.invalid_code", "TEETH_CHECK", "2"),
    ("oc2_2021.csv", [dict(OC2, CONVICTED="Y")], "oc2.invalid_code", "CONVICTED", "Y"),
    ("oc2_2021.csv", [dict(OC2, SDQ_REASON="SDQ9")], "oc2.invalid_code", "SDQ_REASON", "SDQ9"),
    ("oc2_2021.csv", [dict(OC2, DOB="31/02/2010")], "oc2.invalid_date", "DOB", "31/02/2010"),
    ("oc2_2021.csv", [dict(OC2, CHILD="")], "oc2.blank_required", "CHILD", None),
    ("oc2_2021.csv", [dict(OC2, CHILD="NOPE")], "oc2.child_not_in_header", "CHILD", "NOPE"),
    # ACTIV F4 is valid from 2022 only (F3 before): in a 2021 file it is a row error
    ("oc3_2021.csv", [dict(OC3, ACTIV="F4")], "oc3.invalid_code", "ACTIV", "F4"),
    ("oc3_2022.csv", [dict(OC3, ACCOM="Q1")], "oc3.invalid_code", "ACCOM", "Q1"),
    ("oc3_2022.csv", [dict(OC3, IN_TOUCH="MAYBE")], "oc3.invalid_code", "IN_TOUCH", "MAYBE"),
    ("oc3_2022.csv", [dict(OC3, CHILD="NOPE")], "oc3.child_not_in_header", "CHILD", "NOPE"),
    ("prev.csv", [dict(PREV, PREV_PERM="P9")], "prev_perm.invalid_code", "PREV_PERM", "P9"),
    ("prev.csv", [dict(PREV, DOB="2010-13-01")], "prev_perm.invalid_date", "DOB", "2010-13-01"),
    ("prev.csv", [PREV, dict(PREV, PREV_PERM="P1")], "prev_perm.duplicate_key", "CHILD", "C1"),
    ("sw.csv", [dict(SW, SW_REASON="BORED")], "sw_episodes.invalid_code", "SW_REASON", "BORED"),
    ("sw.csv", [dict(SW, SW_DECOM="")], "sw_episodes.blank_required", "SW_DECOM", None),
    ("sw.csv", [dict(SW, SW_DEC="1/1/21")], "sw_episodes.invalid_date", "SW_DEC", "1/1/21"),
    ("sw.csv", [SW, dict(SW, SW_ID="SW9")], "sw_episodes.duplicate_key", "SW_DECOM", "01/06/2020"),
    (
        "sw.csv",
        [dict(SW, SW_DECOM="01/01/2010")],  # C1 was born 01/05/2010
        "sw_episodes.dob_after_sw_decom",
        "SW_DECOM",
        "01/01/2010",
    ),
    ("dolo.csv", [dict(DOLO, DOLO_END="2026-02-30")], "dolo.invalid_date", "DOLO_END", None),
    ("dolo.csv", [dict(DOLO, DOLO_START="")], "dolo.blank_required", "DOLO_START", None),
    ("dolo.csv", [dict(DOLO, DOLO_START="01/01/2009")], "dolo.dob_after_dolo_start", None, None),
]


@pytest.mark.parametrize(("name", "rows", "rule", "column", "value"), ROW_ERRORS)
def test_each_row_error(extract, name, rows, rule, column, value):
    folder = extract.write()
    add(folder, name, rows)
    checked = check_extract(folder)
    assert checked.blocking == []
    found = findings(checked, rule)
    assert len(found) == 1, findings(checked)
    file, row, col, _, val, _, severity = found[0]
    assert (file, severity) == (name, "row")
    assert row == len(rows) + 1  # the last row of the file
    if column:
        assert col == column
    if value:
        assert val == value
    read, loaded, quarantined, dropped = account(checked, name)
    assert (read, quarantined, dropped) == (len(rows), 1, 0)
