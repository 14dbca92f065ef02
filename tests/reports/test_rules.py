"""Commentary and key-point rules, suppression and formatting on tiny hand-made contexts."""

from __future__ import annotations

import openpyxl

from core.periods import parse_period
from reports import suppression
from reports.commentary import (
    all_suppressed,
    attention,
    comparator_position,
    headline,
    largest_group,
    monthly_totals,
)
from reports.context import Context, chart_alt, direction
from reports.html import fmt
from reports.key_points import (
    adoptions_and_sgos,
    at_risk_of_third_placement,
    cla_numbers,
    key_points,
    rag_points,
    run_length,
    trend_points,
)
from reports.xlsx import render_xlsx

PERIOD = parse_period("2020-21-Q1")


def ind(indicator_id, unit, display, **extra):
    base = {
        "indicator_id": indicator_id,
        "title": extra.pop("title", indicator_id.replace("_", " ").capitalize()),
        "ref": "1",
        "unit": unit,
        "display": display,
        "value": display,
        "numerator": None,
        "denominator": None,
        "target": None,
        "target_text": "",
        "rag": None,
        "polarity": "",
        "mark": "",
        "series": [],
        "comparators": {},
        "previous_years": [],
        "previous_quarter": None,
        "direction": "",
        "note": "",
        "period": PERIOD.label,
    }
    return {**base, **extra}


def context(indicators=(), sections=()) -> Context:
    return Context(
        period=PERIOD,
        indicators=list(indicators),
        definitions=[],
        tables={},
        sections=list(sections),
        data_quality={"files": [], "rules": [], "extract_date": "", "children_set_aside": 0},
    )


def part(unit, series, periods=("Q3 2019-20", "Q4 2019-20", "Q1 2020-21"), **extra):
    """series: {label: [values...]} (None = no row, 'x' = suppressed)."""
    out = []
    for label, values in series.items():
        out.append(
            {
                "label": label,
                "category": label,
                "values": [None if v == "x" else v for v in values],
                "marks": ["x" if v == "x" else "" for v in values],
            }
        )
    p = {
        "title": extra.pop("title", "Children by group"),
        "unit": unit,
        "chart": "line",
        "series_periods": list(periods),
        "monthly": False,
        "series": out,
        "comparators": None,
    }
    return {**p, **extra}


# --- commentary rules -------------------------------------------------------------


def test_headline_states_value_and_change():
    p = part("percent", {"Reviews on time": [90.0, 95.0, 97.5]})
    assert headline(p) == ["Reviews on time: 97.5% in Q1 2020-21, up from 95.0%."]


def test_headline_skips_a_suppressed_or_missing_value():
    assert headline(part("count", {"Adopted": [1, 2, "x"]})) == []
    assert headline(part("count", {"Adopted": []}, periods=())) == []


def test_largest_group_with_share_and_biggest_change():
    # 10+20+30+40 = 100 now; group D grew most (+15 from 25)
    p = part("count", {"A": [9, 10, 10], "B": [19, 20, 20], "C": [31, 32, 30], "D": [20, 25, 40]})
    assert largest_group(p) == [
        "The largest group was D: 40 of 100 (40.0%).",
        "The biggest change since the previous quarter was D (+15).",
    ]


def test_largest_group_without_share_when_a_cell_is_suppressed():
    p = part("count", {"A": [9, 10, "x"], "B": [19, 20, 20], "C": [31, 32, 30], "D": [5, 6, 7]})
    assert largest_group(p)[0] == "The largest group was C: 30 children."


def test_largest_group_counts_a_missing_row_as_nobody_and_zero_total():
    p = part("count", {"A": [0, 0, None], "B": [0, 0, 0], "C": [0, 0, 0], "D": [0, 1, 0]})
    assert largest_group(p) == ["There were no children to count in Q1 2020-21."]


def test_monthly_totals_sum_the_quarters_three_months():
    months = ("Mar 2020", "Apr 2020", "May 2020", "Jun 2020")
    p = part(
        "count", {"Started": [9, 1, 2, 3], "Ended": [0, 0, 0, 0]}, periods=months, monthly=True
    )
    assert monthly_totals(p) == [
        "In the quarter (Apr 2020, May 2020, Jun 2020), started: 6; ended: 0."
    ]
    assert monthly_totals(part("count", {"Started": [1, 2, 3]})) == []  # quarters, not months


def test_comparator_position_names_the_widest_gap_and_year():
    p = part("count", {"16-17": [1, 2, 3]})
    p["comparators"] = {
        "year": "2018-19",
        "names": ["Statistical neighbours", "England"],
        "rows": [
            {
                "label": "16-17",
                "local": {"value": 40.0, "mark": ""},
                "comparators": [{"value": 37.6}, {"value": 23.5}],
            },
            {
                "label": "Under 1",
                "local": {"value": 5.0, "mark": ""},
                "comparators": [{"value": 4.3}, {"value": 5.2}],
            },
        ],
    }
    assert comparator_position(p) == [
        "The share for 16-17 (40.0%) is above the England average (23.5%, 2018-19)."
    ]


