"""Vectorised 903 episodes for a chunk of children, one scenario at a time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from demo.dates import NONE, add_years, day
from demo.postcodes import PostcodePool
from demo.scenarios import Scenario

_TEMPORARY = ("T0", "T1", "T2", "T3", "T4")
_NO_URN = ("H5", "P1", "P2", "P3", "R1", "R2", "R5", "Z1", *_TEMPORARY)
_REASONS = np.array(["CARPL"] * 8 + ["CREQB", "CREQO", "CHILD", "LAREQ", "STAND", "ALLEG", "CLOSE"])
_OFSTED_SUPPORTED = day(date(2023, 10, 29))  # H5 placements carry a URN from here (230)
_H5_RETURN_2023_END = day(date(2023, 3, 31))
_K3_FROM = day(date(2025, 4, 1))
_SGO_FROM = day(date(2018, 4, 1))  # E45-E48 from 2019 (E43/E44 before)
_OLD_SGO = {"E45": "E43", "E46": "E43", "E47": "E44", "E48": "E44"}
_BAND_SHARE = np.array([0.60, 0.31, 0.09])  # placements within 20, 20-50, 50+ miles


@dataclass
class Children:
    """The children of one chunk (arrays of equal length)."""

    number: np.ndarray  # global child number (CHILD id derives from it)
    scenario: np.ndarray  # index into SCENARIOS
    start: np.ndarray  # first DECOM
    dob: np.ndarray
    cin: np.ndarray  # primary need (str)
    home: np.ndarray  # home postcode (str)


@dataclass
class EpisodeRows:
    """Episode columns (numpy arrays), plus helpers used by the other tables."""

    cols: dict[str, np.ndarray]
    child: np.ndarray  # row -> index into Children
    period: np.ndarray  # period number within the child (0, 1, ...)
    decision: np.ndarray  # per child: adoption decision date (NONE if none)


def _choice(rng: np.random.Generator, options: tuple[str, ...], n: int) -> np.ndarray:
    return np.asarray(options, dtype=object)[rng.integers(0, len(options), n)]


def _providers(rng: np.random.Generator, place: np.ndarray) -> np.ndarray:
    u = rng.random(len(place))
    out = np.where(u < 0.55, "PR1", np.where(u < 0.85, "PR4", "PR5")).astype(object)
    relatives = np.isin(place, ["U1", "U2", "U3", "A3", "A4", "A5", "A6"])
    out[relatives] = "PR1"
    out[np.isin(place, ["K2", "H5", "K3"])] = np.where(u < 0.25, "PR1", "PR4")[
        np.isin(place, ["K2", "H5", "K3"])
    ]
    out[place == "P1"] = "PR0"
    out[np.isin(place, _TEMPORARY)] = None
    return out


def _placement_postcodes(
    rng: np.random.Generator, place: np.ndarray, provider: np.ndarray, home: np.ndarray, pool
) -> np.ndarray:
    n = len(place)
    band = rng.choice(3, size=n, p=_BAND_SHARE)
    out = np.empty(n, dtype=object)
    for b, codes in enumerate(pool.bands):
        m = band == b
        out[m] = codes[rng.integers(0, len(codes), m.sum())]
    local = (provider == "PR1") | np.isin(place, _TEMPORARY)
    own = pool.own[rng.integers(0, len(pool.own), n)]
    out[local] = own[local]
    out[place == "P1"] = home[place == "P1"]
    return out


def build_episodes(
    rng: np.random.Generator,
    sc: Scenario,
    kids: Children,
    sel: np.ndarray,
    through: int,
    pool: PostcodePool,
) -> EpisodeRows:
    """Episodes of the children `sel` (indices into kids), all on scenario `sc`."""
    n, k = len(sel), len(sc.steps)
    start, dob = kids.start[sel], kids.dob[sel]
    b18 = add_years(dob, 18)
    dur = np.stack([rng.integers(s.days[0], s.days[1] + 1, n) for s in sc.steps], axis=1)
    gap = np.stack(
        [
            rng.integers(s.gap[0], s.gap[1] + 1, n) if s.gap else np.zeros(n, np.int64)
            for s in sc.steps
        ],
        axis=1,
    )
    decom = np.empty((n, k), np.int64)
    decom[:, 0] = start
    for j in range(1, k):
        decom[:, j] = decom[:, j - 1] + dur[:, j - 1] + gap[:, j]
    dec = decom + dur
    last = np.array([j == k - 1 or sc.steps[j + 1].gap is not None for j in range(k)])
    period = np.cumsum([s.gap is not None for s in sc.steps])
    rec = np.empty((n, k), dtype=object)
    for j, s in enumerate(sc.steps):
        rec[:, j] = _choice(rng, s.rec, n) if last[j] else "X1"
    rec18 = _choice(rng, sc.rec18, n)

    # codes and carers, step by step
    ls = np.empty((n, k), dtype=object)
    place = np.empty((n, k), dtype=object)
    prov = np.empty((n, k), dtype=object)
    post = np.empty((n, k), dtype=object)
    urn = np.empty((n, k), dtype=object)
    home = kids.home[sel]
    for j, s in enumerate(sc.steps):
        ls[:, j] = ls[:, j - 1] if s.ls == ("=",) else _choice(rng, s.ls, n)
        if s.carer == "back":
            src = j - 2
            place[:, j], prov[:, j], post[:, j], urn[:, j] = (
                place[:, src],
                prov[:, src],
                post[:, src],
                urn[:, src],
            )
            continue
        place[:, j] = place[:, j - 1] if s.place == ("=",) else _choice(rng, s.place, n)
        if s.carer == "same":
            prov[:, j], post[:, j], urn[:, j] = prov[:, j - 1], post[:, j - 1], urn[:, j - 1]
        else:
            prov[:, j] = _providers(rng, place[:, j])
            post[:, j] = _placement_postcodes(rng, place[:, j], prov[:, j], home, pool)
            urn[:, j] = np.char.add("SC", rng.integers(100000, 999999, n).astype(str)).astype(
                object
            )

    # 18th birthday: nobody is looked after past it
    valid = decom < (b18[:, None] - 7)
    late = dec > b18[:, None]
    nxt_cut = np.zeros((n, k), bool)
    nxt_cut[:, :-1] = ~last[:-1] & ~valid[:, 1:]
    to18 = valid & (late | nxt_cut)
    dec = np.where(to18, b18[:, None], dec)
    rec = np.where(to18, rec18[:, None], rec)
    # the extract date: later episodes do not exist yet, later endings are open
    valid &= decom <= through
    is_open = dec > through

    rows_child, rows_step = np.nonzero(valid)
    g = lambda a: a[rows_child, rows_step]  # noqa: E731
    r_decom, r_dec, r_rec = g(decom), g(dec), g(rec).copy()
    r_open = g(is_open)
    r_place, r_prov, r_post, r_urn = g(place), g(prov), g(post).copy(), g(urn).copy()
    r_rne = np.asarray([s.rne for s in sc.steps], dtype=object)[rows_step]
    nxt_rne = np.asarray([s.rne for s in sc.steps[1:]] + [""], dtype=object)[rows_step]
    nxt_place = np.roll(place, -1, axis=1)[rows_child, rows_step]

    r_place = _fix_places(r_place, r_decom, r_dec, r_open, add_years(dob[rows_child], 16))
    r_urn = _fix_urns(r_place, r_dec, r_open, r_urn)
    old_sgo = (r_dec < _SGO_FROM) & np.isin(r_rec, list(_OLD_SGO))
    r_rec[old_sgo] = [_OLD_SGO[c] for c in r_rec[old_sgo]]
    moves = (
        (r_rec == "X1")
        & np.isin(nxt_rne, ["P", "B", "T", "U"])
        & ~np.isin(r_place, _TEMPORARY)
        & ~np.isin(nxt_place, _TEMPORARY)
    )
    reason = np.where(moves, _REASONS[rng.integers(0, len(_REASONS), len(r_rec))], None).astype(
        object
    )
    r_rec[r_open] = None
    reason[r_open] = None
    r_dec = np.where(r_open, NONE, r_dec)
    child = sel[rows_child]
    home_post = kids.home[child].copy()
    if sc.uasc:
        home_post[:] = None

    decision = np.full(len(kids.number), NONE, np.int64)
    if sc.adoption:  # decision to place for adoption: during the full care order
        d = decom[:, 1] + rng.integers(20, 60, n)
        decision[sel] = np.where(d <= through, d, NONE)
    rows = EpisodeRows(
        cols={
            "DECOM": r_decom,
            "RNE": r_rne,
            "LS": g(ls),
            "CIN": kids.cin[child],
            "PLACE": r_place,
            "PLACE_PROVIDER": r_prov,
            "DEC": r_dec,
            "REC": r_rec,
            "REASON_PLACE_CHANGE": reason,
            "HOME_POST": home_post,
            "PL_POST": r_post,
            "URN": r_urn,
        },
        child=child,
        period=period[rows_step],
        decision=decision,
    )
    return _h5_becomes_k3(rows, through)


def _h5_becomes_k3(rows: EpisodeRows, through: int) -> EpisodeRows:
    """H5 leaves the code list on 1 April 2025 (K3 replaces it): an H5 placement still
    running then continues with the same carers as K3 from that day (X1, RNE T)."""
    c = rows.cols
    split = (
        (c["PLACE"] == "H5")
        & (c["DECOM"] < _K3_FROM)
        & ((c["DEC"] == NONE) | (c["DEC"] > _K3_FROM))
    )
    if _K3_FROM > through or not split.any():
        return rows
    new = {k: v[split].copy() for k, v in c.items()}
    new["DECOM"][:] = _K3_FROM
    new["RNE"][:] = "T"
    new["PLACE"][:] = "K3"
    c["DEC"] = np.where(split, _K3_FROM, c["DEC"])
    c["REC"] = np.where(split, "X1", c["REC"]).astype(object)
    c["REASON_PLACE_CHANGE"] = np.where(split, "PLACE", c["REASON_PLACE_CHANGE"]).astype(object)
    return EpisodeRows(
        cols={k: np.concatenate([c[k], new[k]]) for k in c},
        child=np.concatenate([rows.child, rows.child[split]]),
        period=np.concatenate([rows.period, rows.period[split]]),
        decision=rows.decision,
    )


def _fix_places(
    place: np.ndarray, decom: np.ndarray, dec: np.ndarray, is_open: np.ndarray, b16: np.ndarray
) -> np.ndarray:
    """Semi-independent living (H5/K3) only from the 16th birthday (rule 371): younger
    children are fostered instead. An H5 placement that is open at the end of 2022-23 and
    still running on 29/10/2023 could not be right in both years' URN rules (222 then 230),
    so those young people are in a children's home (K2) instead; H5 starting from 1 April
    2025 is K3."""
    place = place.copy()
    place[(place == "H5") & (decom < b16)] = "U6"
    h5 = place == "H5"
    straddles = h5 & (decom <= _H5_RETURN_2023_END) & (is_open | (dec >= _OFSTED_SUPPORTED))
    straddles &= is_open | (dec > _H5_RETURN_2023_END)
    place[straddles] = "K2"
    place[h5 & (decom >= _K3_FROM)] = "K3"
    return place


def _fix_urns(
    place: np.ndarray, dec: np.ndarray, is_open: np.ndarray, urn: np.ndarray
) -> np.ndarray:
    """URNs where the DfE rules want them (218, 222, 230): none for exempt placement types,
    and for H5/K3 only when the placement runs on or after 29/10/2023."""
    out = np.where(np.isin(place, _NO_URN), None, urn).astype(object)
    needs = np.isin(place, ["H5", "K3"]) & (is_open | (dec >= _OFSTED_SUPPORTED))
    out[needs] = urn[needs]
    return out


def build_short_breaks(
    rng: np.random.Generator, kids: Children, sel: np.ndarray, through: int
) -> EpisodeRows:
    """Series of short breaks (LS V3): each its own episode and period, no postcodes."""
    n = len(sel)
    count = rng.integers(4, 40, n)
    child_of = np.repeat(np.arange(n), count)
    first = np.cumsum(count) - count  # index of each child's first break
    gaps = rng.integers(25, 60, len(child_of))
    gaps[first] = 0
    cs = np.cumsum(gaps)
    offset = cs - np.repeat(cs[first], count)
    # the first break has ended by --through, so every child has at least one episode
    decom = np.minimum(kids.start[sel], through - 4)[child_of] + offset
    dec = decom + rng.integers(1, 4, len(child_of))
    b18 = add_years(kids.dob[sel], 18)[child_of]
    # a break still running at --through is recorded once it ends (rules 365/367 would
    # read it as lasting to 31 March)
    keep = (dec < b18) & (dec <= through)
    decom, dec, child_of = decom[keep], dec[keep], child_of[keep]
    is_open = np.zeros(len(dec), bool)
    m = len(decom)
    child = sel[child_of]
    const = lambda v: np.full(m, v, dtype=object)  # noqa: E731
    rec = const("E4A")
    rec[is_open] = None
    return EpisodeRows(
        cols={
            "DECOM": decom,
            "RNE": const("S"),
            "LS": const("V3"),
            "CIN": kids.cin[child],
            "PLACE": const("R1"),
            "PLACE_PROVIDER": const("PR1"),
            "DEC": np.where(is_open, NONE, dec),
            "REC": rec,
            "REASON_PLACE_CHANGE": const(None),
            "HOME_POST": const(None),
            "PL_POST": const(None),
            "URN": const(None),
        },
        child=child,
        period=np.zeros(m, np.int64),
        decision=np.full(len(kids.number), NONE, np.int64),
    )
