"""Charts of Part B parts written as SVG, inlined in the HTML (and so in the PDF).

GOV.UK-like palette; text kept as text (searchable, scalable). A part has one unit, so a chart
has one axis unit; percentages run 0-100; ticks are round (a step of 1, 2, 2.5, 5 or 10 times a
power of ten, at most five intervals); at most about eight x labels; targets and comparators
are reference lines. Drawn here, not with a plotting library: a chart is a few lines and
bars, and writing them directly costs a millisecond where a plotting library cost 30 ms a
chart (and half a second to import).
"""

from __future__ import annotations

import math
import textwrap
from html import escape
from typing import Any

PALETTE = ["#1d70b8", "#d4351c", "#00703c", "#f47738", "#4c2c92", "#b58840", "#28a197", "#6f72af"]
AXIS_LABELS = {
    "count": "Number",
    "percent": "%",
    "rate_per_10k": "Rate per 10,000",
    "score": "Score",
    "days": "Days",
}
TEXT, AXIS, GRID = "#0b0c0c", "#505a5f", "#dddddd"
PX = 72  # SVG units per inch: a font size of 8 is 8 points on a 6.4-inch-wide chart
WIDTH = 6.4 * PX
STEPS = (1, 2, 2.5, 5, 10)
MAX_INTERVALS = 5
MAX_LINES = 8


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width) or [text]


def _n(v: float) -> str:
    """A coordinate, to two decimals at most."""
    return f"{v:.2f}".rstrip("0").rstrip(".")


def ticks(top: float, integer: bool) -> list[float]:
    """Round ticks from 0 up to `top`: the smallest step of STEPS times a power of ten that
    needs at most MAX_INTERVALS intervals (a whole number for counts)."""
    raw = top / MAX_INTERVALS
    scale = 10.0 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    step = next(
        s * scale
        for s in (*STEPS, *(x * 10 for x in STEPS))
        if s * scale >= raw * (1 - 1e-9) and (not integer or float(s * scale).is_integer())
    )
    if integer:
        step = max(step, 1.0)
    return [i * step for i in range(int(top / step + 1e-9) + 1)]


def labelled_ticks(top: float, integer: bool) -> list[tuple[float, str]]:
    """`ticks`, each with its label."""
    values = ticks(top, integer)
    step = values[1] - values[0] if len(values) > 1 else 1.0
    return [(v, tick_label(v, step)) for v in values]


def tick_label(value: float, step: float) -> str:
    """A tick as a reader writes it: thousands separated, as many decimals as the step has."""
    decimals = next(d for d in range(4) if abs(step * 10**d - round(step * 10**d)) < 1e-9)
    return f"{value:,.{decimals}f}"


def _text(
    x: float, y: float, s: str, anchor: str = "start", size: float | None = None, extra: str = ""
) -> str:
    sz = f' font-size="{_n(size)}"' if size else ""
    return f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}"{sz}{extra}>{escape(s)}</text>'


def _line(
    x1: float, y1: float, x2: float, y2: float, colour: str, width: float, extra: str = ""
) -> str:
    return (
        f'<path d="M {_n(x1)} {_n(y1)} L {_n(x2)} {_n(y2)}" fill="none" stroke="{colour}" '
        f'stroke-width="{_n(width)}"{extra}/>'
    )


def _svg(width: float, height: float, body: list[str], title: str, alt: str) -> str:
    """The chart as an inline, accessible SVG: role img, <title> and <desc>."""
    return (
        f'<svg role="img" aria-label="{escape(alt)}" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {_n(width)} {_n(height)}" version="1.1">'
        f"<title>{escape(title)}</title><desc>{escape(alt)}</desc>"
        f'<g font-family="DejaVu Sans" font-size="8" fill="{TEXT}" stroke-linecap="round" '
        f'stroke-linejoin="round">' + "".join(body) + "</g></svg>"
    )


def _dash(i: int, width: float) -> str:
    """The first reference line dashed, later ones dotted (scaled by the line's width)."""
    pattern = (4, 3) if i == 0 else (1, 1.65)
    return f' stroke-dasharray="{_n(pattern[0] * width)} {_n(pattern[1] * width)}"'


