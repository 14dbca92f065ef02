"""Suppression profiles (report.md), applied once to the context so every rendering agrees.

panel (default): nothing is suppressed; a percentage whose denominator is 1 is marked `*`.
public: counts from 1 to the threshold, and any rate/percentage/score whose numerator or
denominator is from 1 to the threshold, are suppressed (`x`; empty cells in CSV/Parquet).
"""

from __future__ import annotations

from typing import Any

COUNT_FIELDS = ("value", "numerator", "denominator", "count")
NUMBER_FIELDS = (*COUNT_FIELDS, "percent", "display", "displayed_value", "displayed_percent")


def _small(x: Any, threshold: float) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool) and 1 <= x <= threshold


def hidden(row: dict[str, Any], threshold: float) -> bool:
    """Under public: a count from 1 to the threshold, or a rate/percentage/score whose
    numerator or denominator is (indicator rows: numerator, denominator, unit)."""
    parts = [row.get("numerator")]
    if row.get("unit") != "count":
        parts.append(row.get("denominator"))
    return any(_small(p, threshold) for p in parts)


def mark_indicator(row: dict[str, Any], profile: str, threshold: float) -> None:
    """Set row['mark'] ('', '*' or 'x') and, under public, blank the suppressed numbers."""
    row["mark"] = ""
    if profile == "public":
        if hidden(row, threshold):
            row.update(
                suppressed=True,
                mark="x",
                value=None,
                numerator=None,
                denominator=None,
                display=None,
            )
    elif row.get("unit") == "percent" and row.get("denominator") == 1:
        row["mark"] = "*"


def hidden_table_row(row: dict[str, Any], threshold: float) -> bool:
    """Under public, a Part B row is hidden when any of its counts is from 1 to the
    threshold: the value itself when it is a count, else its numerator or denominator."""
    counts = [row.get(f) for f in COUNT_FIELDS if f in row]
    if row.get("unit") not in (None, "count"):
        counts = [row.get("numerator"), row.get("denominator")]
    return any(_small(c, threshold) and float(c).is_integer() for c in counts if c is not None)


def suppress_table_row(row: dict[str, Any], threshold: float) -> None:
    """Public profile on a Part B row: a small count blanks the row's numbers."""
    if hidden_table_row(row, threshold):
        for f in NUMBER_FIELDS:
            if f in row:
                row[f] = None
        row["suppressed"] = True
