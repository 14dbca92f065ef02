"""Financial-year quarters: period labels (2020-21-Q1), quarter ends E, year starts S."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from core.errors import UsageError

_LABEL = re.compile(r"^(\d{4})-(\d{2})-Q([1-4])$")
_QUARTER_END = {1: (6, 30), 2: (9, 30), 3: (12, 31), 4: (3, 31)}


@dataclass(frozen=True, order=True)
class Period:
    """One financial-year quarter. fy is the year the financial year starts (2020 for 2020-21)."""

    fy: int
    quarter: int

    @property
    def label(self) -> str:
        return f"{self.fy}-{(self.fy + 1) % 100:02d}-Q{self.quarter}"

    @property
    def end(self) -> date:
        month, day = _QUARTER_END[self.quarter]
        return date(self.fy + (1 if self.quarter == 4 else 0), month, day)

    @property
    def fy_start(self) -> date:
        return date(self.fy, 4, 1)

    @property
    def fy_label(self) -> str:
        return f"{self.fy}-{(self.fy + 1) % 100:02d}"

    def shift(self, quarters: int) -> Period:
        n = self.fy * 4 + (self.quarter - 1) + quarters
        return Period(n // 4, n % 4 + 1)

    def __str__(self) -> str:
        return self.label


def parse_period(label: str) -> Period:
    m = _LABEL.match(label.strip())
    if not m or (int(m.group(1)) + 1) % 100 != int(m.group(2)):
        raise UsageError(f"period {label!r} is not a label like 2020-21-Q1")
    return Period(int(m.group(1)), int(m.group(3)))


def period_of_quarter_end(d: date) -> Period:
    for q, (month, day) in _QUARTER_END.items():
        if (d.month, d.day) == (month, day):
            return Period(d.year - 1 if q == 4 else d.year, q)
    raise UsageError(f"{d.isoformat()} is not a quarter end (30 Jun, 30 Sep, 31 Dec, 31 Mar)")


def latest_complete_period(today: date) -> Period:
    """The last quarter that ended strictly before `today`."""
    p = Period(today.year if today.month >= 4 else today.year - 1, 1)
    while p.end < today:
        p = p.shift(1)
    while p.end >= today:
        p = p.shift(-1)
    return p


def period_range(first: Period, last: Period) -> list[Period]:
    if last < first:
        raise UsageError(f"--from {first} is after --to {last}")
    out, p = [], first
    while p <= last:
        out.append(p)
        p = p.shift(1)
    return out
