"""The report context: plain data built once per period, which every rendering reads.

Assembled here and only here, from warehouse tables: `out_indicators` (values, displayed
values and RAG computed in SQL), `out_part_b` (every Part B row with its label, unit and
displayed value), `indicator_catalogue` (the definitions, stored by the build), reference
tables and the data-quality findings. Suppression is applied once, here; then commentary
and key points are generated from the suppressed context. Renderers only format it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from typing import Any

import duckdb

from core.paths import REFERENCE_DIR
from core.periods import Period
from reports import suppression
from transforms.build import CATALOGUE_KEYS

INDICATOR_COLUMNS = [
    "indicator_id",
    "period",
    "period_end",
    "value",
    "numerator",
    "denominator",
    "unit",
    "target",
    "rag",
    "suppressed",
]
# columns of a Part B table: the same quarter last year to this one, or this quarter's and the
# last quarter's months; the chart shows the whole series and the spreadsheet every period
TABLE_QUARTERS = 5
TABLE_MONTHS = 6
COMPARATOR_NAMES = {"statistical_neighbours": "Statistical neighbours", "england": "England"}
UNIT_NAMES = {
    "count": "number",
    "percent": "%",
    "rate_per_10k": "rate per 10,000",
    "score": "score",
    "days": "days",
}


@dataclass
class Context:
    period: Period
    indicators: list[dict[str, Any]]  # Part A rows + counts, in catalogue order
    definitions: list[dict[str, str]]
    tables: dict[str, list[dict[str, Any]]]  # file stem -> rows (long format, CSV/Parquet)
    sections: list[dict[str, Any]]  # Part B in reference order, each with its parts
    data_quality: dict[str, Any]
    paper: dict[str, str] = field(default_factory=dict)  # committee-paper fields
    comparator_year: str = ""
    revisions: list[dict[str, Any]] = field(default_factory=list)
    key_points: list[str] = field(default_factory=list)
    suppression: str = "panel"
    generated_at: str = ""

    @property
    def period_name(self) -> str:
        return f"Q{self.period.quarter} {self.period.fy_label}"

    @property
    def period_end_text(self) -> str:
        e = self.period.end
        return f"{e.day} {e:%B %Y}"


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def table_file_name(model_name: str) -> str:
    """`tbl_b01_numbers_over_time` -> `B01_numbers_over_time`."""
    stem = model_name.removeprefix("tbl_")
    code, _, rest = stem.partition("_")
    return f"{code.upper()}_{rest}"


def definitions(con: duckdb.DuckDBPyConnection) -> list[dict[str, str]]:
    """Each indicator's header block as stored by the build, Part A ref order, then counts."""
    cols = ", ".join(CATALOGUE_KEYS)
    out = [
        {k: v or "" for k, v in r.items()}
        for r in rows(con, f"SELECT {cols} FROM indicator_catalogue")
    ]
    return sorted(out, key=catalogue_order)


def catalogue_order(h: dict) -> tuple:
    ref = h.get("ref") or ""
    return (0, int(ref), "") if ref.isdigit() else (1, 0, h["indicator_id"])


def paper_fields(path=REFERENCE_DIR / "report.csv") -> dict[str, str]:
    """The committee-paper header a council edits: `reference/report.csv` (field, value)."""
    if not path.exists():
        return {}
    with open(path, newline="", encoding="utf-8") as fh:
        return {r["field"]: r["value"] for r in csv.DictReader(fh)}


def previous_years(period: Period) -> list[Period]:
    """Q4 of the three financial years before the period's own (oldest first)."""
    return [Period(period.fy - k, 4) for k in (3, 2, 1)]


def direction(now: float | None, before: float | None, polarity: str) -> str:
    """Direction of travel between two displayed values, in words."""
    if now is None or before is None:
        return ""
    if now == before:
        return "no change"
    word = "up" if now > before else "down"
    if polarity in ("high", "low"):
        better = (now > before) == (polarity == "high")
        return f"{word} (better)" if better else f"{word} (worse)"
    return word


def number_text(x: float | None, unit: str = "") -> str:
    """A target or comparator as written in a sentence: `95%`, `2.5%`, `39.8`."""
    if x is None:
        return ""
    text = str(int(x)) if float(x).is_integer() else f"{x:g}"
    return text + ("%" if unit == "percent" else "")


