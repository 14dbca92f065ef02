"""Key points: sentences generated from the context by small rules, never typed.

Each rule reads the context and returns a sentence, or None when its data is missing or
suppressed (a rule never guesses).
"""

from __future__ import annotations

from collections.abc import Callable

from reports.context import Context, display_round

Rule = Callable[[Context], str | None]


def _row(c: Context, indicator_id: str) -> dict | None:
    r = next((r for r in c.indicators if r["indicator_id"] == indicator_id), None)
    if r is None or r["value"] is None or r.get("mark") == "x":
        return None
    return r


def _shown(r: dict) -> str:
    v = display_round(r["value"])
    if r["unit"] == "count":
        return f"{int(v)}"
    return f"{v:.1f}%" if r["unit"] == "percent" else f"{v:.1f}"


def cla_numbers(c: Context) -> str | None:
    count, rate = _row(c, "cla_count"), _row(c, "cla_rate_per_10k")
    if count is None:
        return None
    text = f"There were {int(count['value'])} children looked after at {_end(c)}"
    before = count.get("previous_quarter")
    if before is not None:
        text += f", compared with {int(before)} at the end of the previous quarter"
    if rate is not None:
        text += f"; a rate of {_shown(rate)} per 10,000 children aged under 18"
    return text + "."


def trend(indicator_id: str, noun: str) -> Rule:
    """'… has increased in each of the last N quarters' (N >= 2), or no sentence."""

    def rule(c: Context) -> str | None:
        r = _row(c, indicator_id)
        if r is None:
            return None
        values = [display_round(v) for _, v in r.get("series", [])]
        run, sign = 0, 0
        for before, after in zip(reversed(values[:-1]), reversed(values[1:]), strict=True):
            if before is None or after is None or after == before:
                break
            step = 1 if after > before else -1
            if sign and step != sign:
                break
            sign, run = step, run + 1
        if run < 2:
            return None
        word = "increased" if sign > 0 else "decreased"
        return f"The {noun} has {word} in each of the last {run} quarters, to {_shown(r)}."

    return rule


def rate_against_comparators(c: Context) -> str | None:
    r = _row(c, "cla_rate_per_10k")
    if r is None or not r.get("comparators"):
        return None
    v = display_round(r["value"])
    parts = []
    for key, name in (("statistical_neighbours", "statistical-neighbour"), ("england", "England")):
        if key in r["comparators"]:
            comp = r["comparators"][key][0]
            parts.append(
                f"{'below' if v < comp else 'above' if v > comp else 'level with'} "
                f"the {name} average ({comp:.1f})"
            )
    return f"The rate of children looked after is {' and '.join(parts)}." if parts else None


def target_status(indicator_id: str) -> Rule:
    def rule(c: Context) -> str | None:
        r = _row(c, indicator_id)
        if r is None or r.get("target") is None or not r.get("rag"):
            return None
        status = {"green": "on or ahead of", "amber": "just short of", "red": "short of"}
        return (
            f"{r['title']}: {_shown(r)} against a target of {r['target']:g} for this "
            f"quarter ({status[r['rag']]} target, {r['rag'].capitalize()})."
        )

    return rule


def at_risk_of_third_placement(c: Context) -> str | None:
    r = _row(c, "placement_stability_2_placements")
    if r is None:
        return None
    n = int(r["value"])
    if n == 0:
        return "No child looked after has had 2 placements this year."
    return (
        f"{n} {'child has' if n == 1 else 'children have'} had 2 placements this year; "
        "a further move would count against the placement stability indicator."
    )


def no_adoptions(c: Context) -> str | None:
    a, s = _row(c, "adopted_ytd"), _row(c, "sgo_ytd")
    if a is None or s is None:
        return None
    if a["value"] == 0 and s["value"] == 0:
        return (
            f"There were no adoptions or special guardianship orders in {c.period.fy_label} so far."
        )
    return (
        f"{int(a['value'])} adoption(s) and {int(s['value'])} special guardianship order(s) "
        f"in {c.period.fy_label} so far."
    )


def _end(c: Context) -> str:
    e = c.period.end
    return f"{e.day} {e:%B %Y}"


RULES: list[Rule] = [
    cla_numbers,
    trend("cla_rate_per_10k", "rate of children looked after per 10,000"),
    rate_against_comparators,
    at_risk_of_third_placement,
    no_adoptions,
    *[
        target_status(i)
        for i in (
            "review_timeliness",
            "placement_stability_3plus",
            "long_term_stability",
            "care_leavers_suitable_accommodation_19_21",
            "care_leavers_neet_19_21",
            "health_checks_1yr_plus",
            "dental_checks_1yr_plus",
            "missing_episode_pct",
            "placed_20_miles",
        )
    ],
]


def key_points(c: Context, most: int = 12) -> list[str]:
    out = [s for rule in RULES if (s := rule(c))]
    return out[:most]
