"""Care-leaver contacts (OC3-style codes) for young people who left care at 16+."""

from __future__ import annotations

import numpy as np

from demo.dates import NONE, add_years, age_on, collection_year
from demo.events import Periods

_NOT_CARE_LEAVING = ["X1", "E2", "E11", "E12"]
_IN_TOUCH = ["YES"] * 88 + ["NO"] * 4 + ["REFU"] * 3 + ["NREQ"] * 3 + ["RHOM"] * 2
_SUITABLE = ["D1", "D1", "U1", "U1", "Y1", "E1", "B1", "T1", "K1", "C1"]
_UNSUITABLE = ["D2", "U2", "S2", "B2", "V2", "X2"]
_NEET = ["G5", "G5", "G5", "G4", "G4", "G6"]
_EET_OLD = ["F1", "P1", "F2", "F2", "P2", "F3", "F3", "P3"]  # to 2021
_EET_NEW = ["F1", "P1", "F2", "F2", "P2", "F4", "P4", "F5", "F5", "P5"]  # 2022 on


def _pick(rng: np.random.Generator, codes: list[str], n: int) -> np.ndarray:
    return np.asarray(codes, dtype=object)[rng.integers(0, len(codes), n)]


def care_leavers(
    rng: np.random.Generator, per: Periods, dob_of_child: np.ndarray, through: int
) -> dict[str, np.ndarray]:
    """Every young person whose period of care of 13 weeks or more ended at 16+, with
    contacts around their 17th-21st birthdays (one blank-date row if none yet)."""
    ended = per.end != NONE
    age = np.where(ended, age_on(dob_of_child[per.child], np.where(ended, per.end, 0)), 0)
    ok = (
        ended
        & (age >= 16)
        & (per.end - per.start >= 91)
        & ~np.isin(per.last_rec, _NOT_CARE_LEAVING)
    )
    idx = np.flatnonzero(ok)
    # the latest qualifying period of each child (periods are sorted by child, start)
    child = per.child[idx]
    last = np.ones(len(child), bool)
    last[:-1] = child[1:] != child[:-1]
    child, left = child[last], per.end[idx][last]
    dob = dob_of_child[child]
    years = np.arange(17, 22)
    owner = np.repeat(np.arange(len(child)), len(years))
    bday = add_years(dob[owner], np.tile(years, len(child)))
    n = len(owner)
    near = rng.random(n) < 0.92
    offset = np.where(
        near,
        rng.integers(-90, 31, n),
        np.where(rng.random(n) < 0.6, rng.integers(-200, -90, n), rng.integers(31, 121, n)),
    )
    when = bday + offset
    keep = (when > left[owner]) & (when <= through) & (rng.random(n) < 0.97)
    owner, when = owner[keep], when[keep]
    m = len(when)
    touch = _pick(rng, _IN_TOUCH, m)
    yes = touch == "YES"
    accom = np.where(rng.random(m) < 0.92, _pick(rng, _SUITABLE, m), _pick(rng, _UNSUITABLE, m))
    new_codes = collection_year(when) >= 2022
    eet = np.where(new_codes, _pick(rng, _EET_NEW, m), _pick(rng, _EET_OLD, m))
    activ = np.where(rng.random(m) < 0.35, _pick(rng, _NEET, m), eet)
    accom, activ = accom.astype(object), activ.astype(object)
    accom[~yes], activ[~yes] = "0", "0"
    # care leavers with no contact yet: one row with a blank CONTACT_DATE
    silent = np.setdiff1d(np.arange(len(child)), owner)
    s = len(silent)
    blank = np.full(s, None, dtype=object)
    return {
        "child": np.concatenate([child[owner], child[silent]]),
        "CONTACT_DATE": np.concatenate([when, np.full(s, NONE, np.int64)]),
        "IN_TOUCH": np.concatenate([touch, blank]),
        "ACTIV": np.concatenate([activ, blank]),
        "ACCOM": np.concatenate([accom, blank]),
    }