def target_profiles(
    con: duckdb.DuckDBPyConnection, period: Period, units: dict[str, str]
) -> dict[str, str]:
    """This year's target per indicator as shown: `95%` or `Q1 2.5%, Q2 5%, Q3 7.5%, Q4 10%`."""
    by_id: dict[str, list[dict]] = {}
    for r in rows(
        con,
        "SELECT indicator_id, quarter, target FROM ref_targets WHERE year = ? "
        "ORDER BY indicator_id, quarter NULLS FIRST",
        [period.fy_label],
    ):
        by_id.setdefault(r["indicator_id"], []).append(r)
    out: dict[str, str] = {}
    for ind, rs in by_id.items():
        unit = units.get(ind, "")
        quarterly = [r for r in rs if r["quarter"] is not None]
        if quarterly:
            out[ind] = ", ".join(
                f"Q{r['quarter']} {number_text(r['target'], unit)}" for r in quarterly
            )
        else:
            out[ind] = number_text(rs[0]["target"], unit)
    return out


def comparators(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, tuple[float, str]]]:
    """Latest year in comparators.csv per indicator and comparator: (value, year)."""
    out: dict[str, dict[str, tuple[float, str]]] = {}
    for r in rows(
        con,
        "SELECT indicator_id, comparator, year, value FROM ref_comparators "
        "QUALIFY row_number() OVER (PARTITION BY indicator_id, comparator ORDER BY year DESC) = 1",
    ):
        out.setdefault(r["indicator_id"], {})[r["comparator"]] = (r["value"], r["year"])
    return out


def indicator_rows(
    con: duckdb.DuckDBPyConnection, period: Period, threshold: float, profile: str
) -> list[dict[str, Any]]:
    """Part A rows and counts: the period's value with its history, target, comparators."""
    history: dict[str, dict[str, dict]] = {}
    for r in rows(
        con,
        "SELECT indicator_id, period, displayed_value, numerator, denominator, unit "
        "FROM out_indicators WHERE period <= ? ORDER BY indicator_id, period",
        [period.label],
    ):
        history.setdefault(r["indicator_id"], {})[r["period"]] = r
    current = rows(
        con,
        "SELECT indicator_id, period, period_end, value, numerator, denominator, unit, target, "
        "rag, displayed_value AS display, coalesce(polarity, '') AS polarity, "
        "coalesce(ref, '') AS ref, coalesce(title, indicator_id) AS title "
        "FROM out_indicators WHERE period = ?",
        [period.label],
    )
    from_return = dict(  # Q4 figures taken from the 903 return's OC2/OC3
        con.execute(
            "SELECT indicator_id, source FROM int_annual_return_figures WHERE period = ? AND used",
            [period.label],
        ).fetchall()
    )
    units = {r["indicator_id"]: r["unit"] for r in current}
    targets = target_profiles(con, period, units)
    comps = comparators(con)

    def shown(point: dict | None) -> float | None:
        if point is None or (profile == "public" and suppression.hidden(point, threshold)):
            return None
        return point["displayed_value"]

    prev = period.shift(-1).label
    for r in current:
        h = history.get(r["indicator_id"], {})
        r["suppressed"] = False
        suppression.mark_indicator(r, profile, threshold)
        r["previous_years"] = [
            {"label": p.fy_label, "value": shown(h.get(p.label))} for p in previous_years(period)
        ]
        r["previous_quarter"] = shown(h.get(prev))
        r["direction"] = direction(r["display"], r["previous_quarter"], r["polarity"])
        r["series"] = [
            (p.label, shown(h.get(p.label))) for p in (period.shift(-k) for k in range(8, -1, -1))
        ]
        r["target_text"] = targets.get(r["indicator_id"], "")
        r["comparators"] = comps.get(r["indicator_id"], {})
        r["source"] = from_return.get(r["indicator_id"], "")
        r["note"] = indicator_note(r)
    return sorted(current, key=catalogue_order)


