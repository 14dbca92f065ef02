"""Key points: sentences generated from the context by small rules, never typed.

Each rule reads the (suppressed) context and returns sentences with a rank; a rule whose
data is missing or suppressed returns nothing. Ranked: red indicators (worsening first),
amber, other worsening trends, then the activity picture and indicators on target.
"""

from __future__ import annotations

from collections.abc import Callable

from reports.context import Context, value_text

Point = tuple[int, str]  # (rank: lower comes first, sentence)
Rule = Callable[[Context], list[Point]]
RAG_RANK = {"red": 0, "amber": 2}


def plural(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def row(c: Context, indicator_id: str) -> dict | None:
    r = next((r for r in c.indicators if r["indicator_id"] == indicator_id), None)
    if r is None or r.get("display") is None or r.get("mark") == "x":
        return None
    return r


def subject(title: str) -> str:
    """A catalogue title as the subject of a sentence: '% of …' reads 'The percentage of …'."""
    return "The percentage" + title[1:] if title.startswith("% ") else title


def shown(r: dict) -> str:
    return value_text(r["display"], r["unit"])


def target_shown(r: dict) -> str:
    t = r["target"]
    text = str(int(t)) if float(t).is_integer() else f"{t:g}"
    return text + ("%" if r["unit"] == "percent" else "")


def run_length(values: list[float | None]) -> tuple[int, int]:
    """(quarters, sign): how many of the latest quarter-on-quarter changes went one way."""
    run, sign = 0, 0
    pairs = list(zip(values[:-1], values[1:], strict=True))
    for before, after in reversed(pairs):
        if before is None or after is None or after == before:
            break
        step = 1 if after > before else -1
        if sign and step != sign:
            break
        sign, run = step, run + 1
    return run, sign


def worsening(r: dict) -> int:
    """Quarters in a row the indicator has moved the wrong way (0 if not worsening)."""
    if r.get("polarity") not in ("high", "low"):
        return 0
    run, sign = run_length([v for _, v in r.get("series", [])])
    bad = -1 if r["polarity"] == "high" else 1
    return run if sign == bad else 0


def rag_points(c: Context) -> list[Point]:
    """Every red or amber indicator: value against its target, worsening ones first."""
    out = []
    for r in c.indicators:
        if r.get("rag") not in RAG_RANK or row(c, r["indicator_id"]) is None:
            continue
        rank = RAG_RANK[r["rag"]] + (0 if worsening(r) else 1)
        status = "outside" if r["rag"] == "red" else "just outside"
        text = (
            f"{subject(r['title'])} is {status} the {target_shown(r)} target at {shown(r)} "
            f"({r['rag'].capitalize()})"
        )
        n = worsening(r)
        if n >= 2:
            text += f" and has worsened in each of the last {n} quarters"
        elif n == 1:
            text += ", worse than last quarter"
        out.append((rank, text + "."))
    return out


def trend_points(c: Context) -> list[Point]:
    """Indicators not red/amber that have worsened for 2 or more quarters in a row."""
    out = []
    for r in c.indicators:
        if r.get("rag") in RAG_RANK or row(c, r["indicator_id"]) is None or not r.get("ref"):
            continue
        n = worsening(r)
        if n >= 2:
            out.append(
                (
                    4,
                    f"{subject(r['title'])} has worsened in each of the last {n} quarters, "
                    f"to {shown(r)}.",
                )
            )
    return out


def cla_numbers(c: Context) -> list[Point]:
    count, rate = row(c, "cla_count"), row(c, "cla_rate_per_10k")
    if count is None:
        return []
    n = int(count["display"])
    text = f"There were {plural(n, 'child', 'children')} looked after at {c.period_end_text}"
    year_ago = dict(count.get("series", [])).get(c.period.shift(-4).label)
    if year_ago is not None:
        text += f", compared with {int(year_ago):,} a year earlier"
    if rate is not None:
        text += f"; a rate of {shown(rate)} children aged under 18"
        comps = rate.get("comparators", {})
        sides = [
            f"{side(rate['display'], v)} the {name} average ({v:.1f}, {year})"
            for key, name in (
                ("statistical_neighbours", "statistical-neighbour"),
                ("england", "England"),
            )
            if key in comps
            for v, year in [comps[key]]
        ]
        if sides:
            text += ", " + " and ".join(sides)
    return [(5, text + ".")]


def side(value: float, other: float) -> str:
    return "below" if value < other else "above" if value > other else "level with"


def rate_trend(c: Context) -> list[Point]:
    r = row(c, "cla_rate_per_10k")
    if r is None:
        return []
    n, sign = run_length([v for _, v in r.get("series", [])])
    if n < 2:
        return []
    word = "increased" if sign > 0 else "decreased"
    return [(6, f"The rate of children looked after has {word} in each of the last {n} quarters.")]


def at_risk_of_third_placement(c: Context) -> list[Point]:
    r = row(c, "placement_stability_2_placements")
    if r is None:
        return []
    n = int(r["display"])
    if n == 0:
        return [(7, "No child looked after has had 2 placements this year.")]
    has = "child has" if n == 1 else "children have"
    return [
        (
            7,
            f"{n:,} {has} had 2 placements this year; a further move would count against "
            "the placement stability indicator.",
        )
    ]


def adoptions_and_sgos(c: Context) -> list[Point]:
    a, s = row(c, "adopted_ytd"), row(c, "sgo_ytd")
    if a is None or s is None:
        return []
    na, ns = int(a["display"]), int(s["display"])
    if na == 0 and ns == 0:
        return [
            (
                8,
                "There were no adoptions or special guardianship orders "
                f"in {c.period.fy_label} so far.",
            )
        ]
    return [
        (
            8,
            f"So far in {c.period.fy_label} there have been {plural(na, 'adoption', 'adoptions')} "
            f"and {plural(ns, 'special guardianship order', 'special guardianship orders')}.",
        )
    ]


def on_target(c: Context) -> list[Point]:
    """Green indicators: 'X remains on or ahead of the 95% target at 95.3%.'"""
    out = []
    for r in c.indicators:
        if r.get("rag") != "green" or row(c, r["indicator_id"]) is None:
            continue
        out.append(
            (
                9,
                f"{subject(r['title'])} is on or ahead of the {target_shown(r)} target "
                f"at {shown(r)}.",
            )
        )
    return out


RULES: list[Rule] = [
    rag_points,
    trend_points,
    cla_numbers,
    rate_trend,
    at_risk_of_third_placement,
    adoptions_and_sgos,
    on_target,
]


def key_points(c: Context, most: int = 12) -> list[str]:
    """Ranked sentences: all red/amber points are kept even past `most`."""
    points = sorted(
        (p for rule in RULES for p in rule(c)), key=lambda p: p[0]
    )  # stable: rule order within a rank
    must = [p for p in points if p[0] < RAG_RANK["amber"] + 2]
    rest = [p for p in points if p[0] >= RAG_RANK["amber"] + 2]
    return [text for _, text in must + rest[: max(0, most - len(must))]]
