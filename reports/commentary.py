"""One-paragraph commentary for Part B sections, generated from each table by small rules.

A rule reads one table's rows for the report period and returns sentences, or nothing when
its data is missing or suppressed. Sections without a rule get no commentary.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from core.periods import Period

Rows = list[dict[str, Any]]


def _latest(rows: Rows, period: Period) -> Rows:
    return [
        r
        for r in rows
        if str(r.get("period")) == period.label
        and r.get("series") in (None, "local")
        and not r.get("suppressed")
    ]


def _value(rows: Rows, period: Period, category: str) -> float | None:
    found = [
        r["value"]
        for r in rows
        if str(r.get("period")) == period.label
        and r.get("category") == category
        and not r.get("suppressed")
    ]
    return found[0] if found and found[0] is not None else None


def numbers_over_time(rows: Rows, period: Period) -> list[str]:
    now = _value(rows, period, "cla_count")
    if now is None:
        return []
    text = f"There were {int(now)} children looked after at the end of the quarter"
    year_ago = _value(rows, period.shift(-4), "cla_count")
    if year_ago is not None:
        text += f", compared with {int(year_ago)} a year earlier"
    one_year = _value(rows, period, "cla_1yr_plus_count")
    if one_year is not None:
        text += f"; {int(one_year)} had been looked after for a year or more"
    return [text + "."]


def largest_group(noun: str) -> Callable[[Rows, Period], list[str]]:
    """'The largest group was X: n children (p%).' for a breakdown with percentages."""

    def rule(rows: Rows, period: Period) -> list[str]:
        latest = [
            r
            for r in _latest(rows, period)
            if r.get("percent") is not None and r.get("value") is not None
        ]
        if not latest:
            return []
        top = max(latest, key=lambda r: (r["value"], str(r["category"])))
        total = sum(r["value"] for r in latest)
        return [
            f"Of the {int(total)} children looked after at the end of the quarter, the "
            f"largest {noun} was {top['category']}: {int(top['value'])} children "
            f"({top['percent']:.1f}%)."
        ]

    return rule


def starting_and_ceasing(rows: Rows, period: Period) -> list[str]:
    months = _quarter_months(period)
    started = [
        r["value"]
        for r in rows
        if r.get("category") == "started"
        and str(r.get("period")) in months
        and r.get("value") is not None
    ]
    ceased = [
        r["value"]
        for r in rows
        if r.get("category") == "ceased"
        and str(r.get("period")) in months
        and r.get("value") is not None
    ]
    if len(started) != 3 or len(ceased) != 3:
        return []
    return [
        f"In the quarter {int(sum(started))} periods of care started and {int(sum(ceased))} ended."
    ]


def _quarter_months(period: Period) -> set[str]:
    """The quarter's three months as `YYYY-MM` labels (Q4: January to March)."""
    end = period.end
    return {f"{end.year}-{end.month - k:02d}" for k in (2, 1, 0)}


RULES: dict[str, Callable[[Rows, Period], list[str]]] = {
    "B01": numbers_over_time,
    "B02": largest_group("age group"),
    "B03": largest_group("group"),
    "B04": largest_group("ethnic group"),
    "B05": largest_group("placement type"),
    "B09": starting_and_ceasing,
}


def commentary(code: str, rows: Rows, period: Period) -> str:
    rule = RULES.get(code)
    return " ".join(rule(rows, period)) if rule else ""
