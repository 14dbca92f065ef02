"""Column checks: every table's pandera schema over its raw rows (lazy, vectorised)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import duckdb
import pandera.polars as pa
import polars as pl

from schemas.base import PANDERA_RULES
from schemas.checks import with_dates, year_column
from schemas.registry import SCHEMAS
from schemas.tables import TABLES
from transforms import scratch
from transforms.validation.findings import FINDING_COLUMNS, add_frame


def raw_frame(con: duckdb.DuckDBPyConnection, table: str) -> pl.DataFrame:
    """Raw rows not dropped as exact duplicates."""
    dropped = con.execute("SELECT count(*) FROM dq_excluded WHERE table_name = ?", [table])
    if not dropped.fetchone()[0]:
        return con.execute(f"SELECT * FROM raw_{table}").pl()
    return con.execute(
        f"SELECT * FROM raw_{table} r ANTI JOIN (SELECT _file, _row FROM dq_excluded "
        f"WHERE table_name = '{table}') x ON x._file = r._file AND x._row = r._row"
    ).pl()


def failures_to_findings(table: str, frame: pl.DataFrame, failures: pl.DataFrame) -> pl.DataFrame:
    """pandera failure cases (by frame index) -> findings with file, row and child."""
    cases = failures.filter(pl.col("index").is_not_null()).select(
        pl.col("index").cast(pl.UInt32),
        pl.col("column"),
        pl.col("check").replace(PANDERA_RULES).alias("check"),
        pl.col("failure_case").cast(pl.String).alias("value"),
    )
    rows = frame.select("_file", "_row", "CHILD").with_row_index("index")
    joined = cases.join(rows, on="index", how="left")
    return (
        joined.select(
            pl.lit(table).alias("table_name"),
            pl.col("_file").alias("file"),
            pl.col("_row").alias("row"),
            pl.col("column"),
            (pl.lit(f"{table}.") + pl.col("check")).alias("rule"),
            pl.col("value"),
            pl.col("CHILD").alias("child"),
            pl.lit("row").alias("severity"),
        )
        .unique(subset=["file", "row", "column", "rule"], maintain_order=True)
        .select(FINDING_COLUMNS)
    )


def check_table(con: duckdb.DuckDBPyConnection, table: str) -> pl.DataFrame:
    """Validate one table's rows with its schema; the findings (empty if all pass)."""
    frame = raw_frame(con, table)
    if frame.height == 0:
        return pl.DataFrame()
    years = {c.year_from for c in TABLES[table].codes.values() if c.year_from}
    derived = years & set(TABLES[table].derived)  # a collection year itself, not a date
    dates = set(TABLES[table].dates) | (years - derived)
    frame = with_dates(frame, dates, years - derived).with_columns(
        pl.col(c).cast(pl.Int32, strict=False).alias(year_column(c)) for c in derived
    )
    try:
        SCHEMAS[table].validate(frame, lazy=True)
    except pa.errors.SchemaErrors as e:
        return failures_to_findings(table, frame, e.failure_cases)
    return pl.DataFrame()


def run_column_checks(con: duckdb.DuckDBPyConnection, workers: int = 4) -> None:
    """Every table's column findings into dq_findings (tables checked in parallel threads:
    DuckDB fetches and polars both release the GIL)."""

    def one(table: str) -> pl.DataFrame:
        cursor = scratch.cursor(con)
        try:
            return check_table(cursor, table)
        finally:
            cursor.close()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(one, SCHEMAS))
    for frame in results:
        add_frame(con, frame)
