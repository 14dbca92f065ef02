"""PDF rendering: WeasyPrint from the same HTML (A4, page numbers, running header)."""

from __future__ import annotations

from pathlib import Path

from weasyprint import HTML


def render_pdf(html: str, path: Path) -> None:
    HTML(string=html).write_pdf(path)
