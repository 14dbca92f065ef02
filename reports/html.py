"""HTML rendering of the report context (Jinja2; self-contained: inline CSS and SVG)."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from core.paths import TEMPLATES_DIR
from reports.charts import table_chart
from reports.context import Context, display_round
from reports.sections import SECTIONS

QUARTER_NAMES = {1: "Q1", 2: "Q2", 3: "Q3", 4: "Q4"}
RAG_LABELS = {"green": "Green", "amber": "Amber", "red": "Red"}


def fmt(value: Any, unit: str = "", mark: str = "") -> str:
    """A number as the report shows it: one decimal place, counts whole; `x`/`*` marks."""
    if mark == "x":
        return "x"
    if value is None:
        return "–"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if unit == "count" or (isinstance(value, int)) or (unit == "" and float(value).is_integer()):
        text = f"{int(round(value)):,}"
    else:
        text = f"{display_round(float(value)):.1f}"
    return text + ("*" if mark == "*" else "")


def note(r: dict[str, Any]) -> str:
    if r.get("mark") == "x":
        return "suppressed: small numbers"
    n, d = r.get("numerator"), r.get("denominator")
    if r["unit"] == "percent" and d:
        return f"{int(n)} of {int(d)}"
    if r["unit"] == "rate_per_10k" and d:
        return f"{int(n)} children; population {int(d):,}"
    if r["unit"] in ("score", "days") and d:
        return f"average over {int(d)} children"
    return ""


VALUE_FIELDS = ("value", "numerator", "denominator", "percent", "count", "suppressed", "period_end")
MAX_PERIODS = 13


def pivot_parts(rows: list[dict[str, Any]], title: str) -> list[dict[str, Any]]:
    """A long-format table as committee-paper tables: one per measure, categories down,
    periods across (the last 13), with a chart of the local series when it is small enough."""
    if not rows or "period" not in rows[0]:
        return []

    def part_of(r: dict[str, Any]) -> tuple[str, str]:
        series = r.get("series")
        return (str(r.get("measure") or ""), "" if series in (None, "local") else "comparators")

    parts = []
    for measure, comparator in sorted({part_of(r) for r in rows}):
        subset = [r for r in rows if part_of(r) == (measure, comparator)]
        periods = sorted({str(r["period"]) for r in subset})[-MAX_PERIODS:]
        keys = [k for k in subset[0] if k not in VALUE_FIELDS and k not in ("period", "measure")]
        lines: dict[tuple, dict[str, Any]] = {}
        for r in subset:
            if str(r["period"]) not in periods:
                continue
            key = tuple(r.get(k) for k in keys)
            mark = "x" if r.get("suppressed") else ""
            lines.setdefault(key, {})[str(r["period"])] = fmt(
                r.get("value"), r.get("unit") or "", mark
            )
        local = [r for r in subset if r.get("series") in (None, "local")]
        chart = table_chart(
            [
                {"period": str(r["period"]), "category": r.get("category"), "value": r.get("value")}
                for r in local
                if str(r["period"]) in periods
            ],
            f"{title}{' – ' + str(measure).replace('_', ' ') if measure else ''}",
        )
        parts.append(
            {
                "measure": str(measure).replace("_", " ") if measure else "",
                "columns": [k.replace("_", " ").capitalize() for k in keys] + periods,
                "rows": [
                    [{"text": "" if v is None else str(v), "num": False} for v in key]
                    + [{"text": cells.get(p, "–"), "num": True} for p in periods]
                    for key, cells in sorted(lines.items(), key=lambda kv: str(kv[0]))
                ],
                "chart": chart,
            }
        )
    return parts


def view(c: Context, version: str) -> dict[str, Any]:
    """The template's variables: formatted strings only."""
    end = c.period.end
    part_a, counts = [], []
    for r in c.indicators:
        comps = r.get("comparators", {})
        row = {
            "ref": r["ref"],
            "title": r["title"] or r["indicator_id"],
            "sn": fmt(comps.get("statistical_neighbours", (None,))[0], r["unit"]),
            "england": fmt(comps.get("england", (None,))[0], r["unit"]),
            "previous": [fmt(p["value"], r["unit"]) for p in r["previous_years"]],
            "target_text": r["target_text"],
            "actual": fmt(r["value"], r["unit"], r.get("mark", "")),
            "rag": r["rag"] or "",
            "rag_label": RAG_LABELS.get(r["rag"] or "", "–"),
            "direction": r["direction"],
            "note": note(r),
            "previous_quarter": fmt(r["previous_quarter"], r["unit"]),
        }
        (part_a if r["ref"] else counts).append(row)
    sections = []
    for code, title in SECTIONS:
        name = next((n for n in c.tables if n.startswith(code + "_")), None)
        s: dict[str, Any] = {
            "id": code.lower(),
            "code": code,
            "title": title,
            "not_supplied": c.not_supplied.get(code, ""),
        }
        if name is None and not s["not_supplied"]:
            s["not_supplied"] = "Not built for this period."
        if name is not None:
            s["title"] = c.table_titles.get(name) or title
            s["parts"] = pivot_parts(c.tables[name], s["title"])
            s["commentary"] = c.commentary.get(code, "")
        sections.append(s)
    footnote = (
        "x – suppressed to protect confidentiality (small numbers). "
        if (c.suppression == "public")
        else ""
    )
    footnote += "* – only one child in the cohort."
    return {
        "period": c.period,
        "period_name": f"{QUARTER_NAMES[c.period.quarter]} {c.period.fy_label}",
        "period_end_text": f"{end.day} {end:%B %Y}",
        "meeting_date": "",
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
