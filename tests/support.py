"""Helpers shared by tests: paths, and running the `cla` command line as a user would."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pyarrow.parquet as pq
from pypdf import PdfReader

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
CLA = [sys.executable, "-m", "cla.cli"]


def cla(
    *args: str, cwd: Path | None = None, env: dict | None = None, check: bool = False
) -> subprocess.CompletedProcess:
    """Run the `cla` command line as a user would (a separate process)."""
    proc = subprocess.run(
        [*CLA, *args],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=600,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"cla {' '.join(args)} exited {proc.returncode}:\n{proc.stderr}")
    return proc


def published_text(out: Path) -> str:
    """Every published file under OUT outside restricted/, as searchable text."""
    chunks = []
    for p in out.rglob("*"):
        if not p.is_file() or "restricted" in p.relative_to(out).parts:
            continue
        if p.suffix == ".pdf":
            chunks.append("".join(pg.extract_text() for pg in PdfReader(p).pages))
        elif p.suffix == ".xlsx":
            with zipfile.ZipFile(p) as z:
                chunks.extend(z.read(n).decode("utf-8", "replace") for n in z.namelist())
        elif p.suffix == ".parquet":
            chunks.append(pq.read_table(p).to_pandas().to_csv())
        else:
            chunks.append(p.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(chunks)
