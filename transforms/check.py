"""Great Expectations checks on the built indicator tables, before anything is published.

The suite is kept in the repo (transforms/expectations/indicator_values.json); the shape
check (one row per indicator in `indicator_catalogue` and quarter in `quarters`) is added at
run time. GX runs in an ephemeral context (no analytics, no progress bars) and writes its
data docs to `docs_dir`; external CDN links are stripped so the docs render offline.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from core.errors import CheckFailedError

SUITE_PATH = Path(__file__).resolve().parent / "expectations" / "indicator_values.json"
COLUMNS = ("indicator_id", "period", "period_end", "value", "numerator", "denominator", "unit")
SITE = "cla_restricted"
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


def fetch(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    try:
        return con.execute(
            f"SELECT {', '.join(COLUMNS)}, "
            "CASE WHEN unit = 'percent' THEN value END AS percent_value, "
            "CASE WHEN unit = 'count' THEN value END AS count_value, "
            "CASE WHEN unit = 'percent' THEN numerator END AS percent_numerator, "
            "CASE WHEN unit = 'percent' THEN denominator END AS percent_denominator "
            "FROM indicator_values"
        ).df()
    except (duckdb.CatalogException, duckdb.BinderException) as e:
        raise CheckFailedError(f"indicator_values is missing or malformed: {e}") from e


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


def check_indicator_tables(con: duckdb.DuckDBPyConnection, docs_dir: Path) -> None:
    """Raise CheckFailedError (naming the data docs in docs_dir) if an expectation fails."""
    import great_expectations as gx
    from great_expectations.checkpoint import UpdateDataDocsAction

    frame = fetch(con)
    docs_dir = docs_dir.resolve()  # GX wants an absolute path
    docs_dir.mkdir(parents=True, exist_ok=True)
    context = _context(docs_dir)
    suite = context.suites.add(build_suite(suite_spec(), expected_rows(con)))
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
    if not result.success:
        failed = failures(result)
        raise CheckFailedError(
            f"indicator checks failed ({len(failed)}): {'; '.join(failed)}. "
            f"Nothing was published; see the data docs at {docs_dir / 'index.html'}"
        )
