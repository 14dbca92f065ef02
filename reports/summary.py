"""What a publication says in a few lines: the artifacts shown with each Prefect flow run.

Read from the published (public) files only, so nothing child-level can reach them.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

RAG = {"green": "🟢 green", "amber": "🟠 amber", "red": "🔴 red"}


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def report_link(folder: Path) -> str:
    """http link when CLA_SERVE_URL says where `cla serve` runs, else a file:// link."""
    base = os.environ.get("CLA_SERVE_URL")
    if base:
        return f"{base.rstrip('/')}/{folder.name}/report.html"
    return (folder / "report.html").resolve().as_uri()


def markdown_summary(folder: Path) -> str:
    """Period, Part A with RAG, revisions and a link to the report."""
    from reports.context import definitions, display_round

    titles = {d["indicator_id"]: d.get("title", "") for d in definitions()}
    refs = {d["indicator_id"]: d.get("ref", "") for d in definitions()}
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    lines = [
        f"# {folder.name} published",
        "",
        f"Quarter ending {manifest['period_end']}, extract date {manifest['extract_date']}, "
        f"suppression `{manifest['suppression']}`, code {manifest['code_version']}.",
        "",
        f"[Open the report]({report_link(folder)})",
        "",
        "| ref | indicator | value | target | RAG |",
        "|---|---|---:|---:|---|",
    ]
    for r in _rows(folder / "indicators.csv"):
        if not refs.get(r["indicator_id"]):
            continue  # Part A only; the counts are in the tables
        if r["suppressed"] == "true":
            value = "suppressed"
        else:  # one decimal place, as the report shows it
            value = "" if r["value"] == "" else f"{display_round(float(r['value'])):.1f}"
        lines.append(
            f"| {refs[r['indicator_id']]} | {titles.get(r['indicator_id'], r['indicator_id'])} "
            f"| {value} | {r['target']} | {RAG.get(r['rag'], r['rag'])} |"
        )
    if manifest.get("revisions"):
        lines += ["", "**Revised since last published:**", ""]
        lines += [f"- {x['indicator_id']}: {x['old']} → {x['new']}" for x in manifest["revisions"]]
    return "\n".join(lines) + "\n"


def quality_table(folder: Path) -> list[dict[str, str]]:
    """data_quality.csv as rows: counts by file and rule (no child identifiers)."""
    return _rows(folder / "data_quality.csv")


def artifact_key(kind: str, folder: Path) -> str:
    """Artifact keys: lowercase letters, digits and dashes (cla-report-2020-21-q1)."""
    return f"cla-{kind}-{folder.name.lower()}"
