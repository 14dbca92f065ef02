"""PDF rendering: WeasyPrint from the same HTML (A4, page numbers, running header), tagged
PDF/UA-1 with the HTML's title and language."""

from __future__ import annotations

from pathlib import Path


def render_pdf(html_path: Path, path: Path) -> None:
    from weasyprint import HTML  # ~1.5 s to import: only when a PDF is rendered

    HTML(filename=str(html_path)).write_pdf(path, pdf_variant="pdf/ua-1")
