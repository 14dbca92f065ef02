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
    # Columns not read from the file but set by loading (COLLECTION_YEAR of OC2/OC3: the
    # year in the file name, else the collection year of the extract date).
    derived: tuple[str, ...] = ()

    @property
    def recognised_by(self) -> tuple[str, ...]:
        """Columns a file's header must hold for the file to be this table."""
        return tuple(
            c for c in self.columns if c not in self.optional_columns and c not in self.derived
        )

    @property
    def file_columns(self) -> tuple[str, ...]:
        """Columns read from a file (the contract less the derived ones)."""
        return tuple(c for c in self.columns if c not in self.derived)


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

OC2_FLAGS = (
    "CONVICTED",
    "HEALTH_CHECK",
    "IMMUNISATIONS",
    "TEETH_CHECK",
    "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE",
    "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED",
)
YEAR = "COLLECTION_YEAR"  # derived column of the one-year tables (OC2, OC3)

# The rest of a council's 903 export (extracts.md "The rest of a council's 903 export").
TABLES.update(
    {
        t.name: t
        for t in [
            Table(
                "oc2",
                ("CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", *OC2_FLAGS, YEAR),
                key=("CHILD", YEAR),
                not_blank=("CHILD",),
                dates=("DOB",),
                codes={
                    "SDQ_REASON": CodeColumn("SDQ_REASON", YEAR),
                    **{f: CodeColumn("ZERO_ONE", None) for f in OC2_FLAGS},
                },
                int_ranges={"SDQ_SCORE": (0, 40)},
                derived=(YEAR,),
            ),
            Table(
                "oc3",
                ("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM", YEAR),
                key=("CHILD", YEAR),
                not_blank=("CHILD",),
                dates=("DOB",),
                codes={
                    "IN_TOUCH": CodeColumn("IN_TOUCH", YEAR),
                    "ACTIV": CodeColumn("ACTIV", YEAR),
                    "ACCOM": CodeColumn("ACCOM", YEAR),
                },
                derived=(YEAR,),
            ),
            Table(
                "prev_perm",
                ("CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"),
                key=("CHILD",),
                not_blank=("CHILD",),
                dates=("DOB",),  # DATE_PERM may hold ZZ for unknown parts (DfE rule 632)
                codes={"PREV_PERM": CodeColumn("PREV_PERM", None)},
            ),
            Table(
                "sw_episodes",
                ("CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"),
                key=("CHILD", "SW_DECOM"),
                not_blank=("CHILD", "SW_DECOM"),
                dates=("DOB", "SW_DECOM", "SW_DEC"),
                codes={"SW_REASON": CodeColumn("SW_REASON", "SW_DECOM")},
            ),
            Table(
                "dolo",
                ("CHILD", "DOB", "DOLO_START", "DOLO_END"),
                key=("CHILD", "DOLO_START"),
                not_blank=("CHILD", "DOLO_START"),
                dates=("DOB", "DOLO_START", "DOLO_END"),
            ),
        ]
    }
)

# Tables that hold one collection year per file (the year from the file name).
ONE_YEAR_TABLES = tuple(t.name for t in TABLES.values() if YEAR in t.derived)

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
