"""Typed validation tables `vt_<table>` (in scratch): rows kept after duplicates and duplicate
keys."""

from __future__ import annotations

import duckdb

from schemas.tables import TABLES
from transforms import scratch

S = scratch.NAME


def create_typed_tables(con: duckdb.DuckDBPyConnection) -> None:
    """`vt_<table>` = `vn_<table>` without exact duplicates and duplicate-key rows
    (a view over `vn_<table>` when nothing was set aside)."""
    skipped = dict(
        con.execute(
            "SELECT t, count(*) FROM (SELECT table_name AS t FROM dq_excluded UNION ALL "
            "SELECT table_name FROM dq_findings WHERE rule = table_name || '.duplicate_key') "
            "GROUP BY t"
        ).fetchall()
    )
    statements = [
        f"CREATE OR REPLACE VIEW {S}.vt_{t} AS SELECT * FROM {S}.vn_{t}"
        if not skipped.get(t)
        else f"CREATE OR REPLACE TABLE {S}.vt_{t} AS SELECT * EXCLUDE (_h, _k) FROM {S}.vn_{t} r "
        f"ANTI JOIN (SELECT _file, _row FROM dq_excluded WHERE table_name = '{t}' "
        f"UNION ALL SELECT file, row FROM dq_findings WHERE table_name = '{t}' "
        f"AND rule = '{t}.duplicate_key') s ON s._file = r._file AND s._row = r._row"
        for t in TABLES
    ]
    scratch.run_statements(con, statements)


def create_ok_header(con: duckdb.DuckDBPyConnection) -> None:
    """`ok_header`: children whose header row has no row error (so are 'in header')."""
    con.execute(
        f"CREATE OR REPLACE TABLE {S}.ok_header AS SELECT DISTINCT CHILD FROM vt_header h "
        "ANTI JOIN (SELECT file, row FROM dq_findings WHERE table_name = 'header' "
        "AND severity = 'row') f ON f.file = h._file AND f.row = h._row "
        "WHERE h.CHILD IS NOT NULL"
    )


def drop_typed_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Drop what only the rules read; `vn_<table>` stays (staging reads it)."""
    for t in TABLES:
        kind = con.execute(
            "SELECT table_type FROM information_schema.tables "
            "WHERE table_catalog = ? AND table_name = ?",
            [S, f"vt_{t}"],
        ).fetchone()
        if kind:
            con.execute(f"DROP {'VIEW' if kind[0] == 'VIEW' else 'TABLE'} {S}.vt_{t}")
    con.execute(f"DROP TABLE IF EXISTS {S}.ok_header")
