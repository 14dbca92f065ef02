"""OUT/index.html: every published period, newest first, with links to each file."""

from __future__ import annotations

import os
from html import escape
from pathlib import Path

from core.periods import parse_period

FILES = [
    "report.html",
    "report.pdf",
    "tables.xlsx",
    "indicators.csv",
    "indicators.parquet",
    "data_quality.csv",
    "manifest.json",
]


def published_periods(out: Path) -> list[str]:
    labels = []
    for d in out.iterdir() if out.is_dir() else []:
        if d.is_dir() and not d.name.startswith(".") and d.name != "restricted":
            try:
                parse_period(d.name)
            except Exception:
                continue
            if (d / "manifest.json").exists():
                labels.append(d.name)
    return sorted(labels, reverse=True)


def write_index(out: Path) -> None:
    rows = []
    for label in published_periods(out):
        links = " · ".join(
            f'<a href="{label}/{f}">{f}</a>' for f in FILES if (out / label / f).exists()
        )
        tables = sorted((out / label / "tables").glob("*.csv"))
        tlinks = " · ".join(
            f'<a href="{label}/tables/{t.name}">{escape(t.stem)}</a>' for t in tables
        )
        rows.append(f'<tr><th scope="row">{label}</th><td>{links}</td><td>{tlinks}</td></tr>')
    html = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Children Looked After – published reports</title><style>"
        "body{font-family:Arial,sans-serif;max-width:1000px;margin:1rem auto;padding:0 1rem}"
        "table{border-collapse:collapse;width:100%}th,td{border:1px solid #b1b4b6;padding:4px;"
        "text-align:left;vertical-align:top;font-size:.9rem}</style></head><body>"
        "<h1>Children Looked After – published reports</h1>"
        '<table><thead><tr><th scope="col">Period</th><th scope="col">Report and data</th>'
        '<th scope="col">Part B tables</th></tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table></body></html>\n"
    )
    tmp = out / ".tmp-index.html"
    tmp.write_text(html, encoding="utf-8")
    os.replace(tmp, out / "index.html")
