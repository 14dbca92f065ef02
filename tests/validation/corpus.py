"""A small clean extract set, written by the tests, and helpers to mutate and validate it.

Children (hand-built; every date checked by hand):
- C1 (DOB 2010-05-01): episode S 01/06/2020 -> X1 01/09/2021 -> P, open; two reviews; a
  missing episode; one row in each health file. Postcodes in sectors HA1 2, HA2 0, HA5 1.
- C2 (DOB 12/03/2012): one closed episode 2022-01-10 .. 2023-02-01 (E13); one review.
- C3 (DOB 01/01/2008): one open episode from 15/04/2023; UASC.
- F001..F080 (DOB 01/01/2012): one open episode from 01/04/2021, a review 01/05/2021 and an
  away-without-authorisation row 01/06/2021 .. 02/06/2021 each, so one bad row stays well
  under the 5% quarantine threshold.
- L1 (care leaver, not in header, DOB 01/01/2003): two contacts.

File row numbers (header = row 1): episodes C1 rows 2-3, C2 row 4, C3 row 5, F001 row 6 ..
F080 row 85; header C1 2, C2 3, C3 4, F001 5; reviews C1 2-3, C2 4, F001 5; missing C1 2,
F001 3.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from schemas.tables import TABLES
from transforms.validation.run import Checked, check_extract

FILLERS = [f"F{i:03d}" for i in range(1, 81)]


def _episode(
    child,
    decom,
    rne="S",
    ls="C2",
    place="U4",
    provider="PR1",
    dec="",
    rec="",
    reason="",
    home="",
    pl="",
    cin="N1",
) -> dict[str, str]:
    return {
        "CHILD": child,
        "DECOM": decom,
        "RNE": rne,
        "LS": ls,
        "CIN": cin,
        "PLACE": place,
        "PLACE_PROVIDER": provider,
        "DEC": dec,
        "REC": rec,
        "REASON_PLACE_CHANGE": reason,
        "HOME_POST": home,
        "PL_POST": pl,
        "URN": "",
    }


def clean_tables() -> dict[str, list[dict[str, str]]]:
    """The clean extract set: table -> rows (file named <table>.csv)."""
    blank = {"UPN": "", "MOTHER": "", "MC_DOB": ""}
    return {
        "header": [
            {"CHILD": "C1", "SEX": "M", "DOB": "2010-05-01", "ETHNIC": "WBRI", **blank},
            {"CHILD": "C2", "SEX": "F", "DOB": "12/03/2012", "ETHNIC": "BAFR", **blank},
            {"CHILD": "C3", "SEX": "M", "DOB": "01/01/2008", "ETHNIC": "AOTH", **blank},
        ]
        + [
            {"CHILD": f, "SEX": "F", "DOB": "01/01/2012", "ETHNIC": "WBRI", **blank}
            for f in FILLERS
        ],
        "episodes": [
            _episode(
                "C1",
                "01/06/2020",
                dec="01/09/2021",
                rec="X1",
                reason="CARPL",
                home="HA1 2AB",
                pl="HA2 0AA",
            ),
            _episode(
                "C1",
                "01/09/2021",
                rne="P",
                place="U6",
                provider="PR4",
                home="HA1 2AB",
                pl="HA5 1AA",
            ),
            _episode(
                "C2",
                "2022-01-10",
                ls="C1",
                cin="N2",
                place="K2",
                provider="PR2",
                dec="2023-02-01",
                rec="E13",
            ),
            _episode("C3", "15/04/2023", ls="V2"),
        ]
        + [_episode(f, "01/04/2021") for f in FILLERS],
        "reviews": [
            {"CHILD": "C1", "DOB": "01/05/2010", "REVIEW": "20/06/2020", "REVIEW_CODE": "PN1"},
            {"CHILD": "C1", "DOB": "01/05/2010", "REVIEW": "10/12/2020", "REVIEW_CODE": "PN1"},
            {"CHILD": "C2", "DOB": "12/03/2012", "REVIEW": "2022-02-01", "REVIEW_CODE": "PN2"},
        ]
        + [
            {"CHILD": f, "DOB": "01/01/2012", "REVIEW": "01/05/2021", "REVIEW_CODE": "PN1"}
            for f in FILLERS
        ],
        "missing": [
            {
                "CHILD": "C1",
                "DOB": "01/05/2010",
                "MISSING": "M",
                "MIS_START": "03/03/2021",
                "MIS_END": "05/03/2021",
            },
        ]
        + [
            {
                "CHILD": f,
                "DOB": "01/01/2012",
                "MISSING": "A",
                "MIS_START": "01/06/2021",
                "MIS_END": "02/06/2021",
            }
            for f in FILLERS
        ],
        "uasc": [{"CHILD": "C3", "SEX": "M", "DOB": "01/01/2008", "DUC": ""}],
        "health_assessments": [
            {
                "CHILD": "C1",
                "ASSESSMENT_TYPE": "IHA",
                "DUE_DATE": "29/06/2020",
                "COMPLETED_DATE": "20/06/2020",
                "CONSENT_REFUSED": "N",
            },
        ],
        "dental_checks": [{"CHILD": "C1", "CHECK_DATE": "01/02/2021"}],
        "immunisations": [{"CHILD": "C1", "RECORD_DATE": "01/02/2021", "UP_TO_DATE": "Y"}],
        "sdq": [{"CHILD": "C1", "SDQ_DATE": "01/03/2021", "SDQ_SCORE": "12"}],
        "care_leavers": [
            {
                "CHILD": "L1",
                "DOB": "01/01/2003",
                "CONTACT_DATE": "01/05/2021",
                "IN_TOUCH": "YES",
                "ACTIV": "F2",
                "ACCOM": "B1",
            },
            {
                "CHILD": "L1",
                "DOB": "01/01/2003",
                "CONTACT_DATE": "01/11/2021",
                "IN_TOUCH": "YES",
                "ACTIV": "F4",
                "ACCOM": "D1",
            },
        ],
    }


POSTCODES = (
    "postcode_sector,latitude,longitude\nHA1 2,51.58,-0.34\nHA2 0,51.57,-0.35\nHA5 1,51.59,-0.38\n"
)


def write_csv(path: Path, columns: list[str], rows: list[dict[str, str]], **kw) -> None:
    with open(path, "w", encoding=kw.get("encoding", "utf-8"), newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n", delimiter=kw.get("delimiter", ","))
        writer.writerow(columns)
        writer.writerows([r.get(c, "") for c in columns] for r in rows)


def write_set(folder: Path, tables: dict[str, list[dict[str, str]]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        write_csv(folder / f"{name}.csv", list(TABLES[name].columns), rows)
    (folder / "reference").mkdir(exist_ok=True)
    (folder / "reference" / "postcodes.csv").write_text(POSTCODES)
    return folder


class Extract:
    """A clean set in a temp folder: mutate `tables`, then `check()`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.tables = clean_tables()

    def write(self) -> Path:
        return write_set(self.folder, self.tables)

    def check(self, **kw) -> Checked:
        self.write()
        return check_extract(self.folder, **kw)


