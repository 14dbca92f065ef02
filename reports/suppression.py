"""Suppression profiles (report.md), applied once to the context so every rendering agrees.

panel (default): nothing is suppressed; a percentage whose denominator is 1 is marked `*`.
public: counts from 1 to the threshold, and any rate/percentage/score whose numerator or
denominator is from 1 to the threshold, are suppressed (`x`; empty cells in CSV/Parquet).
"""

from __future__ import annotations

from typing import Any

COUNT_FIELDS = ("value", "numerator", "denominator", "count")
NUMBER_FIELDS = (*COUNT_FIELDS, "percent", "display")


def _small(x: Any, threshold: float) -> bool:
    return isinstance(x, int | float) and 1 <= x <= threshold


def mark_indicator(row: dict[str, Any], profile: str, threshold: float) -> None:
    """Set row['mark'] ('', '*' or 'x') and, under public, blank the suppressed numbers."""
    row["mark"] = ""
    if profile == "public":
        parts = [row.get("numerator")]
        if row.get("unit") != "count":
            parts.append(row.get("denominator"))
        if any(_small(p, threshold) for p in parts):
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


def suppress_table_row(row: dict[str, Any], threshold: float) -> None:
    """Public profile on a Part B row: a small count blanks the row's numbers."""
    counts = [row.get(f) for f in COUNT_FIELDS if f in row]
    if row.get("unit") not in (None, "count"):
        counts = [row.get("numerator"), row.get("denominator")]
    if any(_small(c, threshold) and float(c).is_integer() for c in counts if c is not None):
        for f in NUMBER_FIELDS:
            if f in row:
                row[f] = None
        row["suppressed"] = True


def apply(context, thresholds: dict[str, float]) -> None:
    """Apply the context's profile to its Part A rows and Part B tables, in place."""
    threshold = thresholds.get("public", 5)
    for row in context.indicators:
        mark_indicator(row, context.suppression, threshold)
    if context.suppression == "public":
        for rows in context.tables.values():
            for row in rows:
                row.setdefault("suppressed", False)
                suppress_table_row(row, threshold)