def test_all_suppressed_says_so():
    p = part("count", {"Adopted": [1, "x", "x"], "SGO": ["x", "x", "x"]}, title="Adoptions")
    assert all_suppressed(p) == [
        "The Q1 2020-21 figures for adoptions are not shown because the numbers are small."
    ]
    assert all_suppressed(part("count", {"Adopted": [1, 2, 3]})) == []


def test_attention_names_red_and_amber_indicators_of_the_section():
    r = ind("missing", "percent", 9.5, title="% who went missing", rag="amber", target=6.0)
    g = ind("reviews", "percent", 97.0, title="Reviews on time", rag="green", target=95.0)
    section = {
        "parts": [
            part("percent", {"% who went missing": [1, 2, 9.5], "Reviews on time": [1, 2, 97]})
        ]
    }
    assert attention(section, context([r, g])) == [
        "Needs attention: % who went missing is Amber against the 6% target."
    ]


# --- key points -------------------------------------------------------------------


def test_run_length_counts_the_latest_moves_one_way():
    assert run_length([1, 2, 3, 4]) == (3, 1)
    assert run_length([5, 4, 4]) == (0, 0)
    assert run_length([3, 1, 2, 1, 0]) == (2, -1)
    assert run_length([None, 1, 2]) == (1, 1)


def test_rag_points_put_worsening_reds_first_with_target_and_unit():
    series = [("a", 80.0), ("b", 75.0), ("c", 70.0)]  # high is good: falling = worsening
    red_worse = ind(
        "a",
        "percent",
        70.0,
        title="Suitable accommodation",
        rag="red",
        target=85.0,
        polarity="high",
        series=series,
    )
    red = ind("b", "percent", 50.0, title="Dental checks", rag="red", target=90.0, polarity="high")
    amber = ind("c", "percent", 22.8, title="Placed far", rag="amber", target=20.0, polarity="low")
    points = key_points(context([amber, red, red_worse]))
    assert points[:3] == [
        "Suitable accommodation is outside the 85% target at 70.0% (Red) and has worsened "
        "in each of the last 2 quarters.",
        "Dental checks is outside the 90% target at 50.0% (Red).",
        "Placed far is just outside the 20% target at 22.8% (Amber).",
    ]


def test_rag_points_skip_suppressed_indicators():
    r = ind("a", "percent", None, rag="red", target=85.0, mark="x")
    assert rag_points(context([r])) == []


def test_trend_points_only_for_worsening_indicators_without_rag():
    worse = ind(
        "iha",
        "percent",
        57.1,
        title="Health assessments in 28 days",
        polarity="high",
        series=[("a", 70.0), ("b", 65.0), ("c", 60.0), ("d", 57.1)],
    )
    better = ind(
        "x", "percent", 60.0, polarity="high", series=[("a", 50.0), ("b", 55.0), ("c", 60.0)]
    )
    assert trend_points(context([worse, better])) == [
        (4, "Health assessments in 28 days has worsened in each of the last 3 quarters, to 57.1%.")
    ]


def test_zero_events_and_plurals_without_brackets():
    zero = context([ind("adopted_ytd", "count", 0), ind("sgo_ytd", "count", 0)])
    assert adoptions_and_sgos(zero)[0][1] == (
        "There were no adoptions or special guardianship orders in 2020-21 so far."
    )
    one = context([ind("adopted_ytd", "count", 1), ind("sgo_ytd", "count", 3)])
    assert adoptions_and_sgos(one)[0][1] == (
        "So far in 2020-21 there have been 1 adoption and 3 special guardianship orders."
    )
    assert adoptions_and_sgos(context([ind("adopted_ytd", "count", 0)])) == []  # sgo missing


def test_at_risk_and_cla_numbers_and_missing_data():
    c = context([ind("placement_stability_2_placements", "count", 1)])
    assert at_risk_of_third_placement(c)[0][1].startswith("1 child has had 2 placements")
    assert at_risk_of_third_placement(context()) == []
    rate = ind("cla_rate_per_10k", "rate_per_10k", 33.4, comparators={"england": (65.0, "2018-19")})
    count = ind("cla_count", "count", 195, series=[("2019-20-Q1", 163.0), ("x", 190.0)])
    text = cla_numbers(context([count, rate]))[0][1]
    assert text == (
        "There were 195 children looked after at 30 June 2020, compared with 163 a year "
        "earlier; a rate of 33.4 per 10,000 children aged under 18, below the England "
        "average (65.0, 2018-19)."
    )
    assert cla_numbers(context([ind("cla_count", "count", None, mark="x")])) == []


