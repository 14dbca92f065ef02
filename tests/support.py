"""Helpers shared by tests: paths, and running the `cla` command line as a user would."""

import os
import subprocess
import sys
from pathlib import Path

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
