"""One-paragraph commentary for each Part B section, generated from its parts by small rules.

A rule reads one part (a table of the section: labels down, periods across, displayed
values) and returns sentences, or nothing when its data is missing or suppressed. The
section's paragraph is its parts' sentences plus what needs attention (red or amber
indicators shown in the section).
"""

from __future__ import annotations

from typing import Any

from reports.context import Context, value_text

Part = dict[str, Any]


def latest(series: dict) -> tuple[float | None, float | None]:
    """(current value, previous period's value) of one series."""
    v = series["values"]
    now = v[-1] if v else None
    before = v[-2] if len(v) > 1 else None
    return now, before


def change_words(now: float, before: float | None, unit: str) -> str:
    if before is None:
        return ""
    if now == before:
        return ", unchanged from the previous period"
    word = "up" if now > before else "down"
    return f", {word} from {value_text(before, unit)}"


def headline(part: Part) -> list[str]:
    """Up to three series: each one's current value and its change since the last period."""
    if not part["series"] or len(part["series"]) > 3 or not part["series_periods"]:
        return []
    when = part["series_periods"][-1]
    out = []
    for s in part["series"]:
        now, before = latest(s)
        if now is None:
            continue
        out.append(
            f"{s['label']}: {value_text(now, part['unit'])} in {when}"
            f"{change_words(now, before, part['unit'])}."
        )
    return out


def cell(series: dict, k: int) -> float | None:
    """Value k from the end (-1 current, -2 previous): 0 when there is no row (nobody in
    the group), None when suppressed or outside the series."""
    if len(series["values"]) < -k:
        return None
    if series["marks"][k] == "x":
        return None
    return series["values"][k] or 0


def largest_group(part: Part) -> list[str]:
    """A breakdown of counts: the largest group (with its share when no cell is
    suppressed, since a suppressed cell leaves the total unknown) and the biggest change."""
    if part["unit"] != "count" or len(part["series"]) <= 3:
        return []
    now = [(s["label"], cell(s, -1), cell(s, -2)) for s in part["series"]]
    known = [(label, v, b) for label, v, b in now if v is not None]
    if not known:
        return []
    label, top, _ = max(known, key=lambda t: (t[1], t[0]))
    if len(known) == len(now):
        total = sum(v for _, v, _ in known)
        if total == 0:
            return [f"There were no children to count in {part['series_periods'][-1]}."]
        text = [
            f"The largest group was {label}: {int(top):,} of {int(total):,} "
            f"({top * 100 / total:.1f}%)."
        ]
    else:
        text = [f"The largest group was {label}: {int(top):,} children."]
    moves = [(abs(v - b), v - b, who) for who, v, b in known if b is not None and v != b]
    if moves:
        _, d, who = max(moves)
        text.append(
            f"The biggest change since the previous quarter was {who} "
            f"({'+' if d > 0 else ''}{int(d):,})."
        )
    return text


def monthly_totals(part: Part) -> list[str]:
    """Monthly counts: the total of the quarter's three months per series."""
    if part["unit"] != "count" or not part["monthly"] or len(part["series_periods"]) < 3:
        return []
    out = []
    for s in part["series"]:
        last3 = s["values"][-3:]
        if any(v is None for v in last3):
            return []
        out.append(f"{s['label'].lower()}: {int(sum(last3)):,}")
    return [f"In the quarter ({', '.join(part['series_periods'][-3:])}), " + "; ".join(out) + "."]


def comparator_position(part: Part) -> list[str]:
    """The group furthest from England: local share against the comparators, with year."""
    comp = part.get("comparators")
    if not comp or "England" not in comp["names"]:
        return []
    i = comp["names"].index("England")
    gaps = [
        (abs(r["local"]["value"] - r["comparators"][i]["value"]), r)
        for r in comp["rows"]
        if r["local"]["value"] is not None and r["comparators"][i]["value"] is not None
    ]
    if not gaps:
        return []
    _, r = max(gaps, key=lambda g: g[0])
    local, england = r["local"]["value"], r["comparators"][i]["value"]
    side = "above" if local > england else "below" if local < england else "level with"
    return [
        f"The share for {r['label']} ({local:.1f}%) is {side} the England average "
        f"({england:.1f}%, {comp['year']})."
    ]


def attention(section: dict, c: Context) -> list[str]:
    """Red or amber indicators whose figures are shown in this section."""
    titles = {s["label"] for p in section["parts"] for s in p["series"]}
    out = []
    for r in c.indicators:
        if (
            r.get("rag") in ("red", "amber")
            and r["title"] in titles
            and r.get("display") is not None
        ):
            t = r["target"]
            target = (str(int(t)) if float(t).is_integer() else f"{t:g}") + (
                "%" if r["unit"] == "percent" else ""
            )
            out.append(
                f"Needs attention: {r['title'][:1].lower() + r['title'][1:]} is "
                f"{r['rag'].capitalize()} against the {target} target."
            )
    return out


def all_suppressed(part: Part) -> list[str]:
    """Every current figure of the part suppressed: say so rather than stay silent."""
    marks = [s["marks"][-1] for s in part["series"] if s["marks"]]
    if not marks or any(m != "x" for m in marks):
        return []
    return [
        f"The {part['series_periods'][-1]} figures for {part['title'][:1].lower()}"
        f"{part['title'][1:]} are not shown because the numbers are small."
    ]


PART_RULES = [headline, largest_group, monthly_totals, comparator_position, all_suppressed]


def commentary(section: dict, c: Context, most_parts: int = 2) -> str:
    """The section's paragraph: sentences from its first parts, then what needs attention."""
    sentences: list[str] = []
    for part in section["parts"][:most_parts]:
        for rule in PART_RULES:
            sentences += rule(part)
    sentences += attention(section, c)
    return " ".join(sentences)
