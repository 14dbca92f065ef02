"""A second, independent implementation (plain Python + dateutil) of the building blocks,
compared with the SQL over a generated fixture of 150 children and all 13 quarters."""

import random
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from tests.sql.conftest import episode

PERIOD = "2020-21-Q1"
QUARTER_ENDS = {  # the 13 quarters the build covers: 2017-18-Q1 .. 2020-21-Q1
    f"{fy}-{(fy + 1) % 100:02d}-Q{q}": (
        date(fy + (q == 4), {1: 6, 2: 9, 3: 12, 4: 3}[q], {1: 30, 2: 30, 3: 31, 4: 31}[q]),
        date(fy, 4, 1),
    )
    for fy in range(2017, 2021)
    for q in range(1, 5)
    if (fy, q) <= (2020, 1)
}


def generate(seed: int = 7, children: int = 150) -> tuple[list[dict], list[dict]]:
    """Random but valid histories: contiguous chains, gaps, short breaks, open episodes."""
    rng = random.Random(seed)
    episodes, missing = [], []
    for i in range(children):
        child = f"G{i:03d}"
        day = date(2015, 1, 1) + timedelta(days=rng.randrange(0, 5 * 365))
        n = rng.randint(1, 8)
        prev_gap = False
        for k in range(n):
            length = rng.randint(1, 400) if rng.random() < 0.5 else rng.randint(1, 60)
            end = day + timedelta(days=length)
            last = k == n - 1
            is_open = (last and rng.random() < 0.6) or end > date(2021, 3, 31)
            gap = rng.random() < 0.3
            starts_period = k == 0 or prev_gap
            rne = "S" if starts_period else rng.choice("PLTUB")
            ls = "V3" if rng.random() < 0.07 else rng.choice(["C2", "C1", "V2"])
            rec = (
                None
                if is_open
                else (
                    "X1" if not gap and not last else rng.choice(["E11", "E12", "E4A", "E8", "E13"])
                )
            )
            episodes.append(
                episode(
                    child,
                    day.isoformat(),
                    None if is_open else end.isoformat(),
                    rne=rne,
                    ls=ls,
                    rec=rec,
                )
            )
            if rng.random() < 0.3:
                code = rng.choice("MA")
                start = day + timedelta(days=rng.randrange(0, max(1, length)))
                missing.append(
                    {"CHILD": child, "MISSING": code, "MIS_START": start.isoformat(), "MIS_END": ""}
                )
            if is_open:
                break
            prev_gap = gap
            day = end + timedelta(days=rng.randint(3, 90)) if gap else end
    # one missing row per child, code and start (the table's key)
    unique = {(m["CHILD"], m["MISSING"], m["MIS_START"]): m for m in missing}
    return episodes, list(unique.values())


def python_indicators(episodes: list[dict], missing: list[dict]) -> dict:
    """cla_count, 3+ placements, CLA 1yr+, ceased/adopted, missing %, per quarter."""

    def d(s):
        return date.fromisoformat(s) if s else None

    clean = sorted(
        (
            (e["CHILD"], d(e["DECOM"]), d(e["DEC"]), e["RNE"], e["REC"])
            for e in episodes
            if e["LS"] not in ("V3", "V4") and e["CHILD"] != "FILLER"
        ),
    )
    periods, placements = [], []  # [child, start, end, final_rec], [child, start, end]
    previous = None
    for child, decom, dec, rne, rec in clean:
        new_period = previous is None or previous[0] != child or previous[2] != decom
        if new_period:
            periods.append([child, decom, dec, rec])
        else:
            periods[-1][2:] = [dec, rec]
        if new_period or rne in ("P", "B", "S"):
            placements.append([child, decom, dec])
        else:
            placements[-1][2] = dec
        previous = (child, decom, dec)
    out = {}
    for period, (e, s) in QUARTER_ENDS.items():
        on_e = {c: st for c, st, en, _ in periods if st <= e and (en is None or en > e)}
        in_ytd = {}
        for c, st, en in placements:
            if st <= e and (en is None or en > s):
                in_ytd[c] = in_ytd.get(c, 0) + 1
        ceased = {}
        for c, _start, en, rec in periods:
            if en is not None and s <= en <= e and (c not in ceased or en > ceased[c][0]):
                ceased[c] = (en, rec)
        current_and_ceased = {
            c for c, decom, dec, _, _ in clean if decom <= e and (dec is None or dec > s)
        }
        went_missing = {
            m["CHILD"] for m in missing if m["MISSING"] == "M" and s <= d(m["MIS_START"]) <= e
        } & current_and_ceased
        out[period] = {
            "cla_count": (len(on_e), None),
            "placement_stability_3plus": (sum(1 for c in on_e if in_ytd.get(c, 0) >= 3), len(on_e)),
            "cla_1yr_plus_count": (
                sum(1 for st in on_e.values() if st <= e - relativedelta(months=12)),
                None,
            ),
            "ceased_adopted_pct": (
                sum(1 for _, rec in ceased.values() if rec in ("E11", "E12")),
                len(ceased),
            ),
            "missing_episode_pct": (len(went_missing), len(current_and_ceased)),
        }
    return out


def test_sql_agrees_with_python(build):
    episodes, missing = generate()
    out = build(period=PERIOD, episodes=episodes, missing=missing)
    expected = python_indicators(episodes, missing)
    got = {
        period: {indicator: out.ind(indicator, period) for indicator in expected[period]}
        for period in expected
    }
    assert got == expected
    # the fixture exercises what it is meant to: people looked after and moving
    assert max(v["cla_count"][0] for v in expected.values()) > 20
    assert sum(v["placement_stability_3plus"][0] for v in expected.values()) > 10
    assert max(v["ceased_adopted_pct"][0] for v in expected.values()) > 0
