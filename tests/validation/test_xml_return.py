"""The 903 return as DfE XML: read into the same tables as the CSVs, row numbers from element
lines, combined with CSVs of the same table; hostile files refused (file.unsafe_xml)."""

import pytest

from demo.xml_return import write_xml_return
from schemas.tables import TABLES
from tests.validation.corpus import account, findings, write_csv
from transforms.validation.run import check_extract

XML_TABLES = ("header", "episodes", "reviews", "missing", "uasc")


def as_xml(extract):
    """The clean set with its 903 tables moved into one XML return (health stays CSV)."""
    folder = extract.write()
    tables = {t: extract.tables[t] for t in XML_TABLES}
    for t in XML_TABLES:
        (folder / f"{t}.csv").unlink()
    write_xml_return(folder / "SSDA903_2023_24.xml", tables)
    return folder


def typed_rows(checked, table):
    """The table's rows as loaded and typed (dates as dates: the XML takes DOB from the
    header, which the clean set writes in the other date format)."""
    t = TABLES[table]
    cols = ", ".join(f'"{c}"' for c in t.columns)
    return checked.con.execute(f"SELECT {cols} FROM vn_{table} ORDER BY ALL").fetchall()


def test_xml_gives_the_same_rows_as_the_csvs(extract, tmp_path):
    csv_checked = extract.check()
    xml_checked = check_extract(as_xml(extract))
    assert xml_checked.blocking == []
    for t in XML_TABLES:
        assert typed_rows(xml_checked, t) == typed_rows(csv_checked, t), t
    assert findings(xml_checked) == []
    names = {(f.name, f.table) for f in xml_checked.result.files}
    assert {("SSDA903_2023_24.xml", t) for t in XML_TABLES} <= names
    assert account(xml_checked, "SSDA903_2023_24.xml")[0] == 83  # header rows (first table)


def test_xml_row_numbers_are_element_lines(extract):
    extract.tables["episodes"][3]["LS"] = "Q9"  # C3's episode
    folder = as_xml(extract)
    checked = check_extract(folder)
    found = findings(checked, "episodes.invalid_code")
    assert len(found) == 1
    file, line = found[0][:2]
    text = (folder / file).read_text().splitlines()
    assert text[line - 1] == "<EPISODE>"
    assert "<LS>Q9</LS>" in text[line : line + 14]


def test_xml_and_csv_of_one_table_are_combined(extract):
    folder = as_xml(extract)
    extra = {"CHILD": "C2", "DOB": "12/03/2012", "REVIEW": "2022-08-01", "REVIEW_CODE": "PN1"}
    write_csv(folder / "reviews_extra.csv", ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"], [extra])
    checked = check_extract(folder)
    assert checked.blocking == []
    n = checked.con.execute("SELECT count(*) FROM vn_reviews").fetchone()[0]
    assert n == len(extract.tables["reviews"]) + 1


def test_oc3_and_oc2_in_the_header_take_the_year_from_the_name(extract):
    folder = extract.write()
    tables = {t: extract.tables[t] for t in XML_TABLES}
    tables["oc3"] = [
        {"CHILD": "C3", "DOB": "01/01/2008", "IN_TOUCH": "YES", "ACTIV": "F2", "ACCOM": "B1"}
    ]
    tables["oc2"] = [{"CHILD": "C1", "DOB": "2010-05-01", "SDQ_SCORE": "9", "TEETH_CHECK": "1"}]
    for t in XML_TABLES:
        (folder / f"{t}.csv").unlink()
    write_xml_return(folder / "return_2025.xml", tables)
    checked = check_extract(folder)
    assert checked.blocking == []
    assert checked.con.execute(
        "SELECT CHILD, DOB_TXT, IN_TOUCH, COLLECTION_YEAR FROM vn_oc3"
    ).fetchall() == [("C3", "01/01/2008", "YES", "2025")]
    assert checked.con.execute(
        "SELECT CHILD, DOB_TXT, SDQ_SCORE, TEETH_CHECK, COLLECTION_YEAR FROM vn_oc2"
    ).fetchall() == [("C1", "2010-05-01", "9", "1", "2025")]


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE EXPSSDA903 [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<EXPSSDA903><CHILD><HEADER><CHILDID>&lol9;</CHILDID></HEADER></CHILD></EXPSSDA903>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE EXPSSDA903 [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<EXPSSDA903><CHILD><HEADER><CHILDID>&xxe;</CHILDID></HEADER></CHILD></EXPSSDA903>
"""


@pytest.mark.parametrize("text", [BILLION_LAUGHS, EXTERNAL], ids=["billion_laughs", "xxe"])
def test_hostile_xml_is_blocking_unsafe_xml(extract, text):
    folder = extract.write()
    (folder / "return.xml").write_text(text)
    checked = check_extract(folder)
    assert [(b["file"], b["rule"]) for b in checked.blocking] == [("return.xml", "file.unsafe_xml")]
    assert "passwd" not in checked.blocking[0]["message"]


def test_broken_xml_is_blocking_malformed_with_its_line(extract):
    folder = extract.write()
    (folder / "return.xml").write_text(
        "<EXPSSDA903>\n<CHILD>\n<HEADER>\n<CHILDID>X1</CHILD>\n</EXPSSDA903>\n"
    )
    checked = check_extract(folder)
    assert [(b["file"], b["rule"]) for b in checked.blocking] == [("return.xml", "file.malformed")]
    assert "on line 4" in checked.blocking[0]["message"]
    assert "X1" not in checked.blocking[0]["message"]


def test_other_xml_is_a_warning_and_ignored(extract):
    folder = extract.write()
    (folder / "settings.xml").write_text("<settings><a>1</a></settings>\n")
    checked = check_extract(folder)
    assert checked.blocking == []
    assert [f[3] for f in findings(checked, severity="warning")] == ["file.unknown_xml"]
