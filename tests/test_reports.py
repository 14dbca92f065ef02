"""Report context pieces: rounding, suppression, key points, XLSX safety, charts."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import openpyxl
import pytest

from core.periods import parse_period
from reports import suppression
from reports.charts import line_chart
from reports.context import Context, direction, display_round
from reports.key_points import key_points
from reports.xlsx import render_xlsx


@pytest.mark.parametrize(
    ("value", "shown"),
    [(94.95, 95.0), (2.25, 2.3), (0.05, 0.1), (-0.05, -0.1), (33.44, 33.4), (None, None)],
)
def test_display_rounds_half_away_from_zero(value, shown):
    assert display_round(value) == shown


def test_direction_of_travel_reads_polarity():
    assert direction(12.0, 10.0, "low") == "up (worse)"
    assert direction(12.0, 10.0, "high") == "up (better)"
    assert direction(10.04, 10.0, "high") == "no change"  # both display 10.0
    assert direction(3, 4, "") == "down"
    assert direction(None, 4, "high") == ""


def row(indicator_id, unit, value, numerator, denominator, **extra):
    base = {
        "indicator_id": indicator_id,
        "period": "2020-21-Q1",
        "period_end": None,
        "value": value,
        "numerator": numerator,
        "denominator": denominator,
        "unit": unit,
        "target": None,
        "rag": None,
        "suppressed": False,
        "ref": "",
        "title": indicator_id,
        "polarity": "",
        "previous_quarter": None,
        "series": [],
        "comparators": {},
    }
    return {**base, **extra}


def context(rows, profile="panel", tables=None) -> Context:
    return Context(
        period=parse_period("2020-21-Q1"),
        indicators=rows,
        definitions=[],
        tables=tables or {},
        table_titles={},
        not_supplied={},
        data_quality={"files": [], "rules": [], "extract_date": "", "children_set_aside": 0},
        suppression=profile,
    )


def test_public_profile_suppresses_small_counts_and_percentages():
    rows = [
        row("a_count", "count", 3, 3, None),  # 1-5: suppressed
        row("zero_count", "count", 0, 0, None),  # zero is not suppressed
        row("six_count", "count", 6, 6, None),  # 6: shown
        row("small_den", "percent", 75.0, 3, 4),  # denominator 4: suppressed
        row("fine", "percent", 50.0, 10, 20),  # shown
        row("small_num", "percent", 10.0, 2, 20),  # numerator 2: suppressed
    ]
    c = context(rows, "public")
    suppression.apply(c, {"public": 5})
    hidden = {r["indicator_id"] for r in c.indicators if r["suppressed"]}
    assert hidden == {"a_count", "small_den", "small_num"}
    for r in c.indicators:
        if r["suppressed"]:
            assert (r["value"], r["numerator"], r["denominator"], r["mark"]) == (
                None,
                None,
                None,
                "x",
            )


def test_panel_profile_marks_a_single_child_cohort_and_suppresses_nothing():
    rows = [row("one", "percent", 100.0, 1, 1), row("count", "count", 2, 2, None)]
    c = context(rows, "panel")
    suppression.apply(c, {"public": 5})
    assert [r["mark"] for r in c.indicators] == ["*", ""]
    assert not any(r["suppressed"] for r in c.indicators)
    assert c.indicators[0]["value"] == 100.0


def test_public_profile_blanks_small_counts_in_part_b_tables():
    table = [
        {"period": "2020-21-Q1", "category": "Under 1", "value": 2},
        {"period": "2020-21-Q1", "category": "10 to 15", "value": 40},
    ]
    c = context([], "public", {"B02_age_groups": table})
    suppression.apply(c, {"public": 5})
    assert table[0]["value"] is None and table[0]["suppressed"] is True
    assert table[1]["value"] == 40 and table[1]["suppressed"] is False


def test_key_points_trend_and_zero_events():
    series = [("q5", 28.0), ("q6", 29.0), ("q7", 30.5), ("q8", 31.0), ("q9", 33.4)]
    rows = [
        row("cla_rate_per_10k", "rate_per_10k", 33.4, 195, 58383, series=series),
        row("adopted_ytd", "count", 0, 0, None),
        row("sgo_ytd", "count", 0, 0, None),
    ]
    points = key_points(context(rows))
    assert any("increased in each of the last 4 quarters" in p for p in points)
    assert any("no adoptions or special guardianship orders" in p for p in points)


def test_key_point_rules_skip_missing_or_suppressed_data():
    rows = [row("cla_count", "count", None, None, None, mark="x")]
    assert key_points(context(rows)) == []


def test_xlsx_writes_numbers_as_numbers_and_formula_like_text_as_text(tmp_path):
    rows = [row("placed_20_miles", "percent", 23.7, 18, 76, ref="10")]
    table = [{"period": "2020-21-Q1", "category": '=HYPERLINK("http://x")', "value": 4}]
    path = tmp_path / "t.xlsx"
    render_xlsx(context(rows, tables={"B05_placement_type": table}), path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Indicators"]
    header = [c.value for c in ws[1]]
    assert ws.cell(row=2, column=header.index("Value") + 1).value == 23.7
    assert ws.cell(row=2, column=header.index("Numerator") + 1).value == 18
    cell = wb["B05_placement_type"].cell(row=2, column=2)
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def test_line_chart_is_valid_svg_with_one_line_per_series():
    svg = line_chart(
        {
            "CLA": [("2020-03", 180.0), ("2020-06", 195.0)],
            "CLA 1yr+": [("2020-03", 110.0), ("2020-06", None)],
        },
        "Numbers",
    )
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.find(f"{ns}title").text == "Numbers"
    assert len(root.findall(f"{ns}polyline")) == 1  # the second series has one point only
    assert len(root.findall(f"{ns}circle")) == 1


def test_part_b_commentary_from_the_tables():
    from reports.commentary import commentary

    q2 = parse_period("2026-27-Q2")
    b01 = [
        {"period": "2026-27-Q2", "category": "cla_count", "value": 197},
        {"period": "2025-26-Q2", "category": "cla_count", "value": 205},
        {"period": "2026-27-Q2", "category": "cla_1yr_plus_count", "value": 130},
    ]
    assert commentary("B01", b01, q2) == (
        "There were 197 children looked after at the end of the quarter, compared with 205 a "
        "year earlier; 130 had been looked after for a year or more."
    )
    b03 = [
        {
            "period": "2026-27-Q2",
            "category": "Female",
            "value": 85,
            "percent": 43.1,
            "series": "local",
        },
        {
            "period": "2026-27-Q2",
            "category": "Male",
            "value": 112,
            "percent": 56.9,
            "series": "local",
        },
        {
            "period": "2018-19",
            "category": "Male",
            "value": 58.7,
            "percent": 58.7,
            "series": "england",
        },
    ]
    assert commentary("B03", b03, q2) == (
        "Of the 197 children looked after at the end of the quarter, the largest group was "
        "Male: 112 children (56.9%)."
    )
    # B09: July-September 2026 are Q2's months; June belongs to Q1 and is left out
    b09 = [
        {"period": m, "category": c, "value": v}
        for m, c, v in [
            ("2026-06", "started", 40),
            ("2026-07", "started", 7),
            ("2026-08", "started", 6),
            ("2026-09", "started", 5),
            ("2026-07", "ceased", 2),
            ("2026-08", "ceased", 5),
            ("2026-09", "ceased", 6),
        ]
    ]
    assert commentary("B09", b09, q2) == "In the quarter 18 periods of care started and 13 ended."
    q4 = parse_period("2025-26-Q4")  # January to March 2026
    assert commentary("B09", b09, q4) == ""  # no months of that quarter: no sentence


def test_commentary_skips_suppressed_rows_and_missing_tables():
    from reports.commentary import commentary

    q2 = parse_period("2026-27-Q2")
    rows = [{"period": "2026-27-Q2", "category": "cla_count", "value": None, "suppressed": True}]
    assert commentary("B01", rows, q2) == ""
    assert commentary("B12", [{"period": "2026-27-Q2", "category": "x", "value": 1}], q2) == ""
