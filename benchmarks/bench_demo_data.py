"""Time `cla demo-data` at national scale: 100k and 1M children, each in a subprocess.

    .venv/bin/python benchmarks/bench_demo_data.py [--sizes 100000,1000000] [--keep DIR]

Prints wall time and peak RSS of each run (resource.getrusage(RUSAGE_CHILDREN) after the
child exits, so each size runs in its own fresh interpreter). Targets: 100k < 60 s;
1M < 10 minutes and < 4 GB.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LIMITS = {100_000: (60.0, None), 1_000_000: (600.0, 4 * 1024**3)}


def run_once(children: int, out: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (bytes) of one `cla demo-data` run in a fresh process."""
    code = (
        "import sys; from cla.cli import main; "
        f"sys.exit(main(['demo-data', '--out', {str(out)!r}, '--children', '{children}', "
        "'--through', '2025-09-30']))"
    )
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # max over children so far
    return elapsed, peak_kb * 1024


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="100000,1000000")
    p.add_argument("--keep", type=Path, help="write the sets here instead of a temp folder")
    args = p.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        for n in sorted(sizes):  # ascending: RUSAGE_CHILDREN keeps the maximum so far
            secs, rss = run_once(n, base / f"demo_{n}")
            size = sum(f.stat().st_size for f in (base / f"demo_{n}").rglob("*") if f.is_file())
            limit_s, limit_rss = LIMITS.get(n, (None, None))
            verdict = "ok"
            if (limit_s and secs > limit_s) or (limit_rss and rss > limit_rss):
                verdict, ok = "OVER LIMIT", False
            print(
                f"children={n:>9,}  wall={secs:7.1f} s  peak_rss={rss / 1024**2:7.0f} MiB  "
                f"output={size / 1024**2:7.0f} MiB  {verdict}"
            )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
