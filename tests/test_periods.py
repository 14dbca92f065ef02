from datetime import date

import pytest

from core.errors import UsageError
from core.periods import (
    Period,
    latest_complete_period,
    parse_period,
    period_of_quarter_end,
    period_range,
)


@pytest.mark.parametrize(
    ("label", "end", "fy_start"),
    [
        ("2020-21-Q1", date(2020, 6, 30), date(2020, 4, 1)),
        ("2020-21-Q3", date(2020, 12, 31), date(2020, 4, 1)),
        ("2020-21-Q4", date(2021, 3, 31), date(2020, 4, 1)),  # Q4 ends in the next calendar year
        ("1999-00-Q2", date(1999, 9, 30), date(1999, 4, 1)),  # century wrap in the label
    ],
)
def test_period_label_end_and_year_start(label, end, fy_start):
    p = parse_period(label)
    assert (p.end, p.fy_start, p.label) == (end, fy_start, label)


@pytest.mark.parametrize("bad", ["2020-22-Q1", "2020-21-Q5", "2020-Q1", "20-21-Q1", ""])
def test_bad_period_labels_are_usage_errors(bad):
    with pytest.raises(UsageError):
        parse_period(bad)


def test_shift_crosses_financial_years():
    assert parse_period("2020-21-Q1").shift(-1).label == "2019-20-Q4"
    assert parse_period("2020-21-Q4").shift(1).label == "2021-22-Q1"
    assert parse_period("2020-21-Q2").shift(-12).label == "2017-18-Q2"


def test_quarter_end_dates_map_to_periods():
    assert period_of_quarter_end(date(2021, 3, 31)) == Period(2020, 4)
    assert period_of_quarter_end(date(2020, 9, 30)) == Period(2020, 2)
    with pytest.raises(UsageError):
        period_of_quarter_end(date(2020, 9, 29))


def test_latest_complete_period_is_strictly_before_today():
    assert latest_complete_period(date(2026, 11, 23)).label == "2026-27-Q2"  # ended 30 Sep
    assert latest_complete_period(date(2026, 9, 30)).label == "2026-27-Q1"  # Q2 ends today
    assert latest_complete_period(date(2026, 10, 1)).label == "2026-27-Q2"
    assert latest_complete_period(date(2026, 4, 1)).label == "2025-26-Q4"


def test_period_range_is_inclusive():
    labels = [p.label for p in period_range(parse_period("2019-20-Q3"), parse_period("2020-21-Q2"))]
    assert labels == ["2019-20-Q3", "2019-20-Q4", "2020-21-Q1", "2020-21-Q2"]
    with pytest.raises(UsageError):
        period_range(parse_period("2020-21-Q2"), parse_period("2020-21-Q1"))
