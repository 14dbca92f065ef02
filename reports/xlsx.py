"""XLSX rendering: Indicators (Part A as in the report), one wide sheet per Part B section
(labels down, periods across), Definitions, Data quality. Displayed values, with number
formats that show what the paper shows: counts whole, everything else one decimal place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from reports.context import Context
from transforms.build import CATALOGUE_KEYS

HEADER_FILL = PatternFill("solid", fgColor="F3F2F1")
RAG_FILLS = {
    "green": PatternFill("solid", fgColor="CCE2D8"),
    "amber": PatternFill("solid", fgColor="FFF7BF"),
    "red": PatternFill("solid", fgColor="F6D7D2"),
}
FORMULA_START = ("=", "+", "-", "@")
COUNT_FORMAT, DECIMAL_FORMAT = "#,##0", "0.0"


def number_format(unit: str) -> str:
    return COUNT_FORMAT if unit == "count" else DECIMAL_FORMAT


def put(ws, row: int, col: int, value: Any, fmt: str | None = None, mark: str = "") -> Any:
    """One cell: `x` for suppressed, numbers with a format (`*` kept in the format), text
    that looks like a formula stored as text."""
    cell = ws.cell(row=row, column=col)
    if mark == "x":
        cell.value = "x"
        cell.alignment = Alignment(horizontal="right")
        return cell
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell.value = value
        cell.data_type = "s"  # text, never a formula
        cell.quotePrefix = True
        return cell
    cell.value = value
    if fmt and isinstance(value, int | float) and not isinstance(value, bool):
        cell.number_format = fmt + ('"*"' if mark == "*" else "")
    return cell


def header_row(ws, row: int, names: list[str]) -> None:
    for j, h in enumerate(names, start=1):
        c = ws.cell(row=row, column=j, value=h)
        c.font, c.fill = Font(bold=True), HEADER_FILL
        c.alignment = Alignment(wrap_text=True, vertical="top")


def widths(ws, first: int = 50, rest: int = 12) -> None:
    for j in range(1, ws.max_column + 1):
        ws.column_dimensions[get_column_letter(j)].width = first if j == 1 else rest


def indicators_sheet(wb: Workbook, c: Context) -> None:
    ws = wb.create_sheet("Indicators")
    years = [p["label"] for p in c.indicators[0]["previous_years"]] if c.indicators else []
    y = c.comparator_year
    header = [
        "Indicator",
        "Ref",
        f"Statistical neighbour average {y}",
        f"England average {y}",
        *years,
        f"Target {c.period.fy_label}",
        f"Actual {c.period_name}",
        "RAG",
        "Since last quarter",
        "Note",
        "Comparator year",
    ]
    header_row(ws, 1, header)
    for i, r in enumerate(c.indicators, start=2):
        fmt = number_format(r["unit"])
        comps = r.get("comparators", {})
        put(ws, i, 1, r["title"])
        put(ws, i, 2, int(r["ref"]) if str(r["ref"]).isdigit() else None)
        put(ws, i, 3, comps.get("statistical_neighbours", (None,))[0], fmt)
        put(ws, i, 4, comps.get("england", (None,))[0], fmt)
        for k, p in enumerate(r["previous_years"]):
            put(ws, i, 5 + k, p["value"], fmt)
        col = 5 + len(years)
        put(ws, i, col, r["target_text"] or None)
        put(ws, i, col + 1, r["display"], fmt, r.get("mark", ""))
        rag = put(ws, i, col + 2, (r["rag"] or "").capitalize() or None)
        if r["rag"] in RAG_FILLS:
            rag.fill, rag.font = RAG_FILLS[r["rag"]], Font(bold=True)
        put(ws, i, col + 3, r["direction"] or None)
        put(ws, i, col + 4, r["note"] or None)
        put(ws, i, col + 5, y if comps else None)
    ws.freeze_panes = "B2"
    widths(ws, 60, 14)


def sheet_title(text: str, most: int = 31) -> str:
    """Excel's 31-character sheet name, cut at a word: `B1 Numbers of children looked`."""
    text = text.replace(";", ",")
    if len(text) <= most:
        return text
    cut = text[: most + 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,–-")


def section_sheet(wb: Workbook, s: dict[str, Any]) -> None:
    """One Part B section: each part as a block, labels down and every period across."""
    ws = wb.create_sheet(sheet_title(f"{s['number']} {s['title']}"))
    ws.cell(row=1, column=1, value=f"{s['number']}) {s['title']}").font = Font(bold=True, size=12)
    row = 3
    for part in s["parts"]:
        ws.cell(row=row, column=1, value=part["title"]).font = Font(bold=True)
        row += 1
        header_row(ws, row, [part["unit_name"].capitalize(), *part["series_periods"]])
        row += 1
        fmt = number_format(part["unit"])
        for series in part["series"]:
            put(ws, row, 1, series["label"])
            for j, (v, mark) in enumerate(zip(series["values"], series["marks"], strict=True)):
                put(ws, row, 2 + j, v, fmt, mark)
            row += 1
        comp = part["comparators"]
        if comp:
            row += 1
            header_row(
                ws,
                row,
                ["Share (%)", f"Local {part['series_periods'][-1]}"]
                + [f"{n} {comp['year']}" for n in comp["names"]],
            )
            row += 1
            for r in comp["rows"]:
                put(ws, row, 1, r["label"])
                put(ws, row, 2, r["local"]["value"], DECIMAL_FORMAT, r["local"]["mark"])
                for j, x in enumerate(r["comparators"]):
                    put(ws, row, 3 + j, x["value"], DECIMAL_FORMAT)
                row += 1
        row += 1
    ws.freeze_panes = "B3"
    widths(ws, 55, 11)


def render_xlsx(c: Context, path: Path) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    indicators_sheet(wb, c)
    for s in c.sections:
        if s["parts"]:
            section_sheet(wb, s)
    ws = wb.create_sheet("Definitions")
    keys = list(CATALOGUE_KEYS)
    header_row(ws, 1, keys)
    for i, d in enumerate(c.definitions, start=2):
        for j, k in enumerate(keys, start=1):
            put(ws, i, j, d.get(k) or None)
    ws.freeze_panes = "A2"
    widths(ws, 30, 30)
    ws = wb.create_sheet("Data quality")
    cols = ["name", "table", "rows_read", "rows_loaded", "rows_quarantined", "duplicates_dropped"]
    header_row(ws, 1, ["File", "Table", "Rows read", "Loaded", "Quarantined", "Duplicates dropped"])
    for i, f in enumerate(c.data_quality["files"], start=2):
        for j, k in enumerate(cols, start=1):
            put(ws, i, j, f[k], COUNT_FORMAT)
    row = len(c.data_quality["files"]) + 3
    header_row(ws, row, ["File", "Rule", "Severity", "Rows"])
    for r in c.data_quality["rules"]:
        row += 1
        for j, v in enumerate((r["file"], r["rule"], r["severity"], r["n"]), start=1):
            put(ws, row, j, v, COUNT_FORMAT)
    ws.freeze_panes = "A2"
    widths(ws, 30, 14)
    wb.save(path)


def write_sheet(wb: Workbook, title: str, header: list[str], rows: list[list[Any]]) -> None:
    """A plain list sheet (header row, then rows): the restricted action lists."""
    ws = wb.create_sheet(title[:31])
    header_row(ws, 1, header)
    for i, r in enumerate(rows, start=2):
        for j, v in enumerate(r, start=1):
            put(ws, i, j, v, DECIMAL_FORMAT if isinstance(v, float) else None)
    ws.freeze_panes = "A2"
    widths(ws, 20, 16)