def line_chart(part: dict[str, Any]) -> str:
    """Each series of the part over the whole period range, with reference lines."""
    periods, series = part["series_periods"], part["series"]
    values = [v for s in series for v in s["values"] if v is not None]
    if not periods or not values:
        return ""
    lines = part.get("reference_lines", [])
    legend = [(PALETTE[i % len(PALETTE)], "", _wrap(s["label"], 90)) for i, s in enumerate(series)]
    legend += [(AXIS, _dash(i, 1.1), _wrap(r["label"], 90)) for i, r in enumerate(lines)]
    # inches: top 0.15, plot 1.6, x labels 0.35, a legend line 0.15 each
    legend_lines = sum(len(text) for _, _, text in legend)
    height = (0.15 + 1.6 + 0.35 + 0.15 * legend_lines) * PX
    left, right = 0.09 * WIDTH, 0.93 * WIDTH
    top, bottom = 0.15 * PX, (0.15 + 1.6) * PX
    unit = part["unit"]
    peak = max([*values, *(r["value"] for r in lines), 0]) or 1
    y_max = 100.0 if unit == "percent" else peak * 1.15

    def px(i: float) -> float:
        return left + (i + 0.5) / len(periods) * (right - left)

    def py(v: float) -> float:
        return bottom - v / y_max * (bottom - top)

    body = []
    for t, label in labelled_ticks(y_max, integer=unit == "count"):
        body.append(_line(left, py(t), right, py(t), GRID, 0.8))
        body.append(_text(left - 3.5, py(t) + 3, label, "end"))
    mid = (top + bottom) / 2
    turned = f' transform="rotate(-90 12 {_n(mid)})"'
    body.append(_text(12, mid, AXIS_LABELS.get(unit, unit), "middle", extra=turned))
    every = max(1, -(-len(periods) // 7))
    for i in range(len(periods)):
        if (len(periods) - 1 - i) % every == 0:
            body.append(_text(px(i), bottom + 13, periods[i], "middle"))
    body.append(_line(left, top, left, bottom, AXIS, 0.8))
    body.append(_line(left, bottom, right, bottom, AXIS, 0.8))
    for i, r in enumerate(lines):
        body.append(_line(left, py(r["value"]), right, py(r["value"]), AXIS, 1.1, _dash(i, 1.1)))
    for (colour, _, _), s in zip(legend, series, strict=False):
        body.extend(_series(s["values"], px, py, colour))
    y = bottom + 0.35 * PX
    for colour, dash, text in legend:
        centre = y + 0.075 * PX
        width = 1.1 if dash else 1.8
        body.append(_line(left + 4, centre, left + 19, centre, colour, width, dash))
        for k, words in enumerate(text):
            body.append(_text(left + 25, centre + 2.7 + k * 0.15 * PX, words, size=7.5))
        y += 0.15 * PX * len(text)
    return _svg(WIDTH, height, body, part["title"], part["alt"])


def _series(values: list[float | None], px, py, colour: str) -> list[str]:
    """A series as lines through its consecutive values; a value with no neighbour, a dot."""
    out, run = [], []
    for i, v in enumerate([*values, None]):
        if v is not None:
            run.append((px(i), py(v)))
            continue
        if len(run) == 1:
            x, y = run[0]
            out.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="1.5" fill="{colour}"/>')
        elif run:
            d = " L ".join(f"{_n(x)} {_n(y)}" for x, y in run)
            out.append(f'<path d="M {d}" fill="none" stroke="{colour}" stroke-width="1.8"/>')
        run = []
    return out


def bar_chart(part: dict[str, Any]) -> str:
    """The current period's value per category, as horizontal bars (longest labels fit)."""
    items = [(s["label"], s["values"][-1]) for s in part["series"] if s["values"]]
    items = [(label, v) for label, v in items if v is not None]
    if not items:
        return ""
    # inches: top 0.1, a bar 0.28 each, x labels and axis title 0.45
    band = 0.28 * PX
    height = (0.1 + 0.45) * PX + band * len(items)
    left, right = 0.36 * WIDTH, 0.96 * WIDTH
    top = 0.1 * PX
    bottom = top + band * len(items)
    unit = part["unit"]
    x_max = 100.0 if unit == "percent" else (max(v for _, v in items) or 1) * 1.05

    def px(v: float) -> float:
        return left + v / x_max * (right - left)

    body = []
    for t, label in labelled_ticks(x_max, integer=unit == "count"):
        body.append(_line(px(t), top, px(t), bottom, GRID, 0.8))
        body.append(_text(px(t), bottom + 11, label, "middle"))
    for i, (label, v) in enumerate(items):
        centre = top + band * (i + 0.5)
        body.append(
            f'<rect x="{_n(left)}" y="{_n(centre - 0.3 * band)}" width="{_n(px(v) - left)}" '
            f'height="{_n(0.6 * band)}" fill="{PALETTE[0]}"/>'
        )
        words = _wrap(label, 42)
        for k, line in enumerate(words):
            y = centre + 2.5 + (k - (len(words) - 1) / 2) * 8.4
            body.append(_text(left - 4, y, line, "end", size=7))
    body.append(_line(left, top, left, bottom, AXIS, 0.8))
    body.append(_line(left, bottom, right, bottom, AXIS, 0.8))
    axis = f"{AXIS_LABELS.get(unit, unit)}, {part['series_periods'][-1]}"
    body.append(_text((left + right) / 2, bottom + 25, axis, "middle"))
    return _svg(WIDTH, height, body, part["title"], part["alt"])


def chart(part: dict[str, Any]) -> str:
    """The part's chart as inline SVG ('' when the part has none or nothing to draw); more
    than MAX_LINES series are drawn as bars of the current period, never a tangle of lines."""
    if part.get("chart") == "line" and len(part["series"]) > MAX_LINES:
        return bar_chart(part)
    if part.get("chart") == "line":
        return line_chart(part)
    if part.get("chart") == "bar":
        return bar_chart(part)
    return ""
