"""The dq_findings / dq_excluded tables and how findings are added to them."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb

FINDINGS_DDL = (
    "CREATE OR REPLACE TABLE dq_findings (table_name VARCHAR, file VARCHAR, row BIGINT, "
    '"column" VARCHAR, rule VARCHAR, value VARCHAR, child VARCHAR, severity VARCHAR)'
)
EXCLUDED_DDL = (
    "CREATE OR REPLACE TABLE dq_excluded (table_name VARCHAR, _file VARCHAR, _row BIGINT, "
    "reason VARCHAR)"
)
FINDING_COLUMNS = ("table_name", "file", "row", "column", "rule", "value", "child", "severity")


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(FINDINGS_DDL)
    con.execute(EXCLUDED_DDL)


def add_file_level(con: duckdb.DuckDBPyConnection, items: list[dict], severity: str) -> None:
    """File-level problems ({file, rule, message}) as findings with no row."""
    for item in items:
        table = item.get("table") or item["rule"].split(".")[0]
        con.execute(
            "INSERT INTO dq_findings VALUES (?, ?, NULL, NULL, ?, ?, NULL, ?)",
            [table, item["file"], item["rule"], item["message"], severity],
        )


def query_sql(rule: str, severity: str, sql: str) -> str:
    """The statement appending the rows a rule query flags (table_name, file, row, column,
    value, child) to dq_findings."""
    return (
        'INSERT INTO dq_findings SELECT DISTINCT table_name, file, row, "column", '
        f"'{rule}', CAST(value AS VARCHAR), child, '{severity}' FROM ({sql}) q"
    )


def quarantine(con: duckdb.DuckDBPyConnection) -> None:
    """Every row with a row-severity finding goes to dq_excluded (unless a duplicate)."""
    con.execute(
        "INSERT INTO dq_excluded SELECT DISTINCT f.table_name, f.file, f.row, 'quarantined' "
        "FROM dq_findings f WHERE f.severity = 'row' AND f.row IS NOT NULL AND NOT EXISTS ("
        "SELECT 1 FROM dq_excluded x WHERE x.table_name = f.table_name AND x._file = f.file "
        "AND x._row = f.row)"
    )


REPORT_COLUMNS = ("file", "row", "column", "rule", "value", "child", "severity")


def report_rows(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Every finding in report order: blocking, row errors, warnings; then file and row."""
    return con.execute(
        'SELECT file, row, "column", rule, value, child, severity FROM dq_findings '
        "ORDER BY CASE severity WHEN 'blocking' THEN 0 WHEN 'row' THEN 1 ELSE 2 END, "
        'file, row NULLS FIRST, rule, "column", value, child'
    ).fetchall()


def write_findings_csv(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """The findings CSV (`cla validate --report` and the restricted validation_errors.csv):
    REPORT_COLUMNS, blanks as empty fields. Returns the number of findings written."""
    rows = report_rows(con)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(REPORT_COLUMNS)
        writer.writerows(["" if v is None else v for v in r] for r in rows)
    return len(rows)
