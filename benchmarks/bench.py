"""`make bench`: whole-process wall time, ratio to the floor and peak RSS, one table.

    .venv/bin/python benchmarks/bench.py [--sizes 1000,100000] [--with-1m] [--only run,floor]

For each size (children across the whole history) it generates the extract set once with
`cla demo-data --seed 903 --through 2026-03-31` and caches it under benchmarks/data/
(ignored by git), then runs, each in a fresh process and one after another:

    floor       benchmarks/floor.py: import great_expectations, read every CSV into DuckDB
    validate    cla validate DIR
    run         cla run DIR --period 2025-26-Q4 (stages from its manifest.json timings)
    backfill    cla backfill DIR --from 2023-24-Q1 --to 2025-26-Q4 (12 quarters, one build)
    pandas      benchmarks/pandas_baseline.py: an analyst's pandas for three indicators,
                against benchmarks/pipeline_three.py (the pipeline's SQL for the same three,
                on the set loaded and validated in memory); their figures must agree

Peak RSS is the largest resident set of the process or of any one of its children (wait4's
rusage), as `/usr/bin/time -v` reports it; CPU s is user + system time of the process and
its waited-for children (the check worker included). On a shared machine absolute times
move with the load; the ratios are measured minutes apart in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / "data"
SEED, THROUGH = 903, "2026-03-31"
PERIOD, BACKFILL = "2025-26-Q4", ("2023-24-Q1", "2025-26-Q4")
MEASURES = ("floor", "validate", "run", "backfill", "pandas")
ENV = {
    "TZ": "UTC",
    "GX_ANALYTICS_ENABLED": "False",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
}


@dataclass
class Row:
    size: int
    what: str
    wall_s: float
    rss_mb: float
    cpu_s: float
    note: str = ""
    ratio: float | None = field(default=None)


def timed(cmd: list[str]) -> tuple[float, float, float, str]:
    """Wall seconds, peak RSS (MB), CPU seconds and stdout of one process; raises if it fails."""
    env = {**os.environ, **ENV, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage, not a running max
        wall = time.perf_counter() - started
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        if code != 0:
            raise RuntimeError(f"{' '.join(cmd)} exited {code}:\n{err.read()[-2000:]}")
        return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, out.read()


def extract_set(children: int) -> Path:
    """The cached extract set of `children` children (generated on first use)."""
    folder = DATA / f"children_{children}"
    marker = DATA / f"children_{children}.json"
    want = {"children": children, "seed": SEED, "through": THROUGH}
    if folder.is_dir() and marker.exists() and json.loads(marker.read_text()) == want:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    DATA.mkdir(exist_ok=True)
    cla = [sys.executable, "-m", "cla.cli", "demo-data", "--out", str(folder)]
    wall, rss, _, _ = timed(
        cla + ["--children", str(children), "--seed", str(SEED), "--through", THROUGH]
    )
    print(f"generated {children:,} children in {wall:.1f} s (peak {rss:.0f} MB)", flush=True)
    marker.write_text(json.dumps(want))
    return folder


def cla(*args: str) -> list[str]:
    return [sys.executable, "-m", "cla.cli", *args]


def stages(manifest: Path) -> str:
    t = json.loads(manifest.read_text())["timings_s"]
    keys = ("load_s", "validate_s", "build_s", "check_s", "render_s")
    return " ".join(f"{k.removesuffix('_s')} {t[k]:.1f}" for k in keys if k in t)


def measure(children: int, only: set[str], tmp: Path) -> list[Row]:
    folder = extract_set(children)
    rows: list[Row] = []

    def add(what: str, cmd: list[str], note=lambda out: "") -> str:
        wall, rss, cpu, out = timed(cmd)
        rows.append(Row(children, what, wall, rss, cpu, note(out)))
        print(
            f"  {children:>9,} {what:<10} {wall:7.1f} s {rss:7.0f} MB {cpu:7.1f} CPU s  "
            f"{rows[-1].note}"
        )
        return out

    out_dir = tmp / f"out_{children}"
    if "floor" in only:
        add(
            "floor",
            [sys.executable, str(HERE / "floor.py"), str(folder)],
            lambda o: "import GX {import_s:.1f}, read CSVs {read_s:.1f}".format(**json.loads(o)),
        )
    if "validate" in only:
        add("validate", cla("validate", str(folder)))
    if "run" in only:
        add(
            "run",
            cla("run", str(folder), "--period", PERIOD, "--out", str(out_dir)),
            lambda o: stages(out_dir / PERIOD / "manifest.json"),
        )
    if "backfill" in only:
        bf = tmp / f"backfill_{children}"
        add(
            "backfill",
            cla(
                "backfill",
                str(folder),
                "--from",
                BACKFILL[0],
                "--to",
                BACKFILL[1],
                "--out",
                str(bf),
            ),
        )
        shutil.rmtree(bf, ignore_errors=True)
    if "pandas" in only:
        base = json.loads(
            add(
                "pandas",
                [sys.executable, str(HERE / "pandas_baseline.py"), str(folder), PERIOD],
                lambda o: "read {read_s:.1f}, compute {compute_s:.1f}".format(**json.loads(o)),
            )
        )
        ours = json.loads(
            add(
                "sql_three",
                [
                    sys.executable,
                    str(HERE / "pipeline_three.py"),
                    str(folder),
                    PERIOD,
                ],
                lambda o: "SQL {sql_s:.2f}".format(**json.loads(o)),
            )
        )
        same = all(
            ours["values"][i][p] == v for i, by_p in base["values"].items() for p, v in by_p.items()
        )
        speedup = base["compute_s"] / ours["sql_s"]
        rows[-1].note += f"; pandas compute / SQL = {speedup:.1f}x; figures agree: {same}"
    shutil.rmtree(out_dir, ignore_errors=True)
    floor = next((r.wall_s for r in rows if r.what == "floor"), None)
    for r in rows:
        r.ratio = r.wall_s / floor if floor else None
    return rows


def table(rows: list[Row]) -> str:
    lines = [
        "| children | measure | wall s | × floor | CPU s | peak RSS MB | notes |",
        "|---:|---|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else ""
        lines.append(
            f"| {r.size:,} | {r.what} | {r.wall_s:.1f} | {ratio} | {r.cpu_s:.1f} | {r.rss_mb:,.0f} "
            f"| {r.note} |"
        )
    return "\n".join(lines)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="1000,100000", help="comma-separated (default 1000,100000)")
    p.add_argument("--with-1m", action="store_true", help="add 1,000,000 children (slow)")
    p.add_argument("--only", default=",".join(MEASURES), help=f"subset of {','.join(MEASURES)}")
    args = p.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s] + ([1_000_000] if args.with_1m else [])
    only = set(args.only.split(","))
    if unknown := only - set(MEASURES):
        p.error(f"unknown measure(s): {', '.join(sorted(unknown))}")
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="cla-bench-") as tmp:
        for n in sizes:
            rows += measure(n, only, Path(tmp))
    print(f"\nmachine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
