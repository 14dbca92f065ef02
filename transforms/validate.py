"""Validate the loaded rows: findings, quarantine, row accounting, extract coverage.

Writes two tables that staging relies on:
- `dq_findings(table_name, file, row, column, rule, value, child, severity)`: every problem,
  severity `blocking`, `row` or `warning`;
- `dq_excluded(table_name, _file, _row, reason)`: rows left out of staging, reason
  `quarantined` or `duplicate`.

Order: exact duplicates dropped -> column checks (pandera schemas; they run on each file's
rows while the set loads, and their findings on dropped duplicates are left out) -> duplicate
keys -> cross-table rules (transforms/rules) by stage -> quarantine -> accounting and
threshold.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date

import duckdb

from schemas.tables import EVENT_DATES, ONE_YEAR_TABLES, TABLES, YEAR
from transforms import scratch
from transforms.discover import Discovery
from transforms.load import LoadedFile
from transforms.rules import STAGES
from transforms.rules.generated import all_rules
from transforms.validation import findings, keys, typed
from transforms.validation.accounting import FileAccount, account, over_threshold
from transforms.validation.columns import ColumnChecks, add_findings
from transforms.validation.normal import hashes

__all__ = ["FileAccount", "ValidationResult", "validate", "DEFAULT_THRESHOLD"]

DEFAULT_THRESHOLD = 0.05


@dataclass
class ValidationResult:
    files: list[FileAccount]
    blocking: list[dict] = field(default_factory=list)
    extract_date: date | None = None
    counts: dict[tuple[str, str, str], int] = field(default_factory=dict)  # (file, rule, sev)
    children_set_aside: int = 0  # children whose episodes were quarantined
    timings: dict[str, float] = field(default_factory=dict)  # seconds per validation step

    @property
    def row_errors(self) -> int:
        return sum(n for (_, _, sev), n in self.counts.items() if sev == "row")

    @property
    def warnings(self) -> int:
        return sum(n for (_, _, sev), n in self.counts.items() if sev == "warning")


def _run_rules(con: duckdb.DuckDBPyConnection, extract_date: date | None) -> None:
    """Stage by stage; the rules of a stage (which do not read each other's findings) at once."""
    rules = all_rules(extract_date)
    for stage in STAGES:
        if stage == "after_header":
            typed.create_ok_header(con)
        scratch.run_statements(
            con, [findings.query_sql(r.id, r.severity, r.sql) for r in rules if r.stage == stage]
        )


def _extract_date(con: duckdb.DuckDBPyConnection) -> date | None:
    """The latest event date in the loaded rows (typed tables minus quarantined rows)."""
    parts = []
    for table, cols in EVENT_DATES.items():
        for col in cols:
            parts.append(
                f'SELECT max("{col}") AS d FROM vt_{table} r ANTI JOIN (SELECT _file, _row '
                f"FROM dq_excluded WHERE table_name = '{table}') x "
                "ON x._file = r._file AND x._row = r._row"
            )
    return con.execute(f"SELECT max(d) FROM ({' UNION ALL '.join(parts)})").fetchone()[0]


def _loaded_extract_date(con: duckdb.DuckDBPyConnection) -> date | None:
    """The latest parseable event date in the rows as loaded (before any quarantine)."""
    parts = [
        f'SELECT max("{col}") AS d FROM vn_{table}'
        for table, cols in EVENT_DATES.items()
        for col in cols
    ]
    return con.execute(f"SELECT max(d) FROM ({' UNION ALL '.join(parts)})").fetchone()[0]


def fill_collection_years(
    con: duckdb.DuckDBPyConnection, extract_date: date | None
) -> tuple[int | None, list[dict]]:
    """OC2/OC3 files with no year in their name belong to the latest collection year whose
    31 March is on or before the extract date (extracts.md); a warning says so per file.
    Returns that year (None when no file needed it) and the warnings."""
    pending = {
        t: [
            r[0]
            for r in con.execute(
                f"SELECT DISTINCT _file FROM vn_{t} WHERE {YEAR} IS NULL ORDER BY 1"
            ).fetchall()
        ]
        for t in ONE_YEAR_TABLES
    }
    if not any(pending.values()):
        return None, []
    d = extract_date or _loaded_extract_date(con)
    if d is None:
        return None, []
    year = d.year if (d.month, d.day) >= (3, 31) else d.year - 1
    warnings = []
    for t, files in pending.items():
        if files:
            con.execute(f"UPDATE vn_{t} SET {YEAR} = '{year}' WHERE {YEAR} IS NULL")
            names = ", ".join(f"'{f}'" for f in files)
            row, key = hashes(TABLES[t])  # the year is part of the row and of its key
            con.execute(f"UPDATE vn_{t} SET _h = {row}, _k = {key} WHERE _file IN ({names})")
        for f in files:
            warnings.append(
                {
                    "file": f,
                    "table": t,
                    "rule": "file.collection_year_from_extract_date",
                    "message": f"no year in the file name: read as collection year "
                    f"{year - 1}-{year % 100:02d} (the latest ending on or before the "
                    f"extract date {d.isoformat()})",
                }
            )
    return year, warnings


def _children_set_aside(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute(
        "SELECT count(DISTINCT r.CHILD) FROM vn_episodes r JOIN dq_excluded x "
        "ON x.table_name = 'episodes' AND x._file = r._file AND x._row = r._row "
        "WHERE x.reason = 'quarantined'"
    ).fetchone()[0]


def validate(
    con: duckdb.DuckDBPyConnection,
    found: Discovery,
    loaded: list[LoadedFile],
    columns: ColumnChecks,
    extract_date: date | None = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
) -> ValidationResult:
    """Check every loaded row (`vn_<table>`, and `columns`, the column checks started while
    loading); write dq_findings/dq_excluded; account for every file's rows."""
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def step(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = round(now - clock, 3)
        clock = now

    findings.create_tables(con)
    findings.add_file_level(con, found.blocking, "blocking")
    findings.add_file_level(con, found.warnings, "warning")
    year, filled = fill_collection_years(con, extract_date)
    findings.add_file_level(con, filled, "warning")
    keys.drop_exact_duplicates(con)
    step("duplicates_s")
    add_findings(con, columns.findings(year))
    step("column_checks_s")
    keys.duplicate_keys(con)
    step("duplicate_keys_s")
    typed.create_typed_tables(con)
    _run_rules(con, extract_date)
    step("rules_s")
    findings.quarantine(con)
    latest = extract_date or _extract_date(con)
    typed.drop_typed_tables(con)
    step("quarantine_s")

    files = account(con, loaded)
    blocking = list(found.blocking)
    over = over_threshold(files, threshold)
    findings.add_file_level(con, over, "blocking")
    blocking.extend(over)
    counts = {
        (file, rule, sev): n
        for file, rule, sev, n in con.execute(
            "SELECT file, rule, severity, count(*) FROM dq_findings GROUP BY ALL ORDER BY ALL"
        ).fetchall()
    }
    return ValidationResult(
        files=files,
        blocking=blocking,
        extract_date=latest,
        counts=counts,
        children_set_aside=_children_set_aside(con),
        timings=timings,
    )
