"""Time validation of a large extract set (default 100,000 children).

    .venv/bin/python benchmarks/bench_validate.py [--children N] [--keep DIR]
    .venv/bin/python benchmarks/bench_validate.py --from DIR   # e.g. `cla demo-data` output

Uses `demo.write_extract_set` when the demo generator provides it, else builds a clean
synthetic set here (vectorised with polars): per child a header row, three chained episodes
(S -> X1 -> P, the last open for a quarter of children), four reviews, a missing episode,
health rows and, for some, UASC and care-leaver rows. Prints discovery+load and validation
times separately.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from transforms.validation.run import check_extract  # noqa: E402

BASE = date(2015, 4, 1)


def _d(days: pl.Expr) -> pl.Expr:
    """dd/mm/yyyy text of BASE + days."""
    return (pl.lit(BASE) + pl.duration(days=days)).dt.strftime("%d/%m/%Y")


def synthetic_set(folder: Path, children: int) -> None:
    """Write a clean extract set of `children` children to folder."""
    ids = pl.DataFrame({"i": pl.int_range(children, eager=True)})
    c = ids.with_columns(
        CHILD=pl.format("C{}", pl.col("i")),
        start=(pl.col("i") * 7919) % 3000,
        dob_back=3650 + (pl.col("i") * 131) % 2500,
        open_=(pl.col("i") % 4) == 0,
    )
    c.select(
        "CHILD",
        SEX=pl.when(pl.col("i") % 2 == 0).then(pl.lit("M")).otherwise(pl.lit("F")),
        DOB=_d(pl.col("start") - pl.col("dob_back")),
        ETHNIC=pl.lit("WBRI"),
        UPN=pl.lit(""),
        MOTHER=pl.lit(""),
        MC_DOB=pl.lit(""),
    ).write_csv(folder / "header.csv")
    e1 = c.select(
        "CHILD",
        "open_",
        s=pl.col("start"),
        e=pl.col("start") + 200,
        RNE=pl.lit("S"),
        REC=pl.lit("X1"),
    )
    e2 = c.select(
        "CHILD",
        "open_",
        s=pl.col("start") + 200,
        e=pl.col("start") + 500,
        RNE=pl.lit("P"),
        REC=pl.lit("X1"),
    )
    e3 = c.select(
        "CHILD",
        "open_",
        s=pl.col("start") + 500,
        e=pl.col("start") + 900,
        RNE=pl.lit("P"),
        REC=pl.lit("E8"),
    )
    eps = pl.concat([e1, e2, e3]).sort("CHILD", "s")
    last = pl.col("REC") == "E8"
    eps.select(
        "CHILD",
        DECOM=_d(pl.col("s")),
        RNE="RNE",
        LS=pl.lit("C2"),
        CIN=pl.lit("N1"),
        PLACE=pl.lit("U4"),
        PLACE_PROVIDER=pl.lit("PR1"),
        DEC=pl.when(last & pl.col("open_")).then(pl.lit("")).otherwise(_d(pl.col("e"))),
        REC=pl.when(last & pl.col("open_")).then(pl.lit("")).otherwise(pl.col("REC")),
        REASON_PLACE_CHANGE=pl.lit(""),
        HOME_POST=pl.lit("HA1 2AB"),
        PL_POST=pl.lit("HA2 0AA"),
        URN=pl.lit(""),
    ).write_csv(folder / "episodes.csv")
    pl.concat([c.select("CHILD", "dob_back", "start", k=pl.lit(k)) for k in range(4)]).select(
        "CHILD",
        DOB=_d(pl.col("start") - pl.col("dob_back")),
        REVIEW=_d(pl.col("start") + 20 + 150 * pl.col("k")),
        REVIEW_CODE=pl.lit("PN1"),
    ).write_csv(folder / "reviews.csv")
    c.select(
        "CHILD",
        MISSING=pl.lit("M"),
        MIS_START=_d(pl.col("start") + 100),
        MIS_END=_d(pl.col("start") + 102),
    ).write_csv(folder / "missing.csv")
    c.filter(pl.col("i") % 20 == 0).select(
        "CHILD", SEX=pl.lit("M"), DOB=_d(pl.col("start") - pl.col("dob_back")), DUC=pl.lit("")
    ).write_csv(folder / "uasc.csv")
    two = pl.concat([c.with_columns(k=pl.lit(k)) for k in range(2)])
    two.select(
        "CHILD",
        ASSESSMENT_TYPE=pl.when(pl.col("k") == 0).then(pl.lit("IHA")).otherwise(pl.lit("RHA")),
        DUE_DATE=_d(pl.col("start") + 28 + 365 * pl.col("k")),
        COMPLETED_DATE=_d(pl.col("start") + 20 + 365 * pl.col("k")),
        CONSENT_REFUSED=pl.lit("N"),
    ).write_csv(folder / "health_assessments.csv")
    two.select("CHILD", CHECK_DATE=_d(pl.col("start") + 60 + 300 * pl.col("k"))).write_csv(
        folder / "dental_checks.csv"
    )
    two.select(
        "CHILD", RECORD_DATE=_d(pl.col("start") + 70 + 300 * pl.col("k")), UP_TO_DATE=pl.lit("Y")
    ).write_csv(folder / "immunisations.csv")
    two.select(
        "CHILD",
        SDQ_DATE=_d(pl.col("start") + 80 + 300 * pl.col("k")),
        SDQ_SCORE=(pl.col("i") % 41).cast(pl.String),
    ).write_csv(folder / "sdq.csv")
    c.filter(pl.col("i") % 3 == 0).select(
        "CHILD",
        DOB=_d(pl.col("start") - pl.col("dob_back")),
        CONTACT_DATE=_d(pl.col("start") + 950),
        IN_TOUCH=pl.lit("YES"),
        ACTIV=pl.lit("F2"),
        ACCOM=pl.lit("B1"),
    ).write_csv(folder / "care_leavers.csv")


def write_set(folder: Path, children: int) -> str:
    try:
        from demo import write_extract_set  # type: ignore[attr-defined]
    except ImportError:
        synthetic_set(folder, children)
        return "benchmarks synthetic set"
    write_extract_set(folder, children=children)
    return "demo.write_extract_set"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--children", type=int, default=100_000)
    p.add_argument("--keep", type=Path, help="write the set here and keep it")
    p.add_argument("--from", dest="source", type=Path, help="validate this existing set")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.source or args.keep or Path(tmp)
        if not args.source:
            folder.mkdir(parents=True, exist_ok=True)
            t = time.perf_counter()
            source = write_set(folder, args.children)
            print(f"wrote {args.children} children ({source}) in {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        checked = check_extract(folder)
        total = time.perf_counter() - t
        r = checked.result
        assert r is not None, checked.blocking
        rows = sum(f.rows_read for f in r.files)
        print(
            f"validated {rows} rows in {len(r.files)} files: {total:.2f} s total "
            f"(discover+load+validate); {r.row_errors} row errors, {r.warnings} warnings, "
            f"{len(r.blocking)} blocking"
        )
        print("validation steps (s):", r.timings)


if __name__ == "__main__":
    main()
