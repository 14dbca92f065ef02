"""Child-level attributes: journey, first entry date, date of birth, sex, ethnicity, UPN."""

from __future__ import annotations

import numpy as np

from demo.dates import add_years
from demo.episodes import Children
from demo.postcodes import PostcodePool
from demo.scenarios import SCENARIOS

HISTORY_YEARS = 11  # first entries spread over this many years before --through
# London-like mix (DfE CLA 2019, outer London)
_ETHNIC = {
    "WBRI": 26, "WIRI": 1, "WOTH": 9, "WROM": 1, "MWBC": 6, "MWBA": 2, "MWAS": 2, "MOTH": 5,
    "AIND": 4, "APKN": 3, "ABAN": 1, "AOTH": 6, "BCRB": 6, "BAFR": 10, "BOTH": 4, "CHNE": 1,
    "OOTH": 11, "REFU": 1, "NOBT": 1,
}  # fmt: skip
_CIN = {"N1": 62, "N2": 3, "N3": 3, "N4": 9, "N5": 15, "N6": 5, "N7": 1, "N8": 2}
_UPN_LETTERS = np.array(list("ABCDEFGHJKLMNPQRTUVWXYZ"))
_UPN_LA = "310"  # Harrow's LA number


def _weighted(rng: np.random.Generator, table: dict[str, int], n: int) -> np.ndarray:
    codes = np.array(list(table), dtype=object)
    p = np.array(list(table.values()), dtype=float)
    return codes[rng.choice(len(codes), size=n, p=p / p.sum())]


def draw_children(
    rng: np.random.Generator, numbers: np.ndarray, through: int, pool: PostcodePool
) -> Children:
    """Journeys and attributes for the children with these global numbers."""
    n = len(numbers)
    # a journey that starts before the history is spread over more years: weight it up
    # so that each year of the history sees the same share of it
    years = np.array([HISTORY_YEARS + s.lead_years for s in SCENARIOS])
    w = np.array([s.weight for s in SCENARIOS]) * years / HISTORY_YEARS
    scenario = rng.choice(len(SCENARIOS), size=n, p=w / w.sum())
    start = through - (rng.random(n) * years[scenario] * 365.25).astype(np.int64)
    lo = np.array([s.age_days[0] for s in SCENARIOS])[scenario]
    hi = np.array([s.age_days[1] for s in SCENARIOS])[scenario]
    dob = start - (lo + (rng.random(n) * (hi - lo)).astype(np.int64))
    cin = _weighted(rng, _CIN, n)
    for i, s in enumerate(SCENARIOS):
        if s.cin:
            m = scenario == i
            cin[m] = np.asarray(s.cin, dtype=object)[rng.integers(0, len(s.cin), m.sum())]
    cin[cin == "N8"] = "N1"  # absent parenting only for the UASC journey
    for i, s in enumerate(SCENARIOS):
        if s.uasc:
            cin[scenario == i] = "N8"
    home = pool.home[rng.integers(0, len(pool.home), n)]
    return Children(number=numbers, scenario=scenario, start=start, dob=dob, cin=cin, home=home)


def sexes(rng: np.random.Generator, kids: Children) -> np.ndarray:
    """M/F (today's codes: the header is a current snapshot); UASC are mostly boys."""
    uasc = np.isin(kids.scenario, [i for i, s in enumerate(SCENARIOS) if s.uasc])
    p_male = np.where(uasc, 0.9, 0.54)
    return np.where(rng.random(len(kids.number)) < p_male, "M", "F").astype(object)


def ethnicities(rng: np.random.Generator, n: int) -> np.ndarray:
    return _weighted(rng, _ETHNIC, n)


def child_ids(numbers: np.ndarray) -> np.ndarray:
    return np.char.add("C", np.char.zfill(numbers.astype(str), 7)).astype(object)


def upns(kids: Children, through: int) -> np.ndarray:
    """Unique UPNs with correct DfE check letters; UN1 under age 4 at --through (rule 209)."""
    serial = (kids.number.astype(np.int64) * 387_420_489 + 12_345) % 1_000_000_000
    body = np.char.add(_UPN_LA, np.char.zfill(serial.astype(str), 9))
    digits = body.astype("U12").view("U1").reshape(-1, 12).astype(np.int64)
    check = _UPN_LETTERS[(digits * np.arange(2, 14)).sum(axis=1) % 23]
    out = np.char.add(check, body).astype(object)
    out[add_years(kids.dob, 4) > through] = "UN1"
    return out
