"""The SVG charts: round ticks worked out by hand, and the drawing read back as XML (points
and bars where their values put them, gaps left as gaps, labels as text)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from reports.charts import bar_chart, line_chart, tick_label, ticks

NS = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(
    ("top", "integer", "expected"),
    [
        (100.0, False, [0, 20, 40, 60, 80, 100]),  # a percentage axis
        (10054.45, True, [0, 2500, 5000, 7500, 10000]),  # 8,743 children x 1.15
        (129.0, True, [0, 50, 100]),  # a step of 25 would need six intervals
        (1.15, True, [0, 1]),  # counts step by whole numbers
        (3.45, False, [0, 1, 2, 3]),  # 0.69 a step: 1 is the first round step past it
        (11.5, False, [0, 2.5, 5, 7.5, 10]),
        (0.23, False, [0, 0.05, 0.1, 0.15, 0.2]),
    ],
)
def test_ticks_are_the_smallest_round_step_of_at_most_five_intervals(top, integer, expected):
    assert ticks(top, integer) == pytest.approx(expected)


def test_tick_labels_have_thousands_separated_and_the_step_s_decimals():
    assert tick_label(10000, 2500) == "10,000"
    assert tick_label(7.5, 2.5) == "7.5"
    assert tick_label(5, 2.5) == "5.0"
    assert tick_label(0.15, 0.05) == "0.15"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def texts(root: ET.Element) -> list[str]:
    return [t.text for t in root.iter(f"{NS}text")]


def part(unit, series, periods, **extra):
    return {
        "title": "Children by group",
        "alt": "A chart",
        "unit": unit,
        "chart": "line",
        "series_periods": periods,
        "series": [{"label": k, "values": v} for k, v in series.items()],
        **extra,
    }


def test_a_line_puts_each_value_at_its_height_and_a_lone_value_is_a_dot():
    periods = ["Q1 2024-25", "Q2 2024-25", "Q3 2024-25", "Q4 2024-25"]
    p = part("percent", {"On time": [10.0, None, 30.0, 40.0]}, periods, reference_lines=[])
    root = parse(line_chart(p))
    dots = list(root.iter(f"{NS}circle"))
    assert len(dots) == 1  # 10.0 has no neighbour
    # the 0% and 100% grid lines bound the plot; the series' path is the first colour's
    # path inside them (its legend sample is below)
    grid = sorted(
        float(e.get("d").split()[2]) for e in root.iter(f"{NS}path") if e.get("stroke") == "#dddddd"
    )
    bottom, top = grid[-1], grid[0]
    paths = [
        e.get("d")
        for e in root.iter(f"{NS}path")
        if e.get("stroke") == "#1d70b8" and float(e.get("d").split()[2]) < bottom
    ]
    assert len(paths) == 1
    (x1, y1), (x2, y2) = [tuple(map(float, pt.split())) for pt in paths[0][2:].split(" L ")]
    assert (bottom - y1) / (bottom - top) == pytest.approx(0.30, abs=0.001)
    assert (bottom - y2) / (bottom - top) == pytest.approx(0.40, abs=0.001)
    dot_x = float(dots[0].get("cx"))
    assert x1 - dot_x == pytest.approx(2 * (x2 - x1), rel=0.01)  # quarters 1, 3, 4: evenly
    assert [t for t in texts(root) if t in periods] == periods  # four quarters: all labelled
    assert "%" in texts(root) and "On time" in texts(root)


def test_reference_lines_are_dashed_then_dotted_and_named_in_the_legend():
    periods = ["Q1 2024-25", "Q2 2024-25"]
    lines = [{"value": 95, "label": "Target 95%"}, {"value": 90, "label": "England 90%"}]
    p = part("percent", {"On time": [92.0, 93.0]}, periods, reference_lines=lines)
    root = parse(line_chart(p))
    dashed = [
        e.get("stroke-dasharray") for e in root.iter(f"{NS}path") if e.get("stroke-dasharray")
    ]
    assert len(dashed) == 4  # each line and its legend sample
    assert dashed[0] != dashed[1] and dashed[0] == dashed[2]
    assert {"Target 95%", "England 90%"} <= set(texts(root))


def test_bars_are_as_long_as_their_values_first_category_on_top():
    p = part(
        "count",
        {"Foster care": [5, 60], "Children's homes": [5, 15], "With parents": [5, 0]},
        ["Q3 2024-25", "Q4 2024-25"],
        chart="bar",
    )
    root = parse(bar_chart(p))
    bars = list(root.iter(f"{NS}rect"))
    widths = [float(b.get("width")) for b in bars]
    assert widths[1] / widths[0] == pytest.approx(15 / 60, abs=0.001) and widths[2] == 0
    ys = [float(b.get("y")) for b in bars]
    assert ys == sorted(ys)  # in the part's order, top down
    assert "Number, Q4 2024-25" in texts(root)
    ticks_shown = [t for t in texts(root) if t.replace(",", "").isdigit()]
    assert ticks_shown == ["0", "20", "40", "60"]  # 60 x 1.05 = 63: a step of 20


def test_a_long_label_wraps_onto_lines_of_text():
    label = "Independent living, for example in a flat, lodgings, bedsit, bed and breakfast"
    p = part("count", {label: [3, 4]}, ["Q3 2024-25", "Q4 2024-25"], chart="bar")
    lines = [t for t in texts(parse(bar_chart(p))) if t in label]
    assert len(lines) == 2 and " ".join(lines) == label  # 42 characters a line at most
