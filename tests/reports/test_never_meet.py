"""report.md's "What a reader must never meet", checked on the demo report under both
suppression profiles (the PDF, XLSX and browser checks are in the neighbouring files)."""

from __future__ import annotations

import csv
import html as html_lib
import re
from pathlib import Path

import pytest

from core.paths import TEMPLATES_DIR
from transforms.build import indicator_models

SNAKE = re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b(?!\.(csv|xml))")
ROUND_STEPS = {1, 2, 2.5, 5}


def visible_text(html: str) -> str:
    html = re.sub(r"<(style|script)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", html))


def before_definitions(html: str) -> str:
    return html[: html.index('id="definitions"')]


def charts(html: str) -> list[str]:
    return re.findall(r"<svg[^>]*>.*?</svg>", html, re.S)


def svg_texts(svg: str) -> list[str]:
    return [html_lib.unescape(t).strip() for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]


def is_round(ticks: list[float]) -> bool:
    """Evenly spaced ticks, a step of 1, 2, 2.5 or 5 times a power of ten, each a multiple."""
    if len(ticks) < 2:
        return True
    step = round(ticks[1] - ticks[0], 9)
    if step <= 0 or any(abs((b - a) - step) > 1e-6 for a, b in zip(ticks, ticks[1:], strict=False)):
        return False
    k = 10 ** int(f"{step:e}".split("e")[1])
    return round(step / k, 6) in ROUND_STEPS and all(
        abs(t / step - round(t / step)) < 1e-6 for t in ticks
    )


@pytest.fixture(params=["panel", "public"])
def report(request, demo_published) -> str:
    return (demo_published[request.param] / "report.html").read_text("utf-8")


def red_and_amber(folder: Path) -> list[str]:
    """Titles (from the SQL headers) of the red/amber indicators shown (not suppressed)."""
    titles = {m.header["indicator_id"]: m.header["title"] for m in indicator_models()}
    with open(folder / "indicators.csv", newline="") as fh:
        return [
            titles[r["indicator_id"]]
            for r in csv.DictReader(fh)
            if r["rag"] in ("red", "amber") and r["suppressed"] == "false"
        ]


def test_words_not_identifiers_before_the_definitions(report):
    text = visible_text(before_definitions(report))
    assert SNAKE.findall(text) == []
    assert re.findall(r"\b(REFU|NREQ|RHOM|DIED|YES)\b", text) == []
    assert "statistical_neighbours" not in text


def test_charts_have_one_unit_round_ticks_and_percent_axes_to_100(report):
    found = charts(report)
    assert len(found) >= 10
    for svg in found:
        texts = svg_texts(svg)
        units = [t for t in texts if t in ("Number", "%", "Rate per 10,000", "Score", "Days")]
        unit_labels = [t for t in texts if t.startswith(("Number,", "%,"))]  # bar charts
        assert len(units) + len(unit_labels) == 1, texts  # one axis, one unit
        ticks = [
            float(t.replace(",", "").replace("−", "-"))
            for t in texts
            if re.fullmatch(r"[−-]?[\d,]+(\.\d+)?", t)
        ]
        assert ticks and is_round(ticks), ticks
        if units == ["%"] or (unit_labels and unit_labels[0].startswith("%")):
            assert max(ticks) == 100
        periods = [t for t in texts if re.fullmatch(r"Q\d \d{4}-\d{2}|[A-Z][a-z]{2} \d{4}", t)]
        assert len(periods) <= 8  # x labels that fit side by side


def test_targets_and_comparators_are_drawn_as_reference_lines(demo_published):
    html = (demo_published["panel"] / "report.html").read_text("utf-8")
    legends = [t for svg in charts(html) for t in svg_texts(svg)]
    assert "Target 95%" in legends  # reviews held on time (targets.csv: 95)
    assert any(t.startswith("England average (2018-19)") for t in legends)


def test_comparator_tables_show_local_beside_england_and_neighbours(report):
    tables = re.findall(r"<table>\s*<caption[^>]*>Share of children.*?</table>", report, re.S)
    assert len(tables) == 3  # age, gender, ethnicity have comparators in the demo set
    for t in tables:
        assert "England % 2018-19" in t and "Statistical neighbours % 2018-19" in t
        cells = re.findall(r'<td class="num[^"]*">([^<]*)</td>', t)
        numbers = [c for c in cells if re.fullmatch(r"\d+\.\d", c)]
        assert len(numbers) >= len(cells) / 2  # never a column of dashes


def test_every_part_b_section_with_data_speaks(report):
    sections = re.findall(
        r'<section aria-labelledby="(b\d\d)" class="partb[^"]*">(.*?)</section>', report, re.S
    )
    assert len(sections) >= 17
    for code, body in sections:
        if 'class="notsupplied"' in body:
            continue
        m = re.search(r'<p class="commentary">(.+?)</p>', body, re.S)
        assert m and len(m.group(1)) > 40, code


def key_points(report: str) -> list[str]:
    ol = re.search(r'<ol class="keypoints">(.*?)</ol>', report, re.S).group(1)
    return [
        html_lib.unescape(re.sub(r"<[^>]+>", "", li)).strip()
        for li in re.findall(r"<li>(.*?)</li>", ol, re.S)
    ]


@pytest.mark.parametrize("profile", ["panel", "public"])
def test_key_points_are_ranked_and_cover_every_red_and_amber(demo_published, profile):
    folder = demo_published[profile]
    points = key_points((folder / "report.html").read_text("utf-8"))
    assert 8 <= len(points) <= 12, len(points)
    assert not any("(s)" in p for p in points)
    rag = [p for p in points if re.search(r"\((Red|Amber)\)", p)]
    flagged = red_and_amber(folder)
    assert flagged  # the demo set has red and amber indicators
    for title in flagged:  # each has its own point
        words = title.removeprefix("% of ")
        assert any(words in p for p in rag), title
    ranks = ["Red" if "(Red)" in p else "Amber" if "(Amber)" in p else "other" for p in points]
    order = {"Red": 0, "Amber": 1, "other": 2}
    assert ranks == sorted(ranks, key=order.get)  # reds, then ambers, then the rest
    for p in rag:
        assert re.search(r"the \d+(\.\d+)?% target", p), p  # a target with its unit


def test_colours_meet_contrast_aa():
    css = (TEMPLATES_DIR / "report.html.j2").read_text("utf-8")

    def luminance(hex_: str) -> float:
        rgb = [int(hex_[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    pairs = re.findall(r"background: (#[0-9a-f]{6}); color: (#[0-9a-f]{6})", css)
    assert len(pairs) >= 3
    for bg, fg in pairs:
        hi, lo = sorted((luminance(bg), luminance(fg)), reverse=True)
        assert (hi + 0.05) / (lo + 0.05) >= 4.5, (bg, fg)
