"""Vectorised date helpers: dates are int64 day numbers (days since 1970-01-01)."""

from __future__ import annotations

from datetime import date

import numpy as np

NONE = np.iinfo(np.int64).min  # a blank date


def day(d: date) -> int:
    """Day number of a date."""
    return int(np.datetime64(d, "D").astype(np.int64))


def to_date(n: int) -> date:
    return np.datetime64(int(n), "D").astype(date)


def add_years(days: np.ndarray, years: int | np.ndarray) -> np.ndarray:
    """Same day `years` later (29 February -> 28 February), as relativedelta."""
    d = days.astype("datetime64[D]")
    month = d.astype("datetime64[M]")
    dom = (d - month).astype(np.int64)
    target = month + np.asarray(years, dtype=np.int64) * 12
    month_len = ((target + 1).astype("datetime64[D]") - target.astype("datetime64[D]")).astype(
        np.int64
    )
    return (target.astype("datetime64[D]") + np.minimum(dom, month_len - 1)).astype(np.int64)


def age_on(dob: np.ndarray, when: np.ndarray) -> np.ndarray:
    """Whole years completed at `when` (a birthday on `when` counts)."""
    b = dob.astype("datetime64[D]")
    w = when.astype("datetime64[D]")
    years = b.astype("datetime64[Y]").astype(np.int64)
    wy = w.astype("datetime64[Y]").astype(np.int64)
    age = wy - years
    return age - (add_years(dob, age) > when)


def collection_year(days: np.ndarray) -> np.ndarray:
    """The 903 collection year (year the 1 April - 31 March year ends) of each date."""
    d = days.astype("datetime64[D]")
    y = d.astype("datetime64[Y]").astype(np.int64) + 1970
    m = (d.astype("datetime64[M]").astype(np.int64) % 12) + 1
    return y + (m >= 4)
