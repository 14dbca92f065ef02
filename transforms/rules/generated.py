"""Rule families generated from the table contract (one rule per table/column)."""

from __future__ import annotations

from datetime import date

from schemas.tables import EVENT_DATES, TABLES
from transforms.rules import Rule

# Dates a child's date of birth must not be after (extracts.md / issue 5).
DOB_BOUND_DATES: dict[str, tuple[str, ...]] = {
    "episodes": ("DECOM",),
    "reviews": ("REVIEW",),
    "missing": ("MIS_START",),
    "health_assessments": ("COMPLETED_DATE",),
    "dental_checks": ("CHECK_DATE",),
    "immunisations": ("RECORD_DATE",),
    "sdq": ("SDQ_DATE",),
    "sw_episodes": ("SW_DECOM",),
    "dolo": ("DOLO_START",),  # DfE 708
}

_SELECT = "SELECT '{t}' AS table_name, _file AS file, _row AS row, '{c}' AS \"column\""


def dob_after_rules() -> list[Rule]:
    """`<table>.dob_after_<date>`: the child's DOB (header, or the row's own) is after it."""
    rules = []
    for t, cols in DOB_BOUND_DATES.items():
        own = "DOB" in TABLES[t].columns
        for c in cols:
            dob = "coalesce(greatest(r.DOB, h.DOB), r.DOB, h.DOB)" if own else "h.DOB"
            sql = (
                f"SELECT '{t}' AS table_name, r._file AS file, r._row AS row, '{c}' AS \"column\""
                f", r.{c}_TXT AS value, r.CHILD AS child "
                f"FROM vt_{t} r LEFT JOIN vt_header h USING (CHILD) WHERE {dob} > r.{c}"
            )
            rules.append(
                Rule(f"{t}.dob_after_{c.lower()}", "row", f"date of birth is after {c}", sql)
            )
    rules.append(
        Rule(
            "care_leavers.dob_after_contact_date",
            "row",
            "date of birth is after CONTACT_DATE",
            f"{_SELECT.format(t='care_leavers', c='CONTACT_DATE')}, CONTACT_DATE_TXT AS value, "
            "CHILD AS child FROM vt_care_leavers WHERE DOB > CONTACT_DATE",
        )
    )
    return rules


def future_date_rules(extract_date: date | None) -> list[Rule]:
    """`<table>.future_date`: an event date after --extract-date (only when given)."""
    if extract_date is None:
        return []
    rules = []
    for t, cols in EVENT_DATES.items():
        parts = [
            f"{_SELECT.format(t=t, c=c)}, {c}_TXT AS value, CHILD AS child FROM vt_{t} "
            f"WHERE {c} > DATE '{extract_date.isoformat()}'"
            for c in cols
        ]
        rules.append(
            Rule(
                f"{t}.future_date",
                "row",
                f"event date after the extract date {extract_date.isoformat()}",
                " UNION ALL ".join(parts),
            )
        )
    return rules


def not_in_header_rules() -> list[Rule]:
    """`<table>.child_not_in_header`: row for 903 tables, warning for health files.

    A header row that was quarantined does not count as the child being in header.
    """
    rules = []
    for t in TABLES.values():
        if t.name == "header" or t.group == "care_leavers":
            continue
        severity = "row" if t.group == "903" else "warning"
        sql = (
            f"{_SELECT.format(t=t.name, c='CHILD')}, CHILD AS value, CHILD AS child "
            f"FROM vt_{t.name} r ANTI JOIN ok_header h ON h.CHILD = r.CHILD "
            "WHERE r.CHILD IS NOT NULL"
        )
        rules.append(
            Rule(
                f"{t.name}.child_not_in_header",
                severity,
                "child is not in the header file (or its header row was quarantined)",
                sql,
                stage="after_header",
            )
        )
    return rules


def all_rules(extract_date: date | None = None) -> list[Rule]:
    """Every registered rule: SQL files plus the generated families."""
    from transforms.rules import sql_rules

    return [
        *dob_after_rules(),
        *future_date_rules(extract_date),
        *sql_rules(),
        *not_in_header_rules(),
    ]