def indicator_note(r: dict[str, Any]) -> str:
    """The 'numerator of denominator' note beside a Part A value, and its source when the
    value is the 903 return's annual figure (OC2/OC3) rather than the dated extract's."""
    note = count_note(r)
    if r.get("source"):
        return (
            f"{note}; from the 903 return ({r['source']})"
            if note
            else (f"From the 903 return ({r['source']})")
        )
    return note


def count_note(r: dict[str, Any]) -> str:
    if r.get("mark") == "x":
        return "Suppressed: small numbers"
    n, d = r.get("numerator"), r.get("denominator")
    if n is None or not d:
        return ""
    if r["unit"] == "percent":
        return f"{int(n):,} of {int(d):,} children"
    if r["unit"] == "rate_per_10k":
        return f"{int(n):,} children; population aged under 18 {int(d):,}"
    if r["unit"] in ("score", "days"):
        return f"Average over {int(d):,} children"
    return ""


def raw_tables(con: duckdb.DuckDBPyConnection, period: Period) -> dict[str, list[dict]]:
    """Each Part B table's own rows for the period (the CSV/Parquet downloads)."""
    out = {}
    for (name,) in con.execute(
        "SELECT DISTINCT table_name FROM part_b_rows ORDER BY table_name"
    ).fetchall():
        out[table_file_name(name)] = rows(
            con,
            f"SELECT * EXCLUDE (report_period) FROM {name} WHERE report_period = ? ORDER BY ALL",
            [period.label],
        )
    return out


def part_b_sections(
    con: duckdb.DuckDBPyConnection, period: Period, threshold: float, profile: str
) -> list[dict[str, Any]]:
    """Part B sections in the order of sql/40_tables/sections.csv, each with its parts."""
    found = rows(
        con,
        "SELECT * FROM out_part_b WHERE report_period = ? "
        "ORDER BY section, part_order, measure, unit, series, label_order, label, period",
        [period.label],
    )
    for r in found:
        r["mark"] = ""
        if profile == "public" and suppression.hidden_table_row(r, threshold):
            r.update(displayed_value=None, displayed_percent=None, mark="x")
        elif profile != "public" and r["unit"] == "percent" and r.get("denominator") == 1:
            r["mark"] = "*"
    missing = {
        r["id"]: r["reason"][:1].upper() + r["reason"][1:] + "."
        for r in rows(con, "SELECT id, reason FROM part_b_not_supplied")
    }
    sections = []
    for s in rows(con, "SELECT id, title FROM part_b_sections ORDER BY position"):
        mine = [r for r in found if r["section"] == s["id"]]
        section: dict[str, Any] = {
            "code": s["id"],
            "number": s["id"][0] + str(int(s["id"][1:])),
            "title": s["title"],
            # a section without rows says why (sql/40_tables/not_supplied.csv)
            "not_supplied": "" if mine else missing.get(s["id"], ""),
            "parts": [],
            "commentary": "",
        }
        if not mine and not section["not_supplied"]:
            section["not_supplied"] = "No table was built for this period."
        keys: list[tuple] = []
        for r in mine:
            key = (r["part_order"], r["measure"], r["unit"])
            if key not in keys:
                keys.append(key)
        for key in sorted(keys):
            part_rows = [r for r in mine if (r["part_order"], r["measure"], r["unit"]) == key]
            if any(r["series"] == "local" for r in part_rows):  # not comparators alone
                section["parts"].append(make_part(part_rows, period))
        if mine and not section["parts"]:
            section["not_supplied"] = "No figures for this period."
        sections.append(section)
    return sections


