"""PDF rendering: WeasyPrint from the same HTML (A4, page numbers, running header)."""

from __future__ import annotations

from pathlib import Path


def render_pdf(html: str, path: Path) -> None:
    from weasyprint import HTML  # ~1.5 s to import: only when a PDF is rendered

    HTML(string=html).write_pdf(path)
