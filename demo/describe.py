"""Headline figures of a generated set, computed straight from the generated episodes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from core.periods import Period, period_of_quarter_end
from demo.dates import NONE, age_on, day, to_date

_FOSTER = ["U1", "U2", "U3", "U4", "U5", "U6"]


def latest_quarter_end(through: date) -> Period:
    """The latest financial-year quarter ending on or before `through`."""
    d = through
    while True:
        try:
            return period_of_quarter_end(d)
        except Exception:
            d = to_date(day(d) - 1)


@dataclass
class Headline:
    """Additive counts (summed over chunks) and the figures derived from them."""

    period: Period
    looked_after: int = 0
    fostered: int = 0
    started_ytd: int = 0
    ceased_ytd: int = 0
    care_leavers: int = 0
    population: int = 0

    @property
    def rate_per_10k(self) -> float:
        return self.looked_after / self.population * 10_000 if self.population else float("nan")

    @property
    def fostered_pct(self) -> float:
        return self.fostered / self.looked_after * 100 if self.looked_after else float("nan")

    def add(self, other: Headline) -> None:
        for name in ("looked_after", "fostered", "started_ytd", "ceased_ytd", "care_leavers"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def lines(self) -> list[str]:
        p = self.period
        return [
            f"headline figures at {p.end.isoformat()} ({p.label}):",
            f"  children looked after: {self.looked_after} "
            f"(rate {self.rate_per_10k:.1f} per 10,000 under-18s of {self.population:,})",
            f"  periods of care started {p.fy_start.isoformat()}..{p.end.isoformat()}: "
            f"{self.started_ytd}; ceased: {self.ceased_ytd}",
            f"  fostered (U1-U6): {self.fostered_pct:.1f}%",
            f"  care leavers aged 16-21 who had left care by {p.end.isoformat()}: "
            f"{self.care_leavers}",
        ]


def count_chunk(
    period: Period, ep: dict[str, np.ndarray], leavers: np.ndarray, dob: np.ndarray
) -> Headline:
    """Figures of one chunk. `ep` holds child, DECOM, DEC (NONE = open), LS, PLACE, sorted
    by child and DECOM; `leavers` the child (index into `dob`) of each care_leavers row."""
    e, s = day(period.end), day(period.fy_start)
    keep = (ep["LS"] != "V3") & (ep["LS"] != "V4")
    child, decom, dec, place = (
        ep["child"][keep],
        ep["DECOM"][keep],
        ep["DEC"][keep],
        ep["PLACE"][keep],
    )
    on_e = (decom <= e) & ((dec == NONE) | (dec > e))
    h = Headline(period)
    h.looked_after = len(np.unique(child[on_e]))
    h.fostered = len(np.unique(child[on_e & np.isin(place, _FOSTER)]))
    # periods of care: a new one wherever DECOM is not the previous episode's DEC
    first = np.ones(len(child), bool)
    first[1:] = (child[1:] != child[:-1]) | (decom[1:] != dec[:-1])
    lastp = np.ones(len(child), bool)
    lastp[:-1] = first[1:]
    h.started_ytd = int(((decom >= s) & (decom <= e) & first).sum())
    h.ceased_ytd = int(((dec != NONE) & (dec >= s) & (dec <= e) & lastp).sum())
    # care leavers aged 16-21 on E who had left care by E (not looked after on E)
    who = np.unique(leavers)
    left = np.zeros(len(dob), bool)
    ended = (dec != NONE) & (dec <= e)
    left[child[ended]] = True
    left[child[on_e]] = False
    age = age_on(dob[who], np.full(len(who), e))
    h.care_leavers = int((left[who] & (age >= 16) & (age <= 21)).sum())
    return h