def findings(checked: Checked, rule: str | None = None, severity: str | None = None) -> list[tuple]:
    """(file, row, column, rule, value, child, severity) sorted by file, row, rule."""
    sql = 'SELECT file, row, "column", rule, value, child, severity FROM dq_findings WHERE true'
    params: list = []
    if rule:
        sql += " AND rule = ?"
        params.append(rule)
    if severity:
        sql += " AND severity = ?"
        params.append(severity)
    return checked.con.execute(sql + ' ORDER BY file, row, rule, "column"', params).fetchall()


def rows_of(checked: Checked, rule: str) -> list[tuple[str, int]]:
    return [(f[0], f[1]) for f in findings(checked, rule)]


def account(checked: Checked, name: str) -> tuple[int, int, int, int]:
    """(rows_read, rows_loaded, rows_quarantined, duplicates_dropped) of one file."""
    assert checked.result is not None
    f = next(f for f in checked.result.files if f.name == name)
    assert f.rows_read == f.rows_loaded + f.rows_quarantined + f.duplicates_dropped
    return f.rows_read, f.rows_loaded, f.rows_quarantined, f.duplicates_dropped


def excluded(checked: Checked, table: str) -> list[tuple[str, int, str]]:
    return checked.con.execute(
        "SELECT _file, _row, reason FROM dq_excluded WHERE table_name = ? ORDER BY ALL", [table]
    ).fetchall()


Mutator = Callable[[dict[str, list[dict[str, str]]]], None]
