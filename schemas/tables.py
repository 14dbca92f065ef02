"""The input file contract (spec/extracts.md) as data: tables, columns, keys, dates, codes.

Every other module (discovery, loading, validation, staging SQL, demo data) reads the
contract from here, so a column is named in one place only.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CodeColumn:
    """A coded column: its code list (schemas/codes/<codes>.csv) and the date column whose
    collection year decides which codes are valid (None: any year's code is accepted)."""

    codes: str
    year_from: str | None


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]
    required: bool = False  # the extract set must hold this table
    optional_columns: tuple[str, ...] = ()  # may be absent from the file's header
    not_blank: tuple[str, ...] = ()  # a blank value is a row error
    dates: tuple[str, ...] = ()
    codes: dict[str, CodeColumn] = field(default_factory=dict)
    group: str = "903"  # 903, health, care_leavers
    int_ranges: dict[str, tuple[int, int]] = field(default_factory=dict)  # integer lo..hi

    @property
    def recognised_by(self) -> tuple[str, ...]:
        """Columns a file's header must hold for the file to be this table."""
        return tuple(c for c in self.columns if c not in self.optional_columns)


TABLES: dict[str, Table] = {
    t.name: t
    for t in [
        Table(
            "header",
            ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"),
            key=("CHILD",),
            required=True,
            not_blank=("CHILD", "SEX", "DOB", "ETHNIC"),
            dates=("DOB", "MC_DOB"),
            codes={"SEX": CodeColumn("SEX", None), "ETHNIC": CodeColumn("ETHNIC", None)},
        ),
        Table(
            "episodes",
            (
                "CHILD",
                "DECOM",
                "RNE",
                "LS",
                "CIN",
                "PLACE",
                "PLACE_PROVIDER",
                "DEC",
                "REC",
                "REASON_PLACE_CHANGE",
                "HOME_POST",
                "PL_POST",
                "URN",
            ),
            key=("CHILD", "DECOM"),
            required=True,
            not_blank=("CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE"),
            dates=("DECOM", "DEC"),
            codes={
                "RNE": CodeColumn("RNE", "DECOM"),
                "LS": CodeColumn("LS", "DECOM"),
                "CIN": CodeColumn("CIN", "DECOM"),
                "PLACE": CodeColumn("PLACE", "DECOM"),
                "PLACE_PROVIDER": CodeColumn("PLACE_PROVIDER", "DECOM"),
                "REC": CodeColumn("REC", "DEC"),
                "REASON_PLACE_CHANGE": CodeColumn("REASON_PLACE_CHANGE", "DEC"),
            },
        ),
        Table(
            "reviews",
            ("CHILD", "DOB", "REVIEW", "REVIEW_CODE"),
            key=("CHILD", "REVIEW"),
            required=True,
            not_blank=("CHILD", "REVIEW"),
            dates=("DOB", "REVIEW"),
            codes={"REVIEW_CODE": CodeColumn("REVIEW_CODE", "REVIEW")},
        ),
        Table(
            "missing",
            ("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"),
            key=("CHILD", "MISSING", "MIS_START"),
            required=True,
            optional_columns=("DOB",),
            not_blank=("CHILD", "MISSING", "MIS_START"),
            dates=("DOB", "MIS_START", "MIS_END"),
            codes={"MISSING": CodeColumn("MISSING", "MIS_START")},
        ),
        Table(
            "uasc",
            ("CHILD", "SEX", "DOB", "DUC"),
            key=("CHILD",),
            not_blank=("CHILD",),
            dates=("DOB", "DUC"),
            codes={"SEX": CodeColumn("SEX", None)},
        ),
        Table(
            "ad1",
            (
                "CHILD",
                "DOB",
                "DATE_INT",
                "DATE_MATCH",
                "FOSTER_CARE",
                "NB_ADOPTR",
                "SEX_ADOPTR",
                "LS_ADOPTR",
            ),
            key=("CHILD",),
            not_blank=("CHILD",),
            dates=("DOB", "DATE_INT", "DATE_MATCH"),
        ),
        Table(
            "placed_adoption",
            ("CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"),
            key=("CHILD", "DATE_PLACED"),
            not_blank=("CHILD",),
            dates=("DOB", "DATE_PLACED", "DATE_PLACED_CEASED"),
        ),
        Table(
            "health_assessments",
            ("CHILD", "ASSESSMENT_TYPE", "DUE_DATE", "COMPLETED_DATE", "CONSENT_REFUSED"),
            key=("CHILD", "ASSESSMENT_TYPE", "DUE_DATE"),
            not_blank=("CHILD", "ASSESSMENT_TYPE", "DUE_DATE"),
            dates=("DUE_DATE", "COMPLETED_DATE"),
            codes={
                "ASSESSMENT_TYPE": CodeColumn("ASSESSMENT_TYPE", None),
                "CONSENT_REFUSED": CodeColumn("YES_NO", None),
            },
            group="health",
        ),
        Table(
            "dental_checks",
            ("CHILD", "CHECK_DATE"),
            key=("CHILD", "CHECK_DATE"),
            not_blank=("CHILD", "CHECK_DATE"),
            dates=("CHECK_DATE",),
            group="health",
        ),
        Table(
            "immunisations",
            ("CHILD", "RECORD_DATE", "UP_TO_DATE"),
            key=("CHILD", "RECORD_DATE"),
            not_blank=("CHILD", "RECORD_DATE", "UP_TO_DATE"),
            dates=("RECORD_DATE",),
            codes={"UP_TO_DATE": CodeColumn("YES_NO", None)},
            group="health",
        ),
        Table(
            "sdq",
            ("CHILD", "SDQ_DATE", "SDQ_SCORE"),
            key=("CHILD", "SDQ_DATE"),
            not_blank=("CHILD", "SDQ_DATE", "SDQ_SCORE"),
            dates=("SDQ_DATE",),
            group="health",
            int_ranges={"SDQ_SCORE": (0, 40)},
        ),
        Table(
            "care_leavers",
            ("CHILD", "DOB", "CONTACT_DATE", "IN_TOUCH", "ACTIV", "ACCOM"),
            key=("CHILD", "CONTACT_DATE"),
            not_blank=("CHILD", "DOB"),
            dates=("DOB", "CONTACT_DATE"),
            codes={
                "IN_TOUCH": CodeColumn("IN_TOUCH", "CONTACT_DATE"),
                "ACTIV": CodeColumn("ACTIV", "CONTACT_DATE"),
                "ACCOM": CodeColumn("ACCOM", "CONTACT_DATE"),
            },
            group="care_leavers",
        ),
    ]
}

# Event dates that define the extract's coverage (extracts.md "Extract coverage").
EVENT_DATES: dict[str, tuple[str, ...]] = {
    "episodes": ("DECOM", "DEC"),
    "reviews": ("REVIEW",),
    "missing": ("MIS_START", "MIS_END"),
    "health_assessments": ("COMPLETED_DATE",),
    "dental_checks": ("CHECK_DATE",),
    "immunisations": ("RECORD_DATE",),
    "sdq": ("SDQ_DATE",),
    "care_leavers": ("CONTACT_DATE",),
}

# Reference files, recognised by name in the extract set's reference/ folder.
REFERENCE_FILES: dict[str, tuple[str, ...]] = {
    "population": ("from_date", "population_under_18"),
    "comparators": ("indicator_id", "comparator", "year", "value"),
    "targets": ("indicator_id", "year", "quarter", "target", "polarity"),
    "rag": ("indicator_id", "amber_tolerance"),
    "bank_holidays": ("date",),
    "postcodes": ("postcode_sector", "latitude", "longitude"),
    "suppression": ("profile", "rule", "threshold"),
}
