"""PDF rendering: WeasyPrint from the same HTML (A4, page numbers, running header), tagged
PDF/UA-1 with the HTML's title and language.

Laying out and writing the paper is the longest step of a publication (seconds, all in
WeasyPrint), and WeasyPrint costs about 1.5 s to import. A run therefore starts
`PdfRenderer(workers)` first: worker processes import WeasyPrint while the extract is
validated and built, then write each period's PDF while this process renders the next
period's HTML and spreadsheets (two cores, two workers for a backfill).
"""

from __future__ import annotations

import time
from multiprocessing.connection import Connection
from pathlib import Path

from core import collector
from core.errors import ClaError
from core.worker import Worker, WorkerStopped


class PdfError(ClaError):
    """The PDF of a period could not be written; nothing of that period is published."""

    exit_code = 3


def render_pdf(html_path: Path, path: Path) -> None:
    from weasyprint import HTML  # ~1.5 s to import: only where a PDF is rendered

    HTML(filename=str(html_path)).write_pdf(path, pdf_variant="pdf/ua-1")


def serve_pdfs(conn: Connection) -> None:
    """The worker: import WeasyPrint now, then render each (html, pdf) pair it is sent and
    answer with the PDF's path, its wall and CPU seconds and when it finished, or the error."""
    import weasyprint  # noqa: F401

    while True:
        try:
            html_path, pdf_path = conn.recv()
        except (EOFError, OSError):  # the run is over (or stopped us)
            return
        started, cpu = time.perf_counter(), time.process_time()
        try:
            render_pdf(Path(html_path), Path(pdf_path))
            took = (time.perf_counter() - started, time.process_time() - cpu, time.time())
            conn.send((pdf_path, "done", took))
        except Exception as e:  # reported to the run, which publishes nothing of the period
            conn.send((pdf_path, "error", f"{type(e).__name__}: {e}"))
        collector.collect()  # between papers, while the run renders the next one


class PdfJob:
    """One PDF being written by a worker; `wait()` returns its wall and CPU seconds and
    when it was finished (`time.time()`)."""

    def __init__(self, renderer: PdfRenderer, worker: Worker, path: Path):
        self._renderer, self._worker, self.path = renderer, worker, path

    def wait(self) -> tuple[float, float, float]:
        status, detail = self._renderer.answer(self._worker, str(self.path))
        if status == "error":
            raise PdfError(f"{self.path.name} could not be written: {detail}")
        return detail


class PdfRenderer:
    """Worker processes writing PDFs; a job goes to the worker with the fewest unanswered."""

    def __init__(self, workers: int = 1):
        self.workers: list[Worker] = []
        self._unanswered: dict[Worker, set[str]] = {}
        self._answers: dict[str, tuple[str, object]] = {}
        for _ in range(workers):  # each starts importing WeasyPrint at once
            worker = Worker("reports.pdf", "serve_pdfs")
            self.workers.append(worker)
            self._unanswered[worker] = set()

    def submit(self, html_path: Path, pdf_path: Path) -> PdfJob:
        worker = min(self.workers, key=lambda w: len(self._unanswered[w]))
        worker.send((str(html_path), str(pdf_path)))
        self._unanswered[worker].add(str(pdf_path))
        return PdfJob(self, worker, pdf_path)

    def answer(self, worker: Worker, path: str) -> tuple[str, object]:
        """The worker's answer for `path` (keeping any earlier answers it gives meanwhile)."""
        while path not in self._answers:
            try:
                done, status, detail = worker.recv()
            except WorkerStopped as e:
                raise PdfError(f"{Path(path).name}: the PDF worker stopped ({e})") from e
            self._unanswered[worker].discard(done)
            self._answers[done] = (status, detail)
        return self._answers.pop(path)

    def close(self) -> None:
        """Stop every worker (at once, even mid-render)."""
        for worker in self.workers:
            worker.close()
        self.workers.clear()
        self._unanswered.clear()
