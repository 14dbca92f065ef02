"""The PDF workers: papers written in worker processes are the papers written in-process;
a PDF that cannot be written, or a worker that dies, fails that period with a clear error."""

from __future__ import annotations

import subprocess

import pytest

from reports.pdf import PdfError, PdfRenderer, render_pdf

PAGE = """<!doctype html><html lang="en-GB"><head><title>{title}</title></head>
<body><h1>{title}</h1><p>{body}</p></body></html>"""


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout


@pytest.fixture
def pages(tmp_path):
    paths = []
    for i, (title, body) in enumerate([("First paper", "alpha " * 400), ("Second", "beta")]):
        p = tmp_path / f"page{i}.html"
        p.write_text(PAGE.format(title=title, body=body), "utf-8")
        paths.append(p)
    return paths


def test_workers_write_the_same_papers_as_in_process_answering_in_any_order(tmp_path, pages):
    renderer = PdfRenderer(2)
    try:
        jobs = [renderer.submit(p, tmp_path / f"w{i}.pdf") for i, p in enumerate(pages)]
        jobs.append(renderer.submit(pages[0], tmp_path / "w2.pdf"))  # queued behind one
        for job in reversed(jobs):  # waited for out of submission order
            wall, cpu, _ = job.wait()
            assert wall > 0 and cpu > 0
    finally:
        renderer.close()
    for i, p in enumerate([pages[0], pages[1], pages[0]]):
        here = tmp_path / f"here{i}.pdf"
        render_pdf(p, here)
        assert pdf_text(tmp_path / f"w{i}.pdf") == pdf_text(here)
    assert "alpha alpha" in pdf_text(tmp_path / "w0.pdf")
    assert "beta" in pdf_text(tmp_path / "w1.pdf")


def test_a_pdf_that_cannot_be_written_names_the_file(tmp_path, pages):
    renderer = PdfRenderer(1)
    try:
        job = renderer.submit(pages[0], tmp_path / "no such folder" / "report.pdf")
        with pytest.raises(PdfError, match="report.pdf could not be written"):
            job.wait()
        ok = renderer.submit(pages[1], tmp_path / "after.pdf")  # the worker serves on
        ok.wait()
    finally:
        renderer.close()
    assert "beta" in pdf_text(tmp_path / "after.pdf")


def test_a_worker_that_dies_fails_its_job(tmp_path, pages):
    renderer = PdfRenderer(1)
    try:
        job = renderer.submit(pages[0], tmp_path / "report.pdf")
        renderer.workers[0]._proc.kill()
        with pytest.raises(PdfError, match="the PDF worker stopped"):
            job.wait()
    finally:
        renderer.close()
