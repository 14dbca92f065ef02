"""Inline SVG charts drawn from table rows (no images, no scripts: works in HTML and PDF)."""

from __future__ import annotations

from html import escape

PALETTE = ["#1d70b8", "#d4351c", "#00703c", "#f47738", "#4c2c92", "#b58840", "#28a197", "#6f72af"]


def line_chart(
    series: dict[str, list[tuple[str, float | None]]],
    title: str,
    width: int = 640,
    height: int = 240,
) -> str:
    """A line chart of one or more series sharing x labels; None values leave gaps."""
    labels = sorted({x for points in series.values() for x, _ in points})
    values = [v for points in series.values() for _, v in points if v is not None]
    if not labels or not values:
        return ""
    left, right, top, bottom = 48, 150, 16, 40
    w, h = width - left - right, height - top - bottom
    vmax = max(values) * 1.1 or 1.0
    step = w / max(len(labels) - 1, 1)

    def xy(label: str, v: float) -> tuple[float, float]:
        return left + labels.index(label) * step, top + h - (v / vmax) * h

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>',
        f'<line x1="{left}" y1="{top + h}" x2="{left + w}" y2="{top + h}" stroke="#505a5f"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + h}" stroke="#505a5f"/>',
    ]
    for frac in (0, 0.5, 1):
        y = top + h - frac * h
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="10" '
            f'text-anchor="end">{vmax * frac:.0f}</text>'
        )
    every = max(1, -(-len(labels) // 6))  # at most about six labels
    for i, label in enumerate(labels):
        if i % every == 0 or i == len(labels) - 1:
            x = left + i * step
            parts.append(
                f'<text x="{x:.1f}" y="{top + h + 16}" font-size="10" '
                f'text-anchor="middle">{escape(label)}</text>'
            )
    for n, (name, points) in enumerate(series.items()):
        colour = PALETTE[n % len(PALETTE)]
        segment: list[str] = []
        for label, v in sorted(points) + [("", None)]:  # a gap at the end flushes the last run
            if v is None:
                parts.append(_run(segment, colour))
                segment = []
                continue
            x, y = xy(label, v)
            segment.append(f"{x:.1f},{y:.1f}")
        ly = top + 12 + n * 14
        parts.append(
            f'<rect x="{left + w + 12}" y="{ly - 8}" width="10" height="10" '
            f'fill="{colour}"/><text x="{left + w + 26}" y="{ly}" font-size="10">'
            f"{escape(str(name)[:22])}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _run(points: list[str], colour: str) -> str:
    """A run of consecutive values: a line, or a dot when it is a single value."""
    if not points:
        return ""
    if len(points) == 1:
        x, y = points[0].split(",")
        return f'<circle cx="{x}" cy="{y}" r="3" fill="{colour}"/>'
    line = " ".join(points)
    return f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{line}"/>'


def table_chart(rows: list[dict], title: str, max_series: int = 8) -> str:
    """Chart a long-format table (period, category, value): one line per category."""
    if not rows or not {"period", "category", "value"} <= set(rows[0]):
        return ""
    series: dict[str, list[tuple[str, float | None]]] = {}
    for r in rows:
        v = r["value"]
        series.setdefault(str(r["category"]), []).append(
            (str(r["period"]), float(v) if isinstance(v, int | float) else None)
        )
    if len(series) > max_series:
        return ""
    return line_chart(series, title)
