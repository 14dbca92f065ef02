"""What an analyst would write in pandas: cla_count, placement_stability_3plus, review_timeliness.

    .venv/bin/python benchmarks/pandas_baseline.py EXTRACT_DIR PERIOD

Reads episodes, reviews and the bank holidays with `pandas.read_csv`, drops short breaks,
numbers periods of care and placements, then loops over the 13 quarters the pipeline builds
for PERIOD (it and the 12 before). Prints one JSON object: `read_s`, `compute_s` and
`values` {indicator_id: {period: [numerator, denominator]}} so the benchmark can compare the
figures with the pipeline's (a second method, as well as a timing). No validation: on a
clean extract set the figures agree.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from core.periods import parse_period


def read(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame, np.ndarray]:
    """Episodes (short breaks dropped, sorted), distinct reviews, bank holidays."""
    eps = pd.read_csv(folder / "episodes.csv", dtype=str, keep_default_na=False)
    eps = eps[~eps["LS"].str.strip().str.upper().isin(["V3", "V4"])].copy()
    eps["DECOM"] = pd.to_datetime(eps["DECOM"], format="%d/%m/%Y")
    eps["DEC"] = pd.to_datetime(eps["DEC"].replace("", None), format="%d/%m/%Y")
    eps["RNE"] = eps["RNE"].str.strip().str.upper()
    eps = eps.sort_values(["CHILD", "DECOM"]).reset_index(drop=True)
    reviews = pd.read_csv(folder / "reviews.csv", dtype=str, usecols=["CHILD", "REVIEW"])
    reviews["REVIEW"] = pd.to_datetime(reviews["REVIEW"], format="%d/%m/%Y")
    reviews = reviews.dropna().drop_duplicates()
    bank = pd.read_csv(folder / "reference" / "bank_holidays.csv", parse_dates=["date"])
    return eps, reviews, bank["date"].values.astype("datetime64[D]")


def spans(eps: pd.DataFrame, key: str) -> pd.DataFrame:
    """CHILD, start (first DECOM) and end (the last episode's DEC, NaT while open) per key."""
    first = eps.drop_duplicates(key, keep="first").set_index(key)
    last = eps.drop_duplicates(key, keep="last").set_index(key)
    return pd.DataFrame({"CHILD": first["CHILD"], "start": first["DECOM"], "end": last["DEC"]})


def number(eps: pd.DataFrame, holidays: np.ndarray) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Periods of care and placements (start, end = last episode's DEC)."""
    same_child = eps["CHILD"].eq(eps["CHILD"].shift())
    starts_period = ~same_child | eps["DECOM"].ne(eps["DEC"].shift())
    eps["period_id"] = starts_period.cumsum()
    eps["placement_id"] = (starts_period | eps["RNE"].isin(["P", "B", "S"])).cumsum()
    periods = spans(eps, "period_id")
    # the 20th working day after the start (a weekend start counts from the day before)
    periods["first_due"] = np.busday_offset(
        periods["start"].values.astype("datetime64[D]"), 20, roll="backward", holidays=holidays
    )
    periods["first_due"] = pd.to_datetime(periods["first_due"])
    placements = spans(eps, "placement_id")
    return periods, placements


def review_chain(periods: pd.DataFrame, reviews: pd.DataFrame) -> pd.DataFrame:
    """Reviews within each period of care, numbered, with due, held_late and next_due."""
    r = reviews.merge(periods.reset_index(), on="CHILD")
    r = r[(r["REVIEW"] >= r["start"]) & (r["end"].isna() | (r["REVIEW"] <= r["end"]))]
    r = r.sort_values(["period_id", "REVIEW"]).reset_index(drop=True)
    r["n"] = r.groupby("period_id").cumcount() + 1
    previous = r.groupby("period_id")["REVIEW"].shift()
    r["due"] = r["first_due"]
    r.loc[r["n"] == 2, "due"] = previous[r["n"] == 2] + pd.DateOffset(months=3)
    r.loc[r["n"] > 2, "due"] = previous[r["n"] > 2] + pd.DateOffset(months=6)
    r["held_late"] = r["REVIEW"] > r["due"]
    r["next_due"] = r["REVIEW"] + pd.DateOffset(months=6)
    r.loc[r["n"] == 1, "next_due"] = r.loc[r["n"] == 1, "REVIEW"] + pd.DateOffset(months=3)
    return r


def quarter(eps, placements, periods, chain, end: pd.Timestamp, fy_start: pd.Timestamp):
    """(cla_count, (3+ placements, cohort), (reviews on time, cohort)) on one quarter end."""
    open_ = eps[(eps["DECOM"] <= end) & (eps["DEC"].isna() | (eps["DEC"] > end))]
    cohort = open_[["CHILD", "period_id"]]
    in_ytd = placements[
        (placements["start"] <= end) & (placements["end"].isna() | (placements["end"] > fy_start))
    ]
    counts = in_ytd.groupby("CHILD").size()
    three_plus = int((cohort["CHILD"].map(counts).fillna(0) >= 3).sum())

    due = cohort.merge(periods[["first_due"]], left_on="period_id", right_index=True)
    due = due[due["first_due"] <= end]
    held = chain[chain["period_id"].isin(due["period_id"]) & (chain["REVIEW"] <= end)]
    late = set(held.loc[held["held_late"] & (held["REVIEW"] >= fy_start), "period_id"])
    last = held.sort_values("n").groupby("period_id")["next_due"].last()
    next_due = due["period_id"].map(last).fillna(due["first_due"])
    on_time = int((~due["period_id"].isin(late) & ~(next_due < end)).sum())
    return len(cohort), (three_plus, len(cohort)), (on_time, len(due))


def main() -> None:
    folder, last = Path(sys.argv[1]), parse_period(sys.argv[2])
    t = time.perf_counter()
    eps, reviews, holidays = read(folder)
    read_s = time.perf_counter() - t
    t = time.perf_counter()
    periods, placements = number(eps, holidays)
    chain = review_chain(periods, reviews)
    values: dict[str, dict[str, list[int | None]]] = {
        "cla_count": {},
        "placement_stability_3plus": {},
        "review_timeliness": {},
    }
    for k in range(12, -1, -1):
        p = last.shift(-k)
        count, stability, timeliness = quarter(
            eps, placements, periods, chain, pd.Timestamp(p.end), pd.Timestamp(p.fy_start)
        )
        values["cla_count"][p.label] = [count, None]
        values["placement_stability_3plus"][p.label] = list(stability)
        values["review_timeliness"][p.label] = list(timeliness)
    compute_s = time.perf_counter() - t
    print(json.dumps({"read_s": read_s, "compute_s": compute_s, "values": values}))


if __name__ == "__main__":
    main()
