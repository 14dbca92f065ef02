"""Write a synthetic extract set: children drawn in chunks, every table streamed to CSV."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import polars as pl

from core.periods import Period
from demo import events
from demo.care_leavers import care_leavers
from demo.children import HISTORY_YEARS, child_ids, draw_children, ethnicities, sexes, upns
from demo.dates import NONE, add_years, day
from demo.describe import Headline, count_chunk, latest_quarter_end
from demo.episodes import Children, EpisodeRows, build_episodes, build_short_breaks
from demo.export_tables import write_export_tables
from demo.postcodes import PostcodePool, load_pool
from demo.reference import population, write_reference
from demo.scenarios import SCENARIOS, SHORT_BREAK
from demo.writer import TableSink, to_frame

CHUNK = 50_000  # children per chunk (fixed: the output must not depend on it varying)
TABLE_ORDER = (
    "header",
    "episodes",
    "reviews",
    "missing",
    "uasc",
    "ad1",
    "placed_adoption",
    "health_assessments",
    "dental_checks",
    "immunisations",
    "sdq",
    "care_leavers",
)


@dataclass
class Summary:
    out: Path
    children: int
    through: date
    rows: dict[str, int]
    headline: Headline

    def line(self) -> str:
        return (
            f"wrote {self.out}: {self.children:,} children through {self.through.isoformat()}, "
            f"{self.rows['episodes']:,} episodes, {sum(self.rows.values()):,} rows in "
            f"{len(self.rows)} files; {self.headline.looked_after:,} looked after at "
            f"{self.headline.period.end.isoformat()} "
            f"({self.headline.rate_per_10k:.1f} per 10,000)"
        )


def generate(
    out: Path,
    children: int = 1000,
    seed: int = 903,
    through: date | None = None,
    progress: Callable[[str], None] | None = None,
    fmt: str = "csv",
) -> Summary:
    """Write the demo extract set for `children` distinct children into `out`.

    Deterministic for a given (children, seed, through). With fmt="xml" the 903 tables the
    DfE XML layout carries are written as one XML return (SSDA903.xml) instead of CSVs."""
    if children < 1:
        raise ValueError("children must be at least 1")
    through = through or date.today()
    t = day(through)
    pool = load_pool()
    period = latest_quarter_end(through)
    headline = Headline(period)
    sink = TableSink(out, list(TABLE_ORDER))
    try:
        for first in range(0, children, CHUNK):
            numbers = np.arange(first + 1, min(first + CHUNK, children) + 1)
            rng = np.random.default_rng([seed, first // CHUNK])
            headline.add(_chunk(rng, numbers, t, pool, sink, period))
            if progress:
                progress(f"{numbers[-1]:,} of {children:,} children")
    finally:
        sink.close()
    rows = dict(sink.rows)
    rows.update(write_export_tables(out, through, seed))
    if fmt == "xml":
        as_xml_return(out)
    first_year = through.year - HISTORY_YEARS - max(s.lead_years for s in SCENARIOS) - 1
    write_reference(out, children, first_year, through.year, pool.sectors)
    pops = [
        p for d, p in population(children, first_year, through.year) if d <= period.end.isoformat()
    ]
    headline.population = pops[-1] if pops else 0
    return Summary(out, children, through, rows, headline)


def as_xml_return(out: Path) -> None:
    """Replace the 903 CSVs the XML layout carries by one XML return, SSDA903.xml.

    OC2/OC3 stay CSV files (one collection year each: a multi-year history cannot be one
    return), as do sw_episodes and DoLo (no element in the XML layout)."""
    import csv

    from demo.xml_return import write_xml_return

    names = {"prev_perm": "previous_permanence"}
    carried = ("header", "episodes", "reviews", "missing", "uasc", "ad1", "placed_adoption")
    tables = {}
    for t in (*carried, "prev_perm"):
        path = out / f"{names.get(t, t)}.csv"
        if path.exists():
            with open(path, newline="", encoding="utf-8") as fh:
                tables[t] = list(csv.DictReader(fh))
    write_xml_return(out / "SSDA903.xml", tables)
    for t in tables:
        (out / f"{names.get(t, t)}.csv").unlink()


def _episodes(rng: np.random.Generator, kids: Children, t: int, pool: PostcodePool) -> EpisodeRows:
    parts = []
    for i, sc in enumerate(SCENARIOS):
        sel = np.flatnonzero(kids.scenario == i)
        if len(sel) == 0:
            continue
        if sc.name == SHORT_BREAK:
            parts.append(build_short_breaks(rng, kids, sel, t))
        else:
            parts.append(build_episodes(rng, sc, kids, sel, t, pool))
    child = np.concatenate([p.child for p in parts])
    decom = np.concatenate([p.cols["DECOM"] for p in parts])
    order = np.lexsort((decom, child))
    cols = {k: np.concatenate([p.cols[k] for p in parts])[order] for k in parts[0].cols}
    decision = np.full(len(kids.number), NONE, np.int64)
    for p in parts:
        decision = np.where(p.decision != NONE, p.decision, decision)
    period = np.concatenate([p.period for p in parts])[order]
    return EpisodeRows(cols=cols, child=child[order], period=period, decision=decision)


def _chunk(
    rng: np.random.Generator,
    numbers: np.ndarray,
    t: int,
    pool: PostcodePool,
    sink: TableSink,
    period: Period,
) -> Headline:
    """Draw one chunk of children, write every table's rows for them, count headlines."""
    kids = draw_children(rng, numbers, t, pool)
    ep = _episodes(rng, kids, t, pool)
    ids = child_ids(kids.number)
    dob = kids.dob
    c = ep.cols
    has_ep = np.zeros(len(ids), bool)
    has_ep[ep.child] = True
    sex = sexes(rng, kids)
    h = np.flatnonzero(has_ep)
    # girls: mother status 0 (rule 393); none for children only ever on short breaks (399)
    breaks_only = kids.scenario == [s.name for s in SCENARIOS].index(SHORT_BREAK)
    mother = np.where((sex == "F") & ~breaks_only, "0", None).astype(object)
    sink.write(
        "header",
        _frame(
            "header",
            ids,
            h,
            {
                "SEX": sex[h],
                "DOB": dob[h],
                "ETHNIC": ethnicities(rng, len(ids))[h],
                "UPN": upns(kids, t)[h],
                "MOTHER": mother[h],
                "MC_DOB": np.full(len(h), NONE, np.int64),
            },
        ),
    )
    sink.write("episodes", _frame("episodes", ids, ep.child, c))

    per = events.periods_of(ep.child, ep.period, c["DECOM"], c["DEC"], c["REC"], c["LS"])
    rv = events.reviews(rng, per, dob, t)
    sink.write(
        "reviews", _frame("reviews", ids, rv["child"], {**rv, "DOB": dob[rv["child"]]}, "REVIEW")
    )
    rate = np.array([s.missing for s in SCENARIOS])[kids.scenario]
    ms = events.missing(rng, ep.child, c["DECOM"], c["DEC"], c["LS"], dob, rate, t)
    sink.write(
        "missing", _frame("missing", ids, ms["child"], {**ms, "DOB": dob[ms["child"]]}, "MIS_START")
    )

    uasc_idx = np.isin(kids.scenario, [i for i, s in enumerate(SCENARIOS) if s.uasc]) & has_ep
    u = np.flatnonzero(uasc_idx)
    b18 = add_years(dob[u], 18)  # DUC is the 18th birthday, even if still ahead (205B)
    sink.write(
        "uasc",
        _frame("uasc", ids, u, {"SEX": sex[u], "DOB": dob[u], "DUC": b18}),
    )
    _adoption(ids, dob, ep, rng, sink)

    ha = events.health_assessments(rng, per, t)
    sink.write("health_assessments", _frame("health_assessments", ids, ha["child"], ha, "DUE_DATE"))
    dc, dd = events.yearly(rng, per, t, (30, 200), 0.86)
    sink.write("dental_checks", _frame("dental_checks", ids, dc, {"CHECK_DATE": dd}, "CHECK_DATE"))
    ic, idt = events.yearly(rng, per, t, (20, 120), 0.97)
    upto = np.where(rng.random(len(ic)) < 0.79, "Y", "N").astype(object)
    sink.write(
        "immunisations",
        _frame("immunisations", ids, ic, {"RECORD_DATE": idt, "UP_TO_DATE": upto}, "RECORD_DATE"),
    )
    sq = events.sdq(rng, per, dob, t)
    sink.write("sdq", _frame("sdq", ids, sq["child"], sq, "SDQ_DATE"))
    cl = care_leavers(rng, per, dob, t)
    sink.write(
        "care_leavers",
        _frame("care_leavers", ids, cl["child"], {**cl, "DOB": dob[cl["child"]]}, "CONTACT_DATE"),
    )
    return count_chunk(period, {**c, "child": ep.child}, cl["child"], dob)