def make_part(part_rows: list[dict], period: Period) -> dict[str, Any]:
    """One table (and maybe chart) of a section: labels down, periods across (the last
    TABLE_QUARTERS or TABLE_MONTHS, ending with the current one), plus comparators beside the
    local %."""
    first = part_rows[0]
    local = [r for r in part_rows if r["series"] == "local"]
    periods = sorted({r["period"] for r in local})
    names = {r["period"]: r["period_name"] for r in local}
    labels: list[str] = []
    category = {}
    for r in local:
        if r["label"] not in labels:
            labels.append(r["label"])
            category[r["label"]] = r["category"]
    cell = {(r["label"], r["period"]): r for r in local}
    if first["unit"] == "count":  # a breakdown has no row for a group nobody is in: zero
        for label in labels:
            for p in periods:
                cell.setdefault((label, p), {"displayed_value": 0.0, "mark": ""})
    series = [
        {
            "label": label,
            "category": category[label],
            "values": [(cell.get((label, p)) or {}).get("displayed_value") for p in periods],
            "marks": [(cell.get((label, p)) or {}).get("mark", "") for p in periods],
        }
        for label in labels
    ]
    monthly = bool(periods) and len(periods[-1]) == len("2026-09")
    shown = periods[-(TABLE_MONTHS if monthly else TABLE_QUARTERS) :]
    table_rows = [
        {
            "label": label,
            "cells": [
                {
                    "value": (cell.get((label, p)) or {}).get("displayed_value"),
                    "mark": (cell.get((label, p)) or {}).get("mark", ""),
                }
                for p in shown
            ],
        }
        for label in labels
    ]
    part = {
        "title": first["part_title"],
        "unit": first["unit"],
        "unit_name": UNIT_NAMES.get(first["unit"], first["unit"]),
        "chart": first["chart"],
        "monthly": monthly,  # periods are months ("2026-09"), not quarters
        "periods": shown,
        "period_names": [names[p] for p in shown],
        "rows": table_rows,
        "series_periods": [names[p] for p in periods],
        "series": series,
        "comparators": comparator_table(part_rows, labels, periods[-1] if periods else ""),
        "current_period": periods[-1] if periods else "",
    }
    part["alt"] = chart_alt(part)
    return part


def comparator_table(part_rows: list[dict], labels: list[str], current: str) -> dict | None:
    """Local % in the current period beside the comparators' % (latest year), or None."""
    comp = [r for r in part_rows if r["series"] in COMPARATOR_NAMES]
    if not comp:
        return None
    year = max(r["period"] for r in comp)
    by = {(r["series"], r["label"]): r for r in comp if r["period"] == year}
    local = {r["label"]: r for r in part_rows if r["series"] == "local" and r["period"] == current}
    series = [s for s in COMPARATOR_NAMES if any(k[0] == s for k in by)]
    out_rows = []
    for label in labels:
        lr = local.get(label) or {}
        out_rows.append(
            {
                "label": label,
                "local": {"value": lr.get("displayed_percent"), "mark": lr.get("mark", "")},
                "comparators": [
                    {"value": (by.get((s, label)) or {}).get("displayed_percent"), "mark": ""}
                    for s in series
                ],
            }
        )
    return {
        "year": year,
        "names": [COMPARATOR_NAMES[s] for s in series],
        "rows": out_rows,
    }


def chart_alt(part: dict) -> str:
    """A chart's text alternative: what it shows, the latest values and the trend."""
    if not part["series"] or not part["series_periods"]:
        return ""
    first, last = part["series_periods"][0], part["series_periods"][-1]
    bits = []
    for s in part["series"][:6]:
        vals = [v for v in s["values"] if v is not None]
        if not vals or s["values"][-1] is None:
            continue
        now = s["values"][-1]
        start = vals[0]
        trend = "up from" if now > start else "down from" if now < start else "the same as"
        bits.append(
            f"{s['label']}: {value_text(now, part['unit'])} in {last}, "
            f"{trend} {value_text(start, part['unit'])} in {first}"
        )
    if not bits:
        return f"{part['title']}: no values to show for {last}."
    if part["chart"] == "bar":
        latest = ", ".join(
            f"{s['label']} {value_text(s['values'][-1], part['unit'])}"
            for s in part["series"]
            if s["values"] and s["values"][-1] is not None
        )
        return f"Bar chart of {part['title'].lower()} at {last}: {latest}."
    return f"Line chart of {part['title'].lower()}, {first} to {last}. " + "; ".join(bits) + "."


def value_text(v: float | None, unit: str) -> str:
    """A displayed value in a sentence: `197`, `33.5%`, `33.5 per 10,000`, `459.5 days`."""
    if v is None:
        return "not available"
    if unit == "count":
        return f"{int(v):,}"
    suffix = {"percent": "%", "rate_per_10k": " per 10,000", "days": " days"}.get(unit, "")
    return f"{v:,.1f}{suffix}"


