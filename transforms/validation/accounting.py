"""Per-file row accounting and the quarantine threshold."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from schemas.tables import TABLES


@dataclass
class FileAccount:
    name: str
    table: str
    sha256: str
    rows_read: int
    rows_loaded: int = 0
    rows_quarantined: int = 0
    duplicates_dropped: int = 0


def account(con: duckdb.DuckDBPyConnection, loaded: list) -> list[FileAccount]:
    """rows_read = rows_loaded + rows_quarantined + duplicates_dropped, per file."""
    excluded = {
        (t, f, reason): n
        for t, f, reason, n in con.execute(
            "SELECT table_name, _file, reason, count(*) FROM dq_excluded GROUP BY ALL"
        ).fetchall()
    }
    files = []
    for f in loaded:
        q = excluded.get((f.table, f.name, "quarantined"), 0)
        d = excluded.get((f.table, f.name, "duplicate"), 0)
        files.append(FileAccount(f.name, f.table, f.sha256, f.rows_read, f.rows_read - q - d, q, d))
    return files


def over_threshold(files: list[FileAccount], threshold: float) -> list[dict]:
    """Blocking entries for required tables with more than `threshold` of rows quarantined."""
    blocking = []
    for table in (t for t in TABLES.values() if t.required):
        mine = [f for f in files if f.table == table.name]
        rows = sum(f.rows_read - f.duplicates_dropped for f in mine)
        quarantined = sum(f.rows_quarantined for f in mine)
        if rows and quarantined / rows > threshold:
            names = ", ".join(f.name for f in mine)
            blocking.append(
                {
                    "file": names,
                    "rule": f"{table.name}.quarantine_threshold",
                    "message": f"{quarantined} of {rows} {table.name} rows quarantined "
                    f"({quarantined / rows:.1%}), more than the {threshold:.0%} allowed",
                }
            )
    return blocking
