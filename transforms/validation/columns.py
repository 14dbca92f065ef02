"""Column checks: every table's pandera schema over its rows as read (lazy, vectorised)."""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor

import duckdb
import pandera.polars as pa
import polars as pl

from schemas.base import PANDERA_RULES
from schemas.checks import date_column, with_dates, with_years, year_column
from schemas.registry import SCHEMAS
from schemas.tables import TABLES, YEAR
from transforms.validation.findings import FINDING_COLUMNS


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


def check_frame(table: str, frame: pl.DataFrame) -> pl.DataFrame:
    """Validate rows of one table with its schema; the findings (empty if all pass). Dates
    already parsed by the loader (`_date_<col>`) are not parsed again."""
    if frame.height == 0:
        return pl.DataFrame()
    years = {c.year_from for c in TABLES[table].codes.values() if c.year_from}
    derived = years & set(TABLES[table].derived)  # a collection year itself, not a date
    unparsed = [c for c in TABLES[table].dates if date_column(c) not in frame.columns]
    frame = with_years(with_dates(frame, unparsed), years - derived).with_columns(
        pl.col(c).cast(pl.Int32, strict=False).alias(year_column(c)) for c in derived
    )
    try:
        SCHEMAS[table].validate(frame, lazy=True)
    except pa.errors.SchemaErrors as e:
        return failures_to_findings(table, frame, e.failure_cases)
    return pl.DataFrame()


class ColumnChecks:
    """The column checks of one load: each file's rows checked in a thread while the next
    file is read (polars and DuckDB both release the GIL), at most `workers` at once so that
    no more than that many files' rows are held for them.

    A file of a one-year table (OC2, OC3) with no year in its name waits until the year is
    known (`findings(year)`): it is read from the extract date once everything is loaded."""

    def __init__(self, workers: int = 2):
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="columns")
        self._slots = threading.BoundedSemaphore(workers)
        self._running: list[Future[pl.DataFrame]] = []
        self._waiting: list[tuple[str, pl.DataFrame]] = []

    def submit(self, table: str, frame: pl.DataFrame) -> None:
        """Start checking `frame` (blocks while `workers` checks are running)."""
        if YEAR in TABLES[table].derived and frame[YEAR].null_count():
            self._waiting.append((table, frame))
            return
        self._slots.acquire()
        future = self._pool.submit(check_frame, table, frame)
        future.add_done_callback(lambda _: self._slots.release())
        self._running.append(future)

    def findings(self, year: int | None) -> list[pl.DataFrame]:
        """Every file's findings, once checked; `year` fills a missing collection year."""
        for table, frame in self._waiting:
            filled = None if year is None else str(year)
            self.submit(table, frame.with_columns(pl.col(YEAR).fill_null(filled)))
        self._waiting.clear()
        try:
            return [f.result() for f in self._running]
        finally:
            self.close()

    def close(self) -> None:
        """Stop: checks not yet started are dropped."""
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._running.clear()


def add_findings(con: duckdb.DuckDBPyConnection, frames: list[pl.DataFrame]) -> None:
    """The column findings into dq_findings, less those of rows dropped as exact duplicates
    (the checks saw every row as read; validation drops duplicates first)."""
    found = [f for f in frames if f.height]
    if not found:
        return
    con.register("_column_findings", pl.concat(found).select(FINDING_COLUMNS).to_arrow())
    try:
        con.execute(
            "INSERT INTO dq_findings SELECT f.* FROM _column_findings f ANTI JOIN "
            "(SELECT table_name, _file, _row FROM dq_excluded WHERE reason = 'duplicate') x "
            "ON x.table_name = f.table_name AND x._file = f.file AND x._row = f.row"
        )
    finally:
        con.unregister("_column_findings")
