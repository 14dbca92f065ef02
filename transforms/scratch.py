"""The run's DuckDB connection: the warehouse file plus an in-memory `scratch` database.

`scratch` holds what a run needs but the warehouse file does not keep: the rows as loaded and
typed (`vn_<table>`, a copy of the input files, which the manifest fingerprints), validation's
working tables and the working layers (staging, intermediate). Names resolve in `main` first,
then `scratch`, so SQL says `vn_episodes` or `stg_episodes` wherever the table lives. Writing
these compressed into the file cost more than reading or computing them (100,000 children:
the loaded rows alone took 2.4 s of a 4.8 s load).

Unlike TEMP tables, `scratch` is shared by every cursor of the connection, so independent
queries can run on two cursors at once.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from queue import Queue

import duckdb

NAME = "scratch"
WORKERS = 2  # cursors running independent statements at once
# DuckDB's own ceiling (it spills past it; its default is 80% of the machine's memory): a
# 1,000,000-child run peaks at 4.6 GB, spilling up to 3.9 GB while it builds. At 6 GB it
# spilled nothing, peaked at 6.5 GB and was no faster (115.5 s against 111.2 s).
MEMORY_LIMIT = "4GB"
# Below this many rows in the extract set, each cursor's query runs on one DuckDB thread: the
# two cursors are the parallelism, and DuckDB's own threads on small queries cost CPU without
# saving time (100,000 children, 2.6 million rows: the build 4.45-4.65 s on 8.4 CPU s with
# two threads, 3.9-4.1 s on 6.6-6.8 CPU s with one). At 1,000,000 children (26 million rows)
# one thread made the build 46 -> 54 s and validation 18 -> 24 s: the big models need both.
ONE_THREAD_BELOW_ROWS = 10_000_000


def connect(db_path: Path | str = ":memory:") -> duckdb.DuckDBPyConnection:
    """The warehouse at `db_path` with `scratch` attached; UTC; DuckDB memory capped.

    Past the cap DuckDB spills to `<db_path>.tmp/` (in `restricted/` for a run); an in-memory
    warehouse (`cla validate`) spills to a folder of its own in the system's temporary folder,
    not the working directory. DuckDB removes either when the connection closes."""
    con = duckdb.connect(str(db_path))
    con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    # no table's row order is relied on (every output is written ORDER BY ALL or by its key);
    # kept, it made DuckDB order each parallel insert (1,000,000 children: validation
    # 59.7 -> 49.4 s, the build 44.4 -> 35.2 s)
    con.execute("SET preserve_insertion_order = false")
    if str(db_path) == ":memory:":
        spill = Path(tempfile.gettempdir()) / f"cla-duckdb-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        con.execute(f"SET temp_directory = '{spill.as_posix()}'")
    con.execute(f"ATTACH ':memory:' AS {NAME}")
    configure(con)
    return con


def configure(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A connection's or cursor's settings: UTC, names looked up in main then scratch."""
    con.execute("SET TimeZone = 'UTC'")
    con.execute(f"SET search_path = 'main,{NAME}'")
    return con


def fit_threads(con: duckdb.DuckDBPyConnection, rows: int) -> None:
    """One DuckDB thread per query for an extract set of under ONE_THREAD_BELOW_ROWS rows
    (from here on: validation and the build run on two cursors); else DuckDB's default."""
    if rows < ONE_THREAD_BELOW_ROWS:
        con.execute("SET threads = 1")


def cursor(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """Another cursor of the run's connection, configured the same way."""
    return configure(con.cursor())


@dataclass(frozen=True)
class Job:
    """One piece of SQL work: `run(cursor)`, after the jobs named in `needs`."""

    name: str
    run: Callable[[duckdb.DuckDBPyConnection], object]
    needs: frozenset[str] = frozenset()


def run_jobs(con: duckdb.DuckDBPyConnection, jobs: list[Job], workers: int = WORKERS) -> None:
    """Run the jobs on `workers` cursors at once, each once the jobs it needs are done, else in
    list order. DuckDB gives a query over one row group (up to 122,880 rows) one core, and most
    of a run's queries are that small. The first failure is raised; no job starts after it."""
    todo = list(jobs)
    idle: Queue[duckdb.DuckDBPyConnection] = Queue()
    for _ in range(workers):
        idle.put(cursor(con))

    def run_one(job: Job) -> str:
        cur = idle.get()
        try:
            job.run(cur)
        finally:
            idle.put(cur)
        return job.name

    done: set[str] = set()
    running: set[Future[str]] = set()
    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            while todo or running:
                ready = [j for j in todo if j.needs <= done]
                if not ready and not running:
                    raise ValueError(
                        f"jobs wait on each other: {[(j.name, j.needs) for j in todo]}"
                    )
                for job in ready[: workers - len(running)]:
                    todo.remove(job)
                    running.add(pool.submit(run_one, job))
                finished, running = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    done.add(future.result())
    finally:
        while not idle.empty():
            idle.get().close()


def run_statements(con: duckdb.DuckDBPyConnection, statements: list[str]) -> None:
    """Independent statements, run at once on the cursors of `run_jobs`."""
    run_jobs(
        con,
        [Job(str(i), lambda cur, sql=sql: cur.execute(sql)) for i, sql in enumerate(statements)],
    )
