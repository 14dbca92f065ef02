"""Great Expectations checks on the built indicator tables, before anything is published.

The suite is kept in the repo (transforms/expectations/indicator_values.json); the shape
check (one row per indicator in `indicator_catalogue` and quarter in `quarters`) is added at
run time. GX runs in an ephemeral context (no analytics, no progress bars) and writes its
data docs to `docs_dir`; external CDN links are stripped so the docs render offline.

Importing GX costs about 8 s, more than the data work of a council-sized run, so a run calls
`start_checker(docs_dir)` first: a worker process imports GX at once, while discovery,
loading, validation and the SQL build go on in this one, and `Checker.check(con)` later hands
it the indicator rows (a few hundred plain tuples) and raises CheckFailedError as
`check_indicator_tables` does (the same code, run in-process). The worker is terminated by
`close()` (or leaving the `with` block), so a blocked run does not wait for it.
"""

from __future__ import annotations

import json
import os
import re
import time
import traceback
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import duckdb

from core.errors import CheckFailedError
from core.worker import Worker, WorkerStopped

SUITE_PATH = Path(__file__).resolve().parent / "expectations" / "indicator_values.json"
COLUMNS = ("indicator_id", "period", "period_end", "value", "numerator", "denominator", "unit")
SITE = "cla_restricted"
NICE = 10  # the worker's CPU priority below the run's
_EXTERNAL_TAG = re.compile(
    r"<(script|link)\b[^>]*(src|href)=\"https?://[^\"]*\"[^>]*>(\s*</script>)?", re.IGNORECASE
)
_S3_LOGO = re.compile(r"https://great-expectations-web-assets[^\"]*logo-long\.png[^\"]*")


def suite_spec() -> dict[str, Any]:
    return json.loads(SUITE_PATH.read_text())


def expected_rows(con: duckdb.DuckDBPyConnection) -> int | None:
    """Indicators in the catalogue x quarters built (None if either table is absent)."""
    try:
        n = con.execute("SELECT count(*) FROM indicator_catalogue").fetchone()[0]
        q = con.execute("SELECT count(*) FROM quarters").fetchone()[0]
    except duckdb.CatalogException:
        return None
    return n * q


FETCH_SQL = (
    f"SELECT {', '.join(COLUMNS)}, "
    "CASE WHEN unit = 'percent' THEN value END AS percent_value, "
    "CASE WHEN unit = 'count' THEN value END AS count_value, "
    "CASE WHEN unit = 'percent' THEN numerator END AS percent_numerator, "
    "CASE WHEN unit = 'percent' THEN denominator END AS percent_denominator "
    "FROM indicator_values"
)


def fetch(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """What the suite checks, as plain Python values: column names, rows, expected row count."""
    try:
        cur = con.execute(FETCH_SQL)
        rows = cur.fetchall()
    except (duckdb.CatalogException, duckdb.BinderException) as e:
        raise CheckFailedError(f"indicator_values is missing or malformed: {e}") from e
    return {
        "columns": [d[0] for d in cur.description],
        "rows": rows,
        "expected": expected_rows(con),
    }


def _context(docs_dir: Path):
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(),
        progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
        analytics_enabled=False,
        data_docs_sites={
            SITE: {
                "class_name": "SiteBuilder",
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
                "store_backend": {
                    "class_name": "TupleFilesystemStoreBackend",
                    "base_directory": str(docs_dir),
                },
            }
        },
    )
    return gx.get_context(mode="ephemeral", project_config=config)


def build_suite(spec: dict[str, Any], rows: int | None):
    import great_expectations as gx
    from great_expectations.expectations.expectation_configuration import (
        ExpectationConfiguration,
    )

    suite = gx.ExpectationSuite(name=spec["name"], meta=spec.get("meta"))
    items = list(spec["expectations"])
    if rows is not None:
        items.append(
            {
                "type": "expect_table_row_count_to_equal",
                "kwargs": {"value": rows},
                "meta": {"why": "one row per catalogue indicator and quarter"},
            }
        )
    for e in items:
        suite.add_expectation_configuration(
            ExpectationConfiguration(type=e["type"], kwargs=e["kwargs"], meta=e.get("meta"))
        )
    return suite


def offline_docs(docs_dir: Path) -> None:
    """Strip CDN scripts/styles and the remote logo so the docs open without a network."""
    for page in docs_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        depth = len(page.relative_to(docs_dir).parts) - 1
        logo = "../" * depth + "static/images/logo-long.png"
        page.write_text(_S3_LOGO.sub(logo, _EXTERNAL_TAG.sub("", text)), encoding="utf-8")


def failures(result) -> list[str]:
    out = []
    for run in result.run_results.values():
        for r in run.results:
            if not r.success:
                cfg = r.expectation_config
                kw = cfg.kwargs
                where = kw.get("column") or ",".join(
                    kw.get("column_list")
                    or [c for c in (kw.get("column_A"), kw.get("column_B")) if c]
                )
                sample = (r.result or {}).get("partial_unexpected_list") or []
                observed = (r.result or {}).get("observed_value")
                detail = (
                    f" e.g. {json.dumps(sample[:3], default=str)}"
                    if sample
                    else (f" observed {observed}" if observed is not None else "")
                )
                out.append(f"{cfg.type}({where}){detail}")
    return out


