"""Charts of Part B parts drawn with matplotlib's SVG backend, inlined in the HTML (and so in
the PDF). Themed once: GOV.UK-like palette, text kept as text (searchable, scalable).

A part has one unit, so a chart has one axis unit; percentages run 0-100; ticks are round
(MaxNLocator); at most about eight x labels; targets and comparators are reference lines.
"""

from __future__ import annotations

import io
import re
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
_THEMED = False


def _theme() -> None:
    global _THEMED
    if _THEMED:
        return
    import matplotlib

    matplotlib.use("svg")
    matplotlib.rcParams.update(
        {
            "svg.fonttype": "none",
            "svg.hashsalt": "cla-pipeline",  # stable ids: byte-identical reruns
            "font.family": "DejaVu Sans",
            "font.size": 8,
            "axes.edgecolor": "#505a5f",
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "axes.grid.axis": "y",
            "grid.color": "#dddddd",
            "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
            "legend.frameon": False,
            "path.simplify": True,
            "xtick.major.size": 0,
            "ytick.major.size": 0,
            "lines.solid_capstyle": "round",
        }
    )
    _THEMED = True


def _wrap(text: str, width: int = 48) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def _figure(height: float):
    _theme()
    from matplotlib.figure import Figure

    return Figure(figsize=(6.4, height), dpi=72)


def _svg(fig, title: str, alt: str) -> str:
    """The figure as an inline, accessible SVG: role img, <title> and <desc>."""
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    text = buf.getvalue()
    text = text[text.index("<svg") :]
    # matplotlib's `* {…}` style would apply to the whole HTML page (and costs the PDF
    # renderer a selector match per element); metadata and ids are not needed inline
    text = re.sub(r"<style[^>]*>.*?</style>|<metadata>.*?</metadata>", "", text, flags=re.S)
    text = re.sub(r'<g id="[^"]*"', "<g", text)
    text = _flatten(text)
    text = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r"<svg\1", text, count=1)
    head_end = text.index(">") + 1
    return (
        text[: head_end - 1].replace("<svg", '<svg role="img" aria-label="' + escape(alt) + '"', 1)
        + f"><title>{escape(title)}</title><desc>{escape(alt)}</desc>"
        + text[head_end:]
    )


def _flatten(svg: str) -> str:
    """Unwrap matplotlib's attribute-less <g> groups (one per tick and label): the same
    drawing with a fraction of the elements for the HTML and PDF renderers to style."""
    import xml.etree.ElementTree as ET

    ET.register_namespace("", "http://www.w3.org/2000/svg")
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    root = ET.fromstring(svg)

    def unwrap(node) -> None:
        children = []
        for child in list(node):
            unwrap(child)
            if child.tag.endswith("}g") and not child.attrib:
                children.extend(list(child))
            else:
                children.append(child)
        node[:] = children

    unwrap(root)
    return ET.tostring(root, encoding="unicode")


def _y_axis(ax, unit: str, values: list[float], lines: list[dict]) -> None:
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(
        MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10], integer=unit == "count")
    )
    top = max([*values, *(line["value"] for line in lines), 0]) or 1
    if unit == "percent":
        ax.set_ylim(0, 100)
    else:
        ax.set_ylim(0, top * 1.15)
    ax.set_ylabel(AXIS_LABELS.get(unit, unit))


def line_chart(part: dict[str, Any]) -> str:
    """Each series of the part over the whole period range, with reference lines."""
    periods, series = part["series_periods"], part["series"]
    values = [v for s in series for v in s["values"] if v is not None]
    if not periods or not values:
        return ""
    lines = part.get("reference_lines", [])
    # inches: plot 1.6, x labels 0.35, a legend line 0.15 per series and line, top 0.15
    legend = 0.15 * (len(series) + len(lines))
    height = 1.6 + 0.35 + legend + 0.15
    fig = _figure(height)
    ax = fig.add_axes((0.09, (0.35 + legend) / height, 0.84, 1.6 / height))
    x = list(range(len(periods)))
    for s in series:
        v = s["values"]
        alone = [  # a value with no neighbour would draw no line: mark it
            i
            for i in range(len(v))
            if v[i] is not None
            and (i == 0 or v[i - 1] is None)
            and (i == len(v) - 1 or v[i + 1] is None)
        ]
        ax.plot(
            x,
            [float("nan") if y is None else y for y in v],
            linewidth=1.8,
            marker="o" if alone else None,
            markevery=alone or None,
            markersize=3,
            label=_wrap(s["label"], 90),
        )
    for i, line in enumerate(lines):
        ax.axhline(
            line["value"],
            color="#505a5f",
            linestyle=(0, (4, 3)) if i == 0 else ":",
            linewidth=1.1,
            label=line["label"],
        )
    every = max(1, -(-len(periods) // 7))
    ticks = [i for i in x if (len(x) - 1 - i) % every == 0]
    ax.set_xticks(ticks, [periods[i] for i in ticks])
    ax.tick_params(axis="x", pad=5)  # clear of the y axis's 0
    ax.set_xlim(-0.5, len(x) - 0.5)
    _y_axis(ax, part["unit"], values, lines)
    ax.legend(loc="upper left", bbox_to_anchor=(0, -0.12), ncol=1, fontsize=7.5)
    return _svg(fig, part["title"], part["alt"])


def bar_chart(part: dict[str, Any]) -> str:
    """The current period's value per category, as horizontal bars (longest labels fit)."""
    items = [(s["label"], s["values"][-1]) for s in part["series"] if s["values"]]
    items = [(label, v) for label, v in items if v is not None]
    if not items:
        return ""
    # inches: x labels and axis title 0.45, a bar 0.28 each, top 0.1
    height = 0.55 + 0.28 * len(items)
    fig = _figure(height)
    ax = fig.add_axes((0.36, 0.45 / height, 0.6, 0.28 * len(items) / height))
    labels = [_wrap(label, 42) for label, _ in items][::-1]
    vals = [v for _, v in items][::-1]
    ax.barh(labels, vals, color=PALETTE[0], height=0.6)
    ax.grid(axis="x", color="#dddddd")
    ax.grid(axis="y", visible=False)
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(
        MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10], integer=part["unit"] == "count")
    )
    if part["unit"] == "percent":
        ax.set_xlim(0, 100)
    ax.set_xlabel(f"{AXIS_LABELS.get(part['unit'], part['unit'])}, {part['series_periods'][-1]}")
    ax.tick_params(axis="y", labelsize=7)
    return _svg(fig, part["title"], part["alt"])


MAX_LINES = 8


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
