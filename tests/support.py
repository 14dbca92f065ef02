"""Helpers shared by tests: paths, and running the `cla` command line as a user would."""

import fcntl
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
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


def shared_folder(tmp_path_factory, name: str, build: Callable[[Path], None]) -> Path:
    """A folder built once per test session and shared by every pytest-xdist worker.

    The first worker to ask builds it, holding a file lock; the others wait on the lock and
    reuse what it built. Tests must only read the folder (copy it to change anything). A
    build that raises leaves nothing marked done, so the next caller builds again."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the session's temp folder, above each worker's own
    shared = base / "shared"
    shared.mkdir(exist_ok=True)
    folder, done = shared / name, shared / f"{name}.done"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            build(folder)
            done.touch()
    return folder


def demo_extract(tmp_path_factory, through: str, fmt: str = "csv") -> Path:
    """`cla demo-data --through THROUGH --format FMT` (1,000 children, seed 903), built once
    per session. Read-only: copy it before changing a file."""
    return shared_folder(
        tmp_path_factory,
        f"demo-{through}-{fmt}",
        lambda out: cla(
            "demo-data", "--out", str(out), "--through", through, "--format", fmt, check=True
        ),
    )
