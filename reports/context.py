"""The report context: plain data built once per period, which every rendering reads.

No renderer computes anything; everything a reader sees (Part A rows, Part B tables, data
quality, revisions, definitions) is assembled here from the built warehouse.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import duckdb

from core.periods import Period
from reports.sections import not_supplied
from transforms.build import indicator_models, table_models

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


def display_round(value: float | None) -> float | None:
    """One decimal place, half away from zero (as the report shows values)."""
    if value is None:
        return None
    return float(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def table_file_name(model_name: str) -> str:
    """`tbl_b01_numbers_over_time` -> `B01_numbers_over_time`."""
    stem = model_name.removeprefix("tbl_")
    code, _, rest = stem.partition("_")
    return f"{code.upper()}_{rest}"


@dataclass
class Context:
    period: Period
    indicators: list[dict[str, Any]]  # Part A rows + counts, in catalogue order
    definitions: list[dict[str, str]]
    tables: dict[str, list[dict[str, Any]]]  # file stem -> rows (long format)
    table_titles: dict[str, str]
    not_supplied: dict[str, str]  # Part B code -> why the section has no table
    data_quality: dict[str, Any]
    revisions: list[dict[str, Any]] = field(default_factory=list)
    key_points: list[str] = field(default_factory=list)
    commentary: dict[str, str] = field(default_factory=dict)  # Part B code -> paragraph
    suppression: str = "panel"
    generated_at: str = ""


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(
        con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
        ).fetchone()[0]
    )


def definitions() -> list[dict[str, str]]:
    """Each indicator's header block, in catalogue order (Part A ref, then counts)."""
    out = []
    for m in indicator_models():
        h = dict(m.header)
        h.setdefault("indicator_id", m.name.removeprefix("ind_"))
        out.append(h)
    return sorted(out, key=_catalogue_order)


def _catalogue_order(h: dict) -> tuple:
    ref = h.get("ref") or ""
    return (0, int(ref), "") if ref.isdigit() else (1, 0, h["indicator_id"])


def indicator_rows(con: duckdb.DuckDBPyConnection, period: Period) -> list[dict[str, Any]]:
    """Part A rows for one period with target and RAG (from out_indicators when built)."""
    source = "out_indicators" if _has_table(con, "out_indicators") else "indicator_values"
    cols = {
        r["column_name"]
        for r in _rows(
            con, "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [source]
        )
    }
    target = "target" if "target" in cols else "NULL::DOUBLE AS target"
    rag = "rag" if "rag" in cols else "NULL::VARCHAR AS rag"
    rows = _rows(
        con,
        f"SELECT indicator_id, period, period_end, value, numerator, denominator, unit, "
        f"{target}, {rag} FROM {source} WHERE period = ?",
        [period.label],
    )
    defs = {d["indicator_id"]: d for d in definitions()}
    for r in rows:
        r["suppressed"] = False
        d = defs.get(r["indicator_id"], {})
        r["ref"], r["title"], r["polarity"] = (
            d.get("ref", ""),
            d.get("title", ""),
            d.get("polarity", ""),
        )
    return sorted(
        rows,
        key=lambda r: _catalogue_order(
            {**defs.get(r["indicator_id"], {}), "indicator_id": r["indicator_id"]}
        ),
    )


def previous_years(period: Period) -> list[Period]:
    """Q4 of the three financial years before the period's own (oldest first)."""
    return [Period(period.fy - k, 4) for k in (3, 2, 1)]


def history(con: duckdb.DuckDBPyConnection, period: Period) -> dict[str, dict[str, Any]]:
    """Per indicator: value at each quarter of the built series up to the period."""
    out: dict[str, dict[str, Any]] = {}
    for r in _rows(
        con,
        "SELECT indicator_id, period, value FROM indicator_values WHERE period <= ? "
        "ORDER BY indicator_id, period",
        [period.label],
    ):
        out.setdefault(r["indicator_id"], {})[r["period"]] = r["value"]
    return out


def comparators(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, Any]]:
    """Latest year in comparators.csv per indicator and comparator."""
    out: dict[str, dict[str, Any]] = {}
    for r in _rows(
        con,
        "SELECT indicator_id, comparator, year, value FROM ref_comparators "
        "QUALIFY row_number() OVER (PARTITION BY indicator_id, comparator ORDER BY year DESC) = 1",
    ):
        out.setdefault(r["indicator_id"], {})[r["comparator"]] = (r["value"], r["year"])
    return out