def reference_lines(part: dict, indicators: list[dict]) -> list[dict]:
    """Target and England comparator of a part showing one indicator, for its chart."""
    if len(part["series"]) != 1:
        return []
    r = next((r for r in indicators if r["indicator_id"] == part["series"][0]["category"]), None)
    if r is None:
        return []
    lines = []
    if r.get("target") is not None:
        lines.append(
            {"label": f"Target {number_text(r['target'], r['unit'])}", "value": r["target"]}
        )
    if "england" in r["comparators"]:
        v, year = r["comparators"]["england"]
        lines.append({"label": f"England average ({year})", "value": v})
    return lines


def rule_messages() -> dict[str, str]:
    """What each validation rule checks, in words (the rules' own `message` headers)."""
    from transforms.rules import sql_rules

    return {r.id: r.message[:1].upper() + r.message[1:] for r in sql_rules()}


def data_quality(
    con: duckdb.DuckDBPyConnection,
    period: Period,
    files: list[dict],
    extract_date,
    children_set_aside: int,
    profile: str = "panel",
    threshold: float = 5,
) -> dict:
    findings = rows(
        con,
        "SELECT file, rule, severity, count(*) AS n FROM dq_findings GROUP BY ALL ORDER BY ALL",
    )
    messages = rule_messages()
    for f in findings:
        f["message"] = messages.get(f["rule"]) or f["rule"].replace("_", " ").replace(".", ": ")
    reference_errors = rows(con, "SELECT file, rule, message FROM out_ref_errors ORDER BY ALL")
    reconciliation = rows(
        con,
        "SELECT * FROM out_annual_reconciliation WHERE period <= ? ORDER BY period, indicator_id",
        [period.label],
    )
    if profile == "public":  # a figure resting on 1 to 5 children is not shown at all
        counts = ("published_numerator", "published_denominator")
        counts += ("return_numerator", "return_denominator")
        reconciliation = [
            r
            for r in reconciliation
            if not any(r[k] is not None and 1 <= r[k] <= threshold for k in counts)
        ]
    return {
        "reconciliation": reconciliation,
        "files": files,
        "rules": findings,
        "reference_errors": reference_errors,
        "extract_date": extract_date.isoformat() if extract_date else "",
        "children_set_aside": children_set_aside,
    }


def thresholds(con: duckdb.DuckDBPyConnection) -> dict[str, float]:
    return dict(
        con.execute(
            "SELECT profile, max(threshold) FROM ref_suppression GROUP BY profile"
        ).fetchall()
    )


def build_context(
    con: duckdb.DuckDBPyConnection,
    period: Period,
    files: list[dict],
    extract_date,
    children_set_aside: int = 0,
    suppression_profile: str = "panel",
    revisions: list[dict] | None = None,
    generated_at: str = "",
    meeting_date: str = "",
) -> Context:
    """Everything the renderings show for one period, suppressed, with generated text."""
    from reports.commentary import commentary
    from reports.key_points import key_points

    threshold = thresholds(con).get("public", 5)
    indicators = indicator_rows(con, period, threshold, suppression_profile)
    years = sorted({y for r in indicators for _, y in r["comparators"].values()})
    tables = raw_tables(con, period)
    if suppression_profile == "public":
        for table_rows in tables.values():
            for r in table_rows:
                r.setdefault("suppressed", False)
                suppression.suppress_table_row(r, threshold)
    c = Context(
        period=period,
        indicators=indicators,
        definitions=definitions(con),
        tables=tables,
        sections=part_b_sections(con, period, threshold, suppression_profile),
        data_quality=data_quality(
            con, period, files, extract_date, children_set_aside, suppression_profile, threshold
        ),
        paper={**paper_fields(), "meeting_date": meeting_date or "To be confirmed"},
        comparator_year=years[-1] if years else "",
        revisions=revisions or [],
        suppression=suppression_profile,
        generated_at=generated_at,
    )
    for s in c.sections:
        for part in s["parts"]:
            part["reference_lines"] = reference_lines(part, indicators)
        s["commentary"] = commentary(s, c)
    c.key_points = key_points(c)
    return c