def test_key_points_keep_every_red_and_amber_past_the_limit():
    reds = [
        ind(f"r{i}", "percent", 10.0, title=f"R{i}", rag="red", target=50.0, polarity="high")
        for i in range(14)
    ]
    points = key_points(context(reds))
    assert len(points) == 14


# --- suppression, direction, formatting, chart text ------------------------------


def test_public_profile_suppresses_small_counts_and_percentages():
    rows = [
        {"unit": "count", "numerator": 3, "denominator": None},  # 1-5: suppressed
        {"unit": "count", "numerator": 0, "denominator": None},  # zero is not
        {"unit": "count", "numerator": 6, "denominator": None},
        {"unit": "percent", "numerator": 3, "denominator": 40},  # numerator 3
        {"unit": "percent", "numerator": 10, "denominator": 4},  # denominator 4
        {"unit": "percent", "numerator": 10, "denominator": 20},
    ]
    assert [suppression.hidden(r, 5) for r in rows] == [True, False, False, True, True, False]
    for r in rows:
        suppression.mark_indicator(r, "public", 5)
    assert [r["mark"] for r in rows] == ["x", "", "", "x", "x", ""]


def test_panel_profile_marks_a_single_child_cohort_only():
    r = {"unit": "percent", "numerator": 1, "denominator": 1, "value": 100.0}
    suppression.mark_indicator(r, "panel", 5)
    assert r["mark"] == "*" and r["value"] == 100.0


def test_part_b_rows_hide_small_counts_by_their_own_unit():
    assert suppression.hidden_table_row({"unit": "count", "value": 2.0}, 5)
    assert not suppression.hidden_table_row({"unit": "count", "value": 0.0}, 5)
    # a percentage row: its numerator and denominator decide, not the percentage itself
    assert not suppression.hidden_table_row(
        {"unit": "percent", "value": 3.0, "numerator": 30.0, "denominator": 1000.0}, 5
    )
    assert suppression.hidden_table_row(
        {"unit": "days", "value": 459.5, "numerator": 919.0, "denominator": 2.0}, 5
    )


def test_direction_of_travel_reads_polarity():
    assert direction(12.0, 10.0, "low") == "up (worse)"
    assert direction(12.0, 10.0, "high") == "up (better)"
    assert direction(10.0, 10.0, "high") == "no change"
    assert direction(3, 4, "") == "down"
    assert direction(None, 4, "high") == ""


def test_fmt_shows_displayed_values_without_rounding_again():
    assert fmt(33.5, "rate_per_10k") == "33.5"
    assert fmt(1234.0, "count") == "1,234"
    assert fmt(100.0, "percent", "*") == "100.0*"
    assert fmt(None, "percent", "x") == "x"
    assert fmt(None, "percent") == "–"


def test_chart_alt_states_latest_value_and_trend():
    p = part("percent", {"Reviews on time": [90.0, 95.0, 97.5]}, title="Reviews held on time")
    assert chart_alt(p) == (
        "Line chart of reviews held on time, Q3 2019-20 to Q1 2020-21. Reviews on time: "
        "97.5% in Q1 2020-21, up from 90.0% in Q3 2019-20."
    )


def test_xlsx_keeps_numbers_as_numbers_and_formula_like_text_as_text(tmp_path):
    r = ind("placed_20_miles", "percent", 23.7, title='=HYPERLINK("http://x")', ref="10")
    path = tmp_path / "t.xlsx"
    render_xlsx(context([r]), path)
    ws = openpyxl.load_workbook(path)["Indicators"]
    title, actual = ws.cell(row=2, column=1), ws.cell(row=2, column=6)
    assert title.data_type == "s" and title.value.startswith("=HYPERLINK")
    assert actual.value == 23.7 and actual.number_format == "0.0"


def test_sheet_titles_fit_excel_and_end_at_a_word():
    from reports.xlsx import sheet_title

    assert sheet_title("B12 Reviews") == "B12 Reviews"
    long = sheet_title("B1 Numbers of children looked after over time")
    assert long == "B1 Numbers of children looked" and len(long) <= 31


def test_a_chart_of_many_series_is_drawn_as_bars_and_any_count_fits():
    from reports.charts import chart

    many = part("count", {f"Group {i}": [i, i + 1, i + 2] for i in range(12)}, alt="x")
    svg = chart(many)
    assert svg.startswith("<svg") and "Number, Q1 2020-21" in svg  # the bar chart's axis
    few = part("percent", {"A": [10.0, None, 30.0]}, alt="x", reference_lines=[])
    assert chart(few).startswith("<svg")  # an isolated value still draws


def test_a_bar_chart_of_one_group_draws():
    from reports.charts import chart

    one = part("count", {"Only group": [1, 2, 3]}, alt="x", chart="bar")
    assert chart(one).startswith("<svg")