def _adoption(
    ids: np.ndarray, dob: np.ndarray, ep: EpisodeRows, rng: np.random.Generator, sink: TableSink
) -> None:
    """placed_adoption for every decision to place; ad1 for every adopted child."""
    c = ep.cols
    placed = np.flatnonzero(ep.decision != NONE)
    none = np.full(len(placed), NONE, np.int64)
    sink.write(
        "placed_adoption",
        _frame(
            "placed_adoption",
            ids,
            placed,
            {
                "DOB": dob[placed],
                "DATE_PLACED": ep.decision[placed],
                "DATE_PLACED_CEASED": none,
                "REASON_PLACED_CEASED": np.full(len(placed), None, dtype=object),
            },
        ),
    )
    adopted = np.flatnonzero(np.isin(c["REC"], ["E11", "E12"]))
    a = ep.child[adopted]
    match = c["DECOM"][adopted] - rng.integers(10, 41, len(a))
    ffa = c["PLACE"][adopted] == "A5"
    obj = lambda v: np.full(len(a), v, dtype=object)  # noqa: E731
    sink.write(
        "ad1",
        _frame(
            "ad1",
            ids,
            a,
            {
                "DOB": dob[a],
                "DATE_INT": ep.decision[a],
                "DATE_MATCH": match,
                "FOSTER_CARE": np.where(ffa, "1", "0").astype(object),
                "NB_ADOPTR": obj("2"),
                "SEX_ADOPTR": obj("MF"),
                "LS_ADOPTR": obj("L11"),
            },
        ),
    )


def _frame(
    table: str, ids: np.ndarray, child: np.ndarray, cols: dict, by: str | None = None
) -> pl.DataFrame:
    """Rows of one table for the chunk, sorted by child (then `by`)."""
    order = np.lexsort((cols[by], child)) if by else np.argsort(child, kind="stable")
    data = {k: np.asarray(v)[order] for k, v in cols.items() if k != "child"}
    data["CHILD"] = ids[child[order]]
    return to_frame(table, data)
