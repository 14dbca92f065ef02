"""Restricted action lists (child-level): who needs attention. Never published."""

from __future__ import annotations

from pathlib import Path

import duckdb
from openpyxl import Workbook

from reports.xlsx import write_sheet

# (sheet title, SQL over the warehouse). A list whose source model is missing is skipped.
ACTION_LISTS: list[tuple[str, str]] = [
    (
        "Set aside by validation",
        "SELECT DISTINCT child, table_name, rule FROM dq_findings "
        "WHERE severity = 'row' AND child IS NOT NULL ORDER BY ALL",
    ),
]


def render_action_lists(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    for title, sql in ACTION_LISTS:
        try:
            cur = con.execute(sql)
        except duckdb.CatalogException:
            continue
        cols = [d[0] for d in cur.description]
        write_sheet(wb, title, cols, [list(r) for r in cur.fetchall()])
    wb.save(path)
