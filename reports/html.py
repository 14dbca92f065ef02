"""HTML rendering of the report context (Jinja2; self-contained: inline CSS and SVG).

Only formatting happens here: the context's displayed values become text, parts get their
chart. The PDF is rendered from this HTML.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from core.paths import TEMPLATES_DIR
from reports.charts import chart
from reports.context import Context

RAG_LABELS = {"green": "Green", "amber": "Amber", "red": "Red"}


def fmt(value: Any, unit: str = "", mark: str = "") -> str:
    """A displayed value as text: counts whole with separators, others one decimal place;
    `x` (suppressed) and `*` (one child in the cohort) marks; `–` when there is no value."""
    if mark == "x":
        return "x"
    if value is None:
        return "–"
    text = f"{int(value):,}" if unit == "count" else f"{value:,.1f}"
    return text + ("*" if mark == "*" else "")


def part_view(part: dict[str, Any]) -> dict[str, Any]:
    unit = part["unit"]
    comp = part["comparators"]
    return {
        **part,
        "svg": chart(part),
        "rows": [
            {"label": r["label"], "cells": [fmt(x["value"], unit, x["mark"]) for x in r["cells"]]}
            for r in part["rows"]
        ],
        "comparators": comp
        and {
            "year": comp["year"],
            "names": comp["names"],
            "rows": [
                {
                    "label": r["label"],
                    "local": fmt(r["local"]["value"], "percent", r["local"]["mark"]),
                    "comparators": [fmt(x["value"], "percent") for x in r["comparators"]],
                }
                for r in comp["rows"]
            ],
        },
    }


def view(c: Context, version: str) -> dict[str, Any]:
    """The template's variables: formatted strings only."""
    part_a, counts = [], []
    for r in c.indicators:
        comps = r.get("comparators", {})
        row = {
            "ref": r["ref"],
            "title": r["title"],
            "sn": fmt(comps.get("statistical_neighbours", (None,))[0], r["unit"]),
            "england": fmt(comps.get("england", (None,))[0], r["unit"]),
            "previous": [fmt(p["value"], r["unit"]) for p in r["previous_years"]],
            "target_text": r["target_text"],
            "actual": fmt(r["display"], r["unit"], r.get("mark", "")),
            "rag": r["rag"] or "",
            "rag_label": RAG_LABELS.get(r["rag"] or "", "–"),
            "direction": r["direction"],
            "note": r["note"],
            "previous_quarter": fmt(r["previous_quarter"], r["unit"]),
        }
        (part_a if r["ref"] else counts).append(row)
    sections = [{**s, "parts": [part_view(p) for p in s["parts"]]} for s in c.sections]
    footnote = (
        "x – suppressed to protect confidentiality (small numbers). "
        if c.suppression == "public"
        else ""
    )
    footnote += "* – only one child in the cohort. – no value for the period."
    return {
        "period": c.period,
        "period_name": c.period_name,
        "period_end_text": c.period_end_text,
        "paper": c.paper,
        "comparator_year": c.comparator_year,
        "key_points": c.key_points,
        "previous_year_labels": [p["label"] for p in c.indicators[0]["previous_years"]]
        if c.indicators
        else [],
        "part_a": part_a,
        "counts": counts,
        "sections": sections,
        "dq": c.data_quality,
        "revisions": c.revisions,
        "definitions": c.definitions,
        "suppression": c.suppression,
        "generated_at": c.generated_at,
        "version": version,
        "footnote": footnote,
    }


def render_html(c: Context, version: str) -> str:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("report.html.j2").render(c=view(c, version))