def run_suite(payload: dict[str, Any], docs_dir: Path) -> list[str]:
    """Run the suite over the fetched rows, write the data docs; the failed expectations."""
    import great_expectations as gx
    import pandas as pd
    from great_expectations.checkpoint import UpdateDataDocsAction

    frame = pd.DataFrame.from_records(payload["rows"], columns=payload["columns"])
    docs_dir = docs_dir.resolve()  # GX wants an absolute path
    docs_dir.mkdir(parents=True, exist_ok=True)
    context = _context(docs_dir)
    suite = context.suites.add(build_suite(suite_spec(), payload["expected"]))
    asset = context.data_sources.add_pandas("cla").add_dataframe_asset("indicator_values")
    batch = asset.add_batch_definition_whole_dataframe("all")
    definition = context.validation_definitions.add(
        gx.ValidationDefinition(name="indicator_values", data=batch, suite=suite)
    )
    checkpoint = context.checkpoints.add(
        gx.Checkpoint(
            name="before_publish",
            validation_definitions=[definition],
            actions=[UpdateDataDocsAction(name="data_docs", site_names=[SITE])],
            result_format="SUMMARY",
        )
    )
    result = checkpoint.run(batch_parameters={"dataframe": frame})
    offline_docs(docs_dir)
    return [] if result.success else failures(result)


def raise_if_failed(failed: list[str], docs_dir: Path) -> None:
    if failed:
        raise CheckFailedError(
            f"indicator checks failed ({len(failed)}): {'; '.join(failed)}. "
            f"Nothing was published; see the data docs at {docs_dir.resolve() / 'index.html'}"
        )


def check_indicator_tables(con: duckdb.DuckDBPyConnection, docs_dir: Path) -> None:
    """Raise CheckFailedError (naming the data docs in docs_dir) if an expectation fails."""
    raise_if_failed(run_suite(fetch(con), docs_dir), docs_dir)


def serve_checks(conn: Connection, docs_dir: str) -> None:
    """The worker: import GX (and build a throw-away suite) now, then check one payload."""
    try:
        started = time.perf_counter()
        os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
        import great_expectations  # noqa: F401
        import pandas  # noqa: F401

        build_suite(suite_spec(), None)  # loads the expectation classes too
        ready = time.perf_counter()
        payload = conn.recv()
        asked = time.perf_counter()
        failed = run_suite(payload, Path(docs_dir))
        took = {"import_s": ready - started, "suite_s": time.perf_counter() - asked}
        conn.send(("done", (failed, took)))
    except (EOFError, ConnectionResetError):  # the run ended without a check
        pass
    except BaseException as e:  # reported to the run, which fails with exit 3
        conn.send(("error", f"{type(e).__name__}: {e}\n{traceback.format_exc(limit=5)}"))
    finally:
        conn.close()


class Checker:
    """A worker process that has imported GX; `check(con)` runs the suite there once."""

    def __init__(self, docs_dir: Path):
        self.docs_dir = docs_dir.resolve()
        self.timings: dict[str, float] = {}  # the worker's import_s and suite_s, once checked
        env = {"GX_ANALYTICS_ENABLED": os.environ.get("GX_ANALYTICS_ENABLED", "False")}
        # niced: its answer is wanted only before publishing, and importing GX (1.8 CPU s)
        # at the run's priority slowed the validation and build that the paper waits for
        self._worker = Worker(
            "transforms.check", "serve_checks", str(self.docs_dir), env=env, nice=NICE
        )

    def check(self, con: duckdb.DuckDBPyConnection) -> None:
        """Raise CheckFailedError if an expectation fails (or the worker died)."""
        self.submit(con)
        self.result()

    def submit(self, con: duckdb.DuckDBPyConnection) -> None:
        """Hand the indicator rows to the worker; the suite runs there while the caller goes
        on (e.g. renders into a temporary folder). `result()` waits for the verdict."""
        payload = fetch(con)
        try:
            self._worker.send(payload)
        except WorkerStopped as e:
            self._stopped(e)

    def result(self) -> None:
        """Wait for the submitted check; raise CheckFailedError if it failed or could not run."""
        try:
            status, detail = self._worker.recv()
        except WorkerStopped as e:
            self._stopped(e)
        finally:
            self.close()
        if status == "error":
            raise CheckFailedError(f"the indicator check could not run: {detail}")
        failed, self.timings = detail
        raise_if_failed(failed, self.docs_dir)

    def _stopped(self, error: WorkerStopped) -> None:
        self.close()
        raise CheckFailedError(
            f"the indicator check worker stopped (exit code {error.exit_code}); "
            "nothing was published"
        ) from error

    def close(self) -> None:
        """Stop the worker (at once if it is still importing) and wait for it."""
        self._worker.close()

    def __enter__(self) -> Checker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def start_checker(docs_dir: Path) -> Checker:
    """Start importing GX in a worker process now; call `.check(con)` once the build is done."""
    return Checker(docs_dir)
