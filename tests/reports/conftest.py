"""One demo build shared by the report tests: published under both suppression profiles."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from core.periods import parse_period
from tests.support import demo_extract, shared_folder

PERIOD = "2026-27-Q2"
THROUGH = "2026-09-30"
MEETING = "7 October 2026"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@pytest.fixture(scope="session")
def demo_published(tmp_path_factory) -> dict[str, Path]:
    """{'panel': period folder, 'public': period folder} from one build of the demo set
    (one build per session, shared by the xdist workers; read-only)."""
    from reports.pdf import PdfRenderer
    from reports.publish import put_in_place, render_period
    from transforms.check import check_indicator_tables
    from transforms.pipeline import build_warehouse

    extract = demo_extract(tmp_path_factory, THROUGH)
    period = parse_period(PERIOD)

    def build(base: Path) -> None:
        wh = build_warehouse(extract, [period], base / "warehouse.duckdb")
        pdf = PdfRenderer(2)  # as a backfill renders: both papers written by workers at once
        try:
            check_indicator_tables(wh.con, base / "gx")
            when = datetime(2026, 10, 1, tzinfo=UTC)
            rendered = [
                render_period(wh, period, base / profile, pdf, profile, when, meeting)
                for profile, meeting in (("panel", MEETING), ("public", ""))
            ]
            for r in rendered:
                assert put_in_place(wh, r) == r.final
        finally:
            pdf.close()
            wh.con.close()

    base = shared_folder(tmp_path_factory, "demo_reports", build)
    return {profile: base / profile / PERIOD for profile in ("panel", "public")}


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """tests/artifacts/: screenshots and page images a person can look at after a run."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(params=["panel", "public"])
def folder(request, demo_published) -> Path:
    return demo_published[request.param]
