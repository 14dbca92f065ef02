"""Dated events while looked after: periods of care, reviews, missing spells, health."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from demo.dates import NONE, age_on


@dataclass
class Periods:
    """Periods of care (short breaks excluded): child index, start, end (NONE = open)."""

    child: np.ndarray
    start: np.ndarray
    end: np.ndarray
    last_rec: np.ndarray

    def stop(self, through: int) -> np.ndarray:
        """Exclusive end of the looked-after days within the history."""
        return np.where(self.end == NONE, through + 1, self.end)


def periods_of(
    child: np.ndarray,
    period: np.ndarray,
    decom: np.ndarray,
    dec: np.ndarray,
    rec: np.ndarray,
    ls: np.ndarray,
) -> Periods:
    """Episodes sorted by child and DECOM -> periods of care (non-V3)."""
    keep = ls != "V3"
    c, p, s, e, r = child[keep], period[keep], decom[keep], dec[keep], rec[keep]
    key = c.astype(np.int64) * 64 + p
    new = np.ones(len(key), bool)
    new[1:] = key[1:] != key[:-1]
    first = np.flatnonzero(new)
    last = (np.append(first[1:], len(key)) - 1).astype(np.int64)[: len(first)]
    return Periods(child=c[first], start=s[first], end=e[last], last_rec=r[last])


def series(
    rng: np.random.Generator,
    start: np.ndarray,
    stop: np.ndarray,
    first: tuple[int, int],
    every: tuple[int, int],
    later: tuple[int, int] | None = None,
    late_share: float = 0.0,
    late_days: tuple[int, int] = (20, 60),
) -> tuple[np.ndarray, np.ndarray]:
    """Event dates start+first, then every `every` days (the second gap from `later` if
    given), kept while before `stop`. Returns (owner index, date)."""
    span = np.maximum(stop - start, 0)
    cap = span // max(min(every[0], (later or every)[0]), 1) + 2
    owner = np.repeat(np.arange(len(start)), cap)
    head = (np.cumsum(cap) - cap).astype(np.int64)  # first row of each owner
    pos = np.arange(len(owner)) - np.repeat(head, cap)
    gap = rng.integers(every[0], every[1] + 1, len(owner))
    if later is not None:
        second = pos == 1
        gap[second] = rng.integers(later[0], later[1] + 1, int(second.sum()))
    gap[pos == 0] = rng.integers(first[0], first[1] + 1, len(start))
    if late_share:
        late = rng.random(len(owner)) < late_share
        gap[late] += rng.integers(late_days[0], late_days[1] + 1, int(late.sum()))
    cs = np.cumsum(gap)
    when = start[owner] + cs - np.repeat(cs[head] - gap[head], cap)
    keep = when < stop[owner]
    return owner[keep], when[keep]


def reviews(
    rng: np.random.Generator, per: Periods, dob_of_child: np.ndarray, through: int
) -> dict[str, np.ndarray]:
    """First review within 20 working days, second within 3 months, then 6-monthly."""
    owner, when = series(
        rng,
        per.start,
        np.minimum(per.stop(through), through + 1),
        first=(7, 26),
        every=(140, 180),
        later=(50, 88),
        late_share=0.03,
    )
    child = per.child[owner]
    age = age_on(dob_of_child[child], when)
    codes = np.array(["PN1"] * 11 + ["PN2"] * 2 + ["PN3", "PN4", "PN4", "PN5", "PN5", "PN6", "PN7"])
    code = codes[rng.integers(0, len(codes), len(when))].astype(object)
    code[age < 4] = "PN0"
    return {"child": child, "REVIEW": when, "REVIEW_CODE": code}


def missing(
    rng: np.random.Generator,
    child: np.ndarray,
    decom: np.ndarray,
    dec: np.ndarray,
    ls: np.ndarray,
    dob_of_child: np.ndarray,
    rate_of_child: np.ndarray,
    through: int,
) -> dict[str, np.ndarray]:
    """Missing (M) and away (A) spells inside episodes of children aged 11+, mostly teens."""
    stop = np.where(dec == NONE, through, dec) - 3
    age = age_on(dob_of_child[child], decom)
    eligible = (ls != "V3") & (age >= 11) & (stop - decom > 40)
    eligible &= rng.random(len(child)) < rate_of_child[child]
    idx = np.flatnonzero(eligible)
    k = rng.integers(1, 5, len(idx))
    k = np.minimum(k, (stop[idx] - decom[idx]) // 20)
    owner = np.repeat(idx, k)
    head = (np.cumsum(k) - k).astype(np.int64)
    slot_i = np.arange(len(owner)) - np.repeat(head, k)
    slot = (stop[owner] - decom[owner] - 3) // np.repeat(k, k)
    begin = (
        decom[owner] + 3 + slot_i * slot + (rng.random(len(owner)) * (slot - 6)).astype(np.int64)
    )
    end = begin + rng.integers(0, 4, len(owner))
    kind = np.where(rng.random(len(owner)) < 0.72, "M", "A").astype(object)
    return {"child": child[owner], "MISSING": kind, "MIS_START": begin, "MIS_END": end}


def health_assessments(
    rng: np.random.Generator, per: Periods, through: int
) -> dict[str, np.ndarray]:
    """IHA for each period (due 20 days after it starts) and yearly RHAs while in care."""
    due = per.start + 20
    n = len(due)
    done = per.start + np.where(
        rng.random(n) < 0.65, rng.integers(5, 29, n), rng.integers(29, 70, n)
    )
    u = rng.random(n)
    refused = u < 0.02
    not_done = (u >= 0.02) & (u < 0.06)
    iha_ok = due <= through
    iha = _assessments("IHA", per.child, due, done, refused, not_done, iha_ok, through)
    owner, rdue = series(rng, due, per.stop(through), first=(365, 365), every=(365, 365))
    keep = rdue <= through
    owner, rdue = owner[keep], rdue[keep]
    m = len(rdue)
    rdone = rdue + rng.integers(-45, 25, m)
    v = rng.random(m)
    rha = _assessments(
        "RHA",
        per.child[owner],
        rdue,
        rdone,
        v < 0.015,
        (v >= 0.015) & (v < 0.06),
        np.ones(m, bool),
        through,
    )
    return {k: np.concatenate([iha[k], rha[k]]) for k in iha}


def _assessments(
    kind: str,
    child: np.ndarray,
    due: np.ndarray,
    done: np.ndarray,
    refused: np.ndarray,
    not_done: np.ndarray,
    keep: np.ndarray,
    through: int,
) -> dict[str, np.ndarray]:
    done = np.where(refused | not_done | (done > through), NONE, done)
    return {
        "child": child[keep],
        "ASSESSMENT_TYPE": np.full(int(keep.sum()), kind, dtype=object),
        "DUE_DATE": due[keep],
        "COMPLETED_DATE": done[keep],
        "CONSENT_REFUSED": np.where(refused, "Y", "N").astype(object)[keep],
    }


def yearly(
    rng: np.random.Generator, per: Periods, through: int, first: tuple[int, int], share: float
) -> tuple[np.ndarray, np.ndarray]:
    """One event a year while looked after, each happening with probability `share`."""
    owner, when = series(
        rng, per.start, np.minimum(per.stop(through), through + 1), first, (330, 400)
    )
    keep = rng.random(len(when)) < share
    return per.child[owner[keep]], when[keep]


def sdq(
    rng: np.random.Generator, per: Periods, dob_of_child: np.ndarray, through: int
) -> dict[str, np.ndarray]:
    child, when = yearly(rng, per, through, (60, 300), 0.8)
    age = age_on(dob_of_child[child], when)
    keep = (age >= 4) & (age <= 16)
    score = np.clip(np.rint(rng.normal(14.0, 6.5, len(when))), 0, 40).astype(np.int64)
    return {"child": child[keep], "SDQ_DATE": when[keep], "SDQ_SCORE": score[keep]}
