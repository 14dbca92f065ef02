"""Print the SQL build time for 1 quarter vs 12 quarters over a large extract set.

    .venv/bin/python benchmarks/bench_build.py [--children 100000] [--extract DIR]

Uses the `cla demo-data` generator (`demo.generate`) when it exists; otherwise, or with
`--own-data`, writes its own synthetic 903 extract (header, episodes, reviews, missing,
uasc, health, care leavers). Loading and validation run once and are reported separately;
the figure that matters is build(12 quarters) / build(1 quarter) (target: under 2).
"""

from __future__ import annotations

import argparse
import csv
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from core.periods import Period, parse_period
from schemas.tables import TABLES
from transforms import build as sql_build
from transforms.pipeline import open_validated

THROUGH = date(2021, 3, 31)


def _write(path: Path, table: str, rows: list[dict]) -> None:
    columns = TABLES[table].columns
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)


def synthesise(folder: Path, children: int, seed: int = 1) -> None:
    """A large, valid extract: contiguous chains, gaps, moves, reviews, missing, health."""
    rng = random.Random(seed)
    tables: dict[str, list[dict]] = {t: [] for t in TABLES}
    for i in range(children):
        child = f"C{i:07d}"
        start = date(2010, 4, 1) + timedelta(days=rng.randrange(0, 3900))
        dob = start - timedelta(days=rng.randrange(30, 17 * 365))
        tables["header"].append(
            {
                "CHILD": child,
                "SEX": rng.choice("12"),
                "DOB": dob.isoformat(),
                "ETHNIC": rng.choice(["WBRI", "MWBC", "AIND", "BAFR", "OOTH"]),
            }
        )
        day, gap = start, True
        for k in range(rng.randint(1, 6)):
            end = day + timedelta(days=rng.randint(5, 500))
            last = end >= THROUGH or rng.random() < 0.15
            is_open = end >= THROUGH or (last and rng.random() < 0.5)
            next_gap = rng.random() < 0.3
            home = f"AB{rng.randint(1, 9)} {rng.randint(0, 9)}XY"
            tables["episodes"].append(
                {
                    "CHILD": child,
                    "DECOM": day.isoformat(),
                    "RNE": "S" if gap else rng.choice("PPPLTUB"),
                    "LS": "C2",
                    "CIN": "N1",
                    "PLACE": rng.choice(["U1", "U4", "U6", "K2", "P1", "H5"])
                    if day.year < 2023
                    else "U4",
                    "PLACE_PROVIDER": "PR1",
                    "DEC": "" if is_open else end.isoformat(),
                    "REC": "" if is_open else ("E8" if (next_gap or last) else "X1"),
                    "HOME_POST": home,
                    "PL_POST": f"AB{rng.randint(1, 9)} {rng.randint(0, 9)}ZZ",
                }
            )
            review = day + timedelta(days=rng.randint(10, 40))
            while review < min(end, THROUGH):
                tables["reviews"].append(
                    {"CHILD": child, "DOB": dob.isoformat(), "REVIEW": review.isoformat()}
                )
                review += timedelta(days=rng.randint(80, 200))
            if rng.random() < 0.1:
                tables["missing"].append(
                    {
                        "CHILD": child,
                        "DOB": dob.isoformat(),
                        "MISSING": rng.choice("MA"),
                        "MIS_START": (day + timedelta(days=1)).isoformat(),
                    }
                )
            if rng.random() < 0.5 and day + timedelta(days=20) < THROUGH:
                tables["health_assessments"].append(
                    {
                        "CHILD": child,
                        "ASSESSMENT_TYPE": "IHA" if k == 0 else "RHA",
                        "DUE_DATE": (day + timedelta(days=20)).isoformat(),
                        "COMPLETED_DATE": (day + timedelta(days=20)).isoformat(),
                        "CONSENT_REFUSED": "N",
                    }
                )
            if is_open or last:
                break
            gap = next_gap
            day = end + timedelta(days=rng.randint(5, 200)) if gap else end
            if day >= THROUGH:
                break
        if rng.random() < 0.05:
            tables["uasc"].append({"CHILD": child, "SEX": "1", "DOB": dob.isoformat()})
        if dob < date(2002, 1, 1) and rng.random() < 0.5:
            tables["care_leavers"].append(
                {
                    "CHILD": child,
                    "DOB": dob.isoformat(),
                    "CONTACT_DATE": (dob + timedelta(days=19 * 365 + 10)).isoformat(),
                    "IN_TOUCH": "YES",
                    "ACTIV": "G5",
                    "ACCOM": "B1",
                }
            )
    for table, rows in tables.items():
        if rows:
            _write(folder / f"{table}.csv", table, rows)
    (folder / "reference").mkdir(exist_ok=True)
    with (folder / "reference" / "postcodes.csv").open("w", encoding="utf-8") as f:
        f.write("postcode_sector,latitude,longitude\n")
        for a in range(1, 10):
            for b in range(10):
                f.write(f"AB{a} {b},{51 + a / 10},{-1 + b / 10}\n")


def make_extract(folder: Path, children: int, own: bool = False) -> None:
    """The `cla demo-data` generator when it is installed (unless `own`), else synthesise."""
    try:
        if own:
            raise ImportError
        from demo.generate import generate
    except ImportError:
        print(f"synthesising {children:,} children (own generator)")
        synthesise(folder, children)
    else:
        print(f"writing the demo extract set for {children:,} children (cla demo-data)")
        generate(folder, children=children, through=THROUGH)


def timed_build(con, periods: list[Period]) -> float:
    t = time.perf_counter()
    sql_build.build(con, periods)
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=100_000)
    parser.add_argument("--extract", type=Path, help="an existing extract set to use")
    parser.add_argument("--period", default="2020-21-Q4")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--own-data", action="store_true", help="use the built-in generator")
    args = parser.parse_args()
    last = parse_period(args.period)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.extract or Path(tmp)
        if args.extract is None:
            t = time.perf_counter()
            make_extract(folder, args.children, args.own_data)
            print(f"extract written in {time.perf_counter() - t:.1f}s")
        wh = open_validated(folder, extract_date=THROUGH)
        print(f"load {wh.timings['load_s']:.1f}s, validate {wh.timings['validate_s']:.1f}s")
        timed_build(wh.con, [last])  # warm-up
        episodes = wh.con.execute("SELECT count(*) FROM stg_episodes").fetchone()
        twelve_quarters = [last.shift(-k) for k in range(12)]
        ones, twelves = [], []
        for _ in range(args.repeat):  # alternate, keep the best of each (a shared machine)
            ones.append(timed_build(wh.con, [last]))
            twelves.append(timed_build(wh.con, twelve_quarters))
        one, twelve = min(ones), min(twelves)
        print(f"episodes: {episodes[0]:,}")
        print(f"build 1 quarter:   {one:.2f}s")
        print(f"build 12 quarters: {twelve:.2f}s  (ratio {twelve / one:.2f}, target < 2)")
        wh.con.close()


if __name__ == "__main__":
    main()
