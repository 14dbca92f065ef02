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


def part_a(folder: Path) -> list[dict[str, str]]:
    """Part A as the paper shows it: the published XLSX `Indicators` sheet, values as text."""
    from openpyxl import load_workbook

    wb = load_workbook(folder / "tables.xlsx", read_only=True)
    sheet = wb["Indicators"].iter_rows()
    header = [str(c.value or "") for c in next(sheet)]
    out = []
    for cells in sheet:
        row = {}
        for name, c in zip(header, cells, strict=False):
            if isinstance(c.value, int | float):
                whole = isinstance(c.value, int) or c.number_format == "#,##0"
                row[name] = f"{c.value:,.0f}" if whole else f"{c.value:.1f}"
            else:
                row[name] = "" if c.value is None else str(c.value)
        out.append(row)
    wb.close()
    return out


def column(header: list[str], starts: str) -> str:
    return next((h for h in header if h.startswith(starts)), starts)


def markdown_summary(folder: Path) -> str:
    """Period, Part A with RAG, revisions and a link to the report."""
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
    rows = part_a(folder)
    header = list(rows[0]) if rows else []
    actual, target = column(header, "Actual"), column(header, "Target")
    for r in rows:
        if not r.get("Ref"):
            continue  # Part A only; the counts are in the tables
        rag = r.get("RAG", "")
        lines.append(
            f"| {r['Ref']} | {r['Indicator']} | {r.get(actual, '')} | {r.get(target, '')} "
            f"| {RAG.get(rag.lower(), rag)} |"
        )
    if manifest.get("revisions"):
        lines += ["", "**Revised since last published:**", ""]
        lines += [
            f"- {x.get('title') or x['indicator_id']}: {x['old']} → {x['new']}"
            for x in manifest["revisions"]
        ]
    return "\n".join(lines) + "\n"


def quality_table(folder: Path) -> list[dict[str, str]]:
    """data_quality.csv as rows: counts by file and rule (no child identifiers)."""
    return _rows(folder / "data_quality.csv")


def artifact_key(kind: str, folder: Path) -> str:
    """Artifact keys: lowercase letters, digits and dashes (cla-report-2020-21-q1)."""
    return f"cla-{kind}-{folder.name.lower()}"
