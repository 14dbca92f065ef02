"""XLSX rendering: Indicators, one sheet per Part B table, Definitions, Data quality."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from reports.context import Context
from transforms.build import CATALOGUE_KEYS

HEADER_FILL = PatternFill("solid", fgColor="F3F2F1")
FORMULA_START = ("=", "+", "-", "@")
UNIT_FORMATS = {
    "percent": "0.0",
    "rate_per_10k": "0.0",
    "score": "0.0",
    "days": "0.0",
    "count": "#,##0",
}


def _write_cell(ws, row: int, col: int, value: Any, number_format: str | None = None) -> None:
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell.value = value
        cell.data_type = "s"  # text, never a formula
        cell.quotePrefix = True
        return
    cell.value = value
    if number_format and isinstance(value, int | float) and not isinstance(value, bool):
        cell.number_format = number_format


def write_sheet(
    wb: Workbook,
    title: str,
    header: list[str],
    rows: list[list[Any]],
    formats: list[str | None] | None = None,
) -> None:
    ws = wb.create_sheet(title[:31])
    for j, h in enumerate(header, start=1):
        c = ws.cell(row=1, column=j, value=h)
        c.font, c.fill = Font(bold=True), HEADER_FILL
        c.alignment = Alignment(wrap_text=True, vertical="top")
    for i, r in enumerate(rows, start=2):
        for j, v in enumerate(r, start=1):
            fmt = formats[j - 1] if formats and j - 1 < len(formats) else None
            if fmt is None and isinstance(v, float):
                fmt = "0.0"
            _write_cell(ws, i, j, v, fmt)
    ws.freeze_panes = "A2"
    for j, h in enumerate(header, start=1):
        width = max([len(str(h))] + [len(str(r[j - 1])) for r in rows if j - 1 < len(r)])
        ws.column_dimensions[get_column_letter(j)].width = min(max(width + 2, 8), 60)


def render_xlsx(c: Context, path: Path) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    header = [
        "Ref",
        "Indicator",
        "Indicator ID",
        "Unit",
        "Period",
        "Value",
        "Numerator",
        "Denominator",
        "Target",
        "RAG",
        "Statistical neighbours",
        "England",
    ]
    rows, formats = [], []
    for r in c.indicators:
        unit_fmt = UNIT_FORMATS.get(r["unit"], "0.0")
        shown = "x" if r.get("mark") == "x" else r["value"]
        comps = r.get("comparators", {})
        rows.append(
            [
                int(r["ref"]) if str(r["ref"]).isdigit() else None,
                r["title"],
                r["indicator_id"],
                r["unit"],
                r["period"],
                shown,
                r["numerator"],
                r["denominator"],
                r["target"],
                r["rag"] or "",
                comps.get("statistical_neighbours", (None,))[0],
                comps.get("england", (None,))[0],
            ]
        )
        formats = [
            None,
            None,
            None,
            None,
            None,
            unit_fmt,
            "#,##0",
            "#,##0",
            "0.0",
            None,
            "0.0",
            "0.0",
        ]
    write_sheet(wb, "Indicators", header, rows, formats)
    for name, table_rows in c.tables.items():
        cols = list(table_rows[0]) if table_rows else ["period", "category", "value"]
        write_sheet(
            wb,
            name,
            cols,
            [
                [
                    (
                        "x"
                        if r.get("suppressed")
                        and r.get(k) is None
                        and k in ("value", "numerator", "denominator", "percent")
                        else r.get(k)
                    )
                    for k in cols
                ]
                for r in table_rows
            ],
        )
    keys = list(CATALOGUE_KEYS)
    write_sheet(wb, "Definitions", keys, [[d.get(k, "") for k in keys] for d in c.definitions])
    dq = c.data_quality
    file_cols = [
        "name",
        "table",
        "rows_read",
        "rows_loaded",
        "rows_quarantined",
        "duplicates_dropped",
    ]
    dq_rows = [[f[k] for k in file_cols] + ["", "", ""] for f in dq["files"]]
    dq_rows += [["", "", "", "", "", "", r["file"], r["rule"], r["n"]] for r in dq["rules"]]
    write_sheet(wb, "Data quality", [*file_cols, "finding file", "rule", "rows"], dq_rows)
    wb.save(path)
