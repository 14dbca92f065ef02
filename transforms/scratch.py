"""The run's DuckDB connection: the warehouse file plus an in-memory `scratch` database.

`scratch` holds what a run needs but the warehouse file does not keep: the raw tables (a copy
of the input files, which the manifest fingerprints) and the working layers (staging,
intermediate). Names resolve in `main` first, then `scratch`, so SQL says `raw_episodes` or
`stg_episodes` wherever the table lives. Writing these compressed into the file cost more
than reading or computing them (100,000 children: the raw tables 2.4 s of a 4.8 s load).

Unlike TEMP tables, `scratch` is shared by every cursor of the connection, so independent
queries can run on two cursors at once.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

NAME = "scratch"
# DuckDB's own ceiling (it spills past it): with the polars frames of the column checks this
# keeps a 1,000,000-child run under 8 GB (DuckDB's default is 80% of the machine's memory).
MEMORY_LIMIT = "4GB"


def connect(db_path: Path | str = ":memory:") -> duckdb.DuckDBPyConnection:
    """The warehouse at `db_path` with `scratch` attached; UTC; DuckDB memory capped."""
    con = duckdb.connect(str(db_path))
    con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    con.execute(f"ATTACH ':memory:' AS {NAME}")
    configure(con)
    return con


def configure(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A connection's or cursor's settings: UTC, names looked up in main then scratch."""
    con.execute("SET TimeZone = 'UTC'")
    con.execute(f"SET search_path = 'main,{NAME}'")
    return con


def cursor(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """Another cursor of the run's connection, configured the same way."""
    return configure(con.cursor())