def part_b_tables(con: duckdb.DuckDBPyConnection, period: Period) -> tuple[dict, dict]:
    tables, titles = {}, {}
    for m in table_models():
        if not _has_table(con, m.name):
            continue
        rows = _rows(
            con,
            f"SELECT * EXCLUDE (report_period) FROM {m.name} WHERE report_period = ? ORDER BY ALL",
            [period.label],
        )
        name = table_file_name(m.name)
        tables[name] = rows
        titles[name] = m.header.get("title", "")
    return tables, titles


def data_quality(
    con: duckdb.DuckDBPyConnection, files: list[dict], extract_date, children_set_aside: int
) -> dict:
    rules = _rows(
        con,
        "SELECT file, rule, severity, count(*) AS n FROM dq_findings GROUP BY ALL ORDER BY ALL",
    )
    reference_errors = (
        _rows(con, "SELECT file, rule, message FROM out_ref_errors ORDER BY ALL")
        if _has_table(con, "out_ref_errors")
        else []
    )
    return {
        "files": files,
        "rules": rules,
        "reference_errors": reference_errors,
        "extract_date": extract_date.isoformat() if extract_date else "",
        "children_set_aside": children_set_aside,
    }


def target_profiles(con: duckdb.DuckDBPyConnection, period: Period) -> dict[str, str]:
    """This year's target per indicator as shown: `95` or `Q1 2.5, Q2 5, Q3 7.5, Q4 10`."""
    out: dict[str, str] = {}
    rows = _rows(
        con,
        "SELECT indicator_id, quarter, target FROM ref_targets WHERE year = ? "
        "ORDER BY indicator_id, quarter NULLS FIRST",
        [period.fy_label],
    )
    by_id: dict[str, list[dict]] = {}
    for r in rows:
        by_id.setdefault(r["indicator_id"], []).append(r)
    for ind, rs in by_id.items():
        quarterly = [r for r in rs if r["quarter"] is not None]
        if quarterly:
            out[ind] = ", ".join(f"Q{r['quarter']} {_num(r['target'])}" for r in quarterly)
        else:
            out[ind] = _num(rs[0]["target"])
    return out


def _num(x: float | None) -> str:
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def direction(now: float | None, before: float | None, polarity: str) -> str:
    """Direction of travel since the previous quarter, in words."""
    a, b = display_round(now), display_round(before)
    if a is None or b is None:
        return ""
    if a == b:
        return "no change"
    word = "up" if a > b else "down"
    if polarity in ("high", "low"):
        better = (a > b) == (polarity == "high")
        return f"{word} (better)" if better else f"{word} (worse)"
    return word


def build_context(
    con: duckdb.DuckDBPyConnection,
    period: Period,
    files: list[dict],
    extract_date,
    children_set_aside: int = 0,
    suppression: str = "panel",
    revisions: list[dict] | None = None,
    generated_at: str = "",
) -> Context:
    """Everything the renderings show for one period."""
    rows = indicator_rows(con, period)
    hist = history(con, period)
    comps = comparators(con)
    targets = target_profiles(con, period)
    prev = period.shift(-1).label
    for r in rows:
        ind = r["indicator_id"]
        h = hist.get(ind, {})
        r["previous_years"] = [
            {"label": p.fy_label, "value": h.get(p.label)} for p in previous_years(period)
        ]
        r["previous_quarter"] = h.get(prev)
        r["direction"] = direction(r["value"], h.get(prev), r["polarity"])
        r["series"] = [
            (p.label, h.get(p.label)) for p in (period.shift(-k) for k in range(8, -1, -1))
        ]
        r["target_text"] = targets.get(ind, "")
        r["comparators"] = comps.get(ind, {})
        r["display"] = display_round(r["value"])
    tables, titles = part_b_tables(con, period)
    return Context(
        period=period,
        indicators=rows,
        definitions=definitions(),
        tables=tables,
        table_titles=titles,
        not_supplied=not_supplied(),
        data_quality=data_quality(con, files, extract_date, children_set_aside),
        revisions=revisions or [],
        suppression=suppression,
        generated_at=generated_at,
    )
