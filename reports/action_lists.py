"""Restricted action lists (child-level): who needs attention. Never published."""

from __future__ import annotations

from pathlib import Path

import duckdb
from openpyxl import Workbook

from reports.xlsx import write_sheet

# (sheet title, SQL over the warehouse with the period label as its one parameter).
# A list whose source model was not built is skipped.
ACTION_LISTS: list[tuple[str, str]] = [
    (
        "Two placements this year",
        "SELECT la.child, la.placement_start AS current_placement_start, la.place, "
        "p.placements_ytd FROM int_looked_after_on_quarter_end la "
        "JOIN int_placements_in_ytd p USING (period, child) "
        "WHERE la.period = $1 AND p.placements_ytd = 2 ORDER BY la.child",
    ),
    (
        "Health assessment overdue",
        "SELECT la.child, la.period_start, max(h.completed_date) AS last_assessment, "
        "bool_or(h.consent_refused = 'Y') AS consent_ever_refused "
        "FROM int_looked_after_on_quarter_end la "
        "JOIN int_quarter_windows w USING (period) "
        "LEFT JOIN stg_health_assessments h ON h.child = la.child "
        "AND h.completed_date <= w.quarter_end "
        "WHERE la.period = $1 AND la.is_cla_1yr_plus GROUP BY ALL "
        "HAVING coalesce(max(h.completed_date), DATE '1900-01-01') "
        "<= any_value(w.rolling_year_after) "
        "ORDER BY la.child",
    ),
    (
        "Set aside by validation",
        "SELECT DISTINCT child, table_name, rule FROM dq_findings "
        "WHERE severity = 'row' AND child IS NOT NULL AND $1 IS NOT NULL ORDER BY ALL",
    ),
]


def render_action_lists(con: duckdb.DuckDBPyConnection, period: str, path: Path) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    for title, sql in ACTION_LISTS:
        try:
            cur = con.execute(sql, [period])
        except duckdb.CatalogException:
            continue
        cols = [d[0] for d in cur.description]
        write_sheet(wb, title, cols, [list(r) for r in cur.fetchall()])
    wb.save(path)
