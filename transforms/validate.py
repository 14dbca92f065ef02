"""Validate the raw tables: findings, quarantine, row accounting, extract coverage.

Writes two tables that staging relies on:
- `dq_findings(table_name, file, row, column, rule, value, child, severity)`: every problem,
  severity `blocking`, `row` or `warning`;
- `dq_excluded(table_name, _file, _row, reason)`: rows left out of staging, reason
  `quarantined` or `duplicate`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import duckdb

from schemas.tables import EVENT_DATES, TABLES
from transforms.discover import Discovery
from transforms.load import LoadedFile

FINDING_COLUMNS = "table_name, file, row, column, rule, value, child, severity"


@dataclass
class FileAccount:
    name: str
    table: str
    sha256: str
    rows_read: int
    rows_loaded: int = 0
    rows_quarantined: int = 0
    duplicates_dropped: int = 0


@dataclass
class ValidationResult:
    files: list[FileAccount]
    blocking: list[dict] = field(default_factory=list)
    extract_date: date | None = None
    counts: dict[tuple[str, str, str], int] = field(default_factory=dict)  # (file, rule, sev)


def _create_tables(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "CREATE OR REPLACE TABLE dq_findings (table_name VARCHAR, file VARCHAR, row BIGINT, "
        '"column" VARCHAR, rule VARCHAR, value VARCHAR, child VARCHAR, severity VARCHAR)'
    )
    con.execute(
        "CREATE OR REPLACE TABLE dq_excluded (table_name VARCHAR, _file VARCHAR, _row BIGINT, "
        "reason VARCHAR)"
    )


def _row_checks(con: duckdb.DuckDBPyConnection) -> None:
    """Blank required values and unparseable dates: row errors."""
    for t in TABLES.values():
        for col in t.not_blank:
            con.execute(
                f"INSERT INTO dq_findings SELECT '{t.name}', _file, _row, '{col}', "
                f"'{t.name}.blank_required', \"{col}\", CHILD, 'row' "
                f'FROM raw_{t.name} WHERE "{col}" IS NULL'
            )
        for col in t.dates:
            con.execute(
                f"INSERT INTO dq_findings SELECT '{t.name}', _file, _row, '{col}', "
                f"'{t.name}.invalid_date', \"{col}\", CHILD, 'row' "
                f'FROM raw_{t.name} WHERE "{col}" IS NOT NULL AND parse_date("{col}") IS NULL'
            )


def _duplicates(con: duckdb.DuckDBPyConnection) -> None:
    """Rows identical on the contract columns: the first is kept, the rest dropped."""
    for t in TABLES.values():
        cols = ", ".join(f'"{c}"' for c in t.columns)
        con.execute(
            f"INSERT INTO dq_excluded SELECT '{t.name}', _file, _row, 'duplicate' FROM ("
            f"SELECT _file, _row, row_number() OVER (PARTITION BY {cols} "
            f"ORDER BY _file, _row) AS n FROM raw_{t.name}) WHERE n > 1"
        )


def _quarantine(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "INSERT INTO dq_excluded SELECT DISTINCT f.table_name, f.file, f.row, 'quarantined' "
        "FROM dq_findings f WHERE f.severity = 'row' AND NOT EXISTS (SELECT 1 FROM dq_excluded x "
        "WHERE x.table_name = f.table_name AND x._file = f.file AND x._row = f.row)"
    )


def _extract_date(con: duckdb.DuckDBPyConnection) -> date | None:
    parts = []
    for table, cols in EVENT_DATES.items():
        for col in cols:
            parts.append(
                f'SELECT max(parse_date("{col}")) AS d FROM raw_{table} r WHERE NOT EXISTS ('
                f"SELECT 1 FROM dq_excluded x WHERE x.table_name = '{table}' "
                "AND x._file = r._file AND x._row = r._row)"
            )
    return con.execute(f"SELECT max(d) FROM ({' UNION ALL '.join(parts)})").fetchone()[0]


def validate(
    con: duckdb.DuckDBPyConnection,
    found: Discovery,
    loaded: list[LoadedFile],
    extract_date: date | None = None,
) -> ValidationResult:
    _create_tables(con)
    _row_checks(con)
    _duplicates(con)
    _quarantine(con)
    files = []
    for f in loaded:
        excluded = dict(
            con.execute(
                "SELECT reason, count(*) FROM dq_excluded WHERE table_name = ? AND _file = ? "
                "GROUP BY reason",
                [f.table, f.name],
            ).fetchall()
        )
        q, d = excluded.get("quarantined", 0), excluded.get("duplicate", 0)
        files.append(FileAccount(f.name, f.table, f.sha256, f.rows_read, f.rows_read - q - d, q, d))
    counts = {
        (file, rule, sev): n
        for file, rule, sev, n in con.execute(
            "SELECT file, rule, severity, count(*) FROM dq_findings GROUP BY ALL ORDER BY ALL"
        ).fetchall()
    }
    return ValidationResult(
        files=files,
        blocking=list(found.blocking),
        extract_date=extract_date or _extract_date(con),
        counts=counts,
    )
