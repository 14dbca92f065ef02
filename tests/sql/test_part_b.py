"""Part B tables on one hand-built fixture, report period 2020-21-Q1 (E = 2020-06-30).

Children looked after on E: P1 (age 0, F, WBRI, U4 PR1, N1), P2 (4, M, MWBC, U6 PR4, N2),
P3 (16, M, BAFR, K2, N1), P4 (17, F, REFU, U4 PR2, N4), P7 (12, M, WBRI, U4 PR1, N1),
P8 (12, M, WBRI, P1, N1) = 6. Ceased YTD: P5 adopted 15 Jun (E11), P6 left 1 Jun (E8).
"""

import pytest

from tests.sql.conftest import episode
from tests.sql.test_part_a import POSTCODES, contact

REPORT = "2020-21-Q1"


@pytest.fixture
def part_b(build):
    return build(
        header=[
            {"CHILD": "P1", "DOB": "2020-01-01", "SEX": "2", "ETHNIC": "WBRI"},
            {"CHILD": "P2", "DOB": "2016-06-30", "SEX": "1", "ETHNIC": "MWBC"},
            {"CHILD": "P3", "DOB": "2004-06-30", "SEX": "M", "ETHNIC": "BAFR"},
            {"CHILD": "P4", "DOB": "2002-07-01", "SEX": "2", "ETHNIC": "REFU"},
            {"CHILD": "P5", "DOB": "2010-01-01", "SEX": "1", "ETHNIC": "CHNE"},
            {"CHILD": "P6", "DOB": "2008-01-01", "SEX": "1", "ETHNIC": "WBRI"},
            {"CHILD": "P7", "DOB": "2008-01-01", "SEX": "1", "ETHNIC": "WBRI"},
            {"CHILD": "P8", "DOB": "2008-01-01", "SEX": "1", "ETHNIC": "WBRI"},
        ],
        episodes=[
            episode("P1", "2020-02-01", place="U4", provider="PR1", cin="N1"),
            episode("P2", "2019-01-01", place="U6", provider="PR4", cin="N2"),
            episode("P3", "2018-01-01", place="K2", provider="PR4", cin="N1"),
            episode("P4", "2019-06-01", place="U4", provider="PR2", cin="N4"),
            # P5: entered care 1 Jan 2019, placement order (E1) 1 Jun 2019, placed for
            # adoption (A5) 1 Sep 2019, adopted 15 Jun 2020
            episode("P5", "2019-01-01", "2019-06-01"),
            episode("P5", "2019-06-01", "2019-09-01", rne="L", ls="E1"),
            episode("P5", "2019-09-01", "2020-06-15", rne="P", ls="E1", place="A5", rec="E11"),
            episode("P6", "2020-05-01", "2020-06-01", home="AB1 1AA", pl="AB1 3AA"),
            episode("P7", "2020-04-10", home="AB1 1AA", pl="AB1 2AA"),
            episode("P8", "2020-04-20", place="P1", provider="PR0", home="AB1 1AA", pl="AB1 5AA"),
        ],
        ad1=[
            {
                "CHILD": "P5",
                "DOB": "2010-01-01",
                "DATE_INT": "2019-07-01",
                "DATE_MATCH": "2019-08-01",
            }
        ],
        missing=[
            {"CHILD": "P2", "MISSING": "M", "MIS_START": "2020-06-10", "MIS_END": "2020-06-11"},
            {"CHILD": "P2", "MISSING": "M", "MIS_START": "2020-06-20", "MIS_END": "2020-06-21"},
            {"CHILD": "P3", "MISSING": "A", "MIS_START": "2019-03-15", "MIS_END": "2019-03-16"},
            {"CHILD": "P4", "MISSING": "M", "MIS_START": "2019-02-28", "MIS_END": "2019-03-01"},
        ],
        sdq=[
            {"CHILD": "P2", "SDQ_DATE": "2020-05-01", "SDQ_SCORE": "17"},
            {"CHILD": "P3", "SDQ_DATE": "2020-05-01", "SDQ_SCORE": "13"},
        ],
        care_leavers=[
            contact("CLA1", "2001-05-01", "2020-05-01", accom="B1", activ="G5"),
            contact("CLA2", "2000-06-01", "2020-06-01", in_touch="REFU", accom="0", activ="0"),
            contact("CLA3", "1995-01-01", "2019-01-01", activ="F1"),
        ],
        reference={"postcodes": POSTCODES},
    )


def table(out, name: str, columns: str, where: str = "true") -> set[tuple]:
    return set(
        out.rows(f"SELECT {columns} FROM {name} WHERE report_period = ? AND {where}", [REPORT])
    )


def test_b01_window_is_12_quarters(part_b):
    periods = sorted(r[0] for r in table(part_b, "tbl_b01_numbers_over_time", "period"))
    # 2017-18-Q2 .. 2020-21-Q1
    assert len(periods) == 12 and periods[0] == "2017-18-Q2" and periods[-1] == REPORT
    rows = table(part_b, "tbl_b01_numbers_over_time", "category, value", f"period = '{REPORT}'")
    assert ("cla_count", 6.0) in rows
    # CLA 1yr+ = start <= 30 Jun 2019: P2 (Jan 2019), P3 (2018), P4 (1 Jun 2019)
    assert ("cla_1yr_plus_count", 3.0) in rows


def test_b02_to_b05_breakdowns(part_b):
    q = f"period = '{REPORT}' AND series = 'local'"
    assert table(part_b, "tbl_b02_age_groups", "category, value, percent", q) == {
        ("Under 1", 1, 100 / 6),
        ("1-4", 1, 100 / 6),
        ("10-15", 2, 200 / 6),
        ("16-17", 2, 200 / 6),
    }
    assert table(part_b, "tbl_b03_gender", "category, value", q) == {
        ("Female", 2),
        ("Male", 4),
    }
    assert table(part_b, "tbl_b04_ethnicity", "category, value", q) == {
        ("White", 3),
        ("Mixed", 1),
        ("Black or Black British", 1),
        ("Not known/refused", 1),
    }
    assert table(part_b, "tbl_b05_placement_type", "category, value", q) == {
        ("Foster carer – in-house", 2),
        ("Foster carer – agency", 1),
        ("Foster carer – other", 1),
        ("Children's homes", 1),
        ("Placed with parents", 1),
    }
    # comparators (bundled comparators.csv, 2018-19) come alongside
    assert ("Under 1", "england", 5.2) in table(
        part_b, "tbl_b02_age_groups", "category, series, percent", "series <> 'local'"
    )
    b05_periods = table(part_b, "tbl_b05_placement_type", "period")
    assert len(b05_periods) == 10  # 2018-19-Q4 .. 2020-21-Q1


def test_b08_sdq_bands(part_b):
    rows = table(
        part_b,
        "tbl_b08_health",
        "category, numerator, denominator",
        f"period = '{REPORT}' AND measure = 'sdq_band'",
    )
    assert rows == {("Concern (17+)", 1, 2), ("Normal (under 14)", 1, 2)}


def test_b09_months(part_b):
    rows = table(
        part_b,
        "tbl_b09_starting_and_ceasing",
        "period, category, value",
        "measure = 'month' AND value > 0",
    )
    # starts: P1 Feb, P7 + P8 Apr, P6 May; ends: P6 (1 Jun), P5 (15 Jun); P4's June 2019
    # start is 12 months back: outside the window
    assert rows == {
        ("2020-02", "started", 1),
        ("2020-04", "started", 2),
        ("2020-05", "started", 1),
        ("2020-06", "ceased", 2),
    }
    months = table(part_b, "tbl_b09_starting_and_ceasing", "period", "measure = 'month'")
    assert len(months) == 12


def test_b10_reasons(part_b):
    rows = table(
        part_b, "tbl_b10_reasons", "measure, left(category, 3), value", f"period = '{REPORT}'"
    )
    assert rows == {
        ("cla_by_need", "N1 ", 4),
        ("cla_by_need", "N2 ", 1),
        ("cla_by_need", "N4 ", 1),
        ("ceased_by_reason", "E11", 1),
        ("ceased_by_reason", "E8 ", 1),
    }


def test_b11_adoption_timings(part_b):
    rows = table(
        part_b,
        "tbl_b11_adoptions_and_sgos",
        "category, value, numerator, denominator",
        f"period = '{REPORT}'",
    )
    # A1: 1 Jan 2019 -> 1 Sep 2019 = 31+28+31+30+31+30+31+31 = 243 days
    # A2: placement order 1 Jun 2019 -> match 1 Aug 2019 = 61 days
    assert rows == {
        ("adopted_ytd", 1, 1, None),
        ("sgo_ytd", 0, 0, None),
        ("a1_days_entering_care_to_moving_in", 243, 243, 1),
        ("a2_days_placement_order_to_match", 61, 61, 1),
        ("pct_moved_in_under_14_months", 100, 1, 1),
    }


def test_b13_care_leavers(part_b):
    rows = table(
        part_b,
        "tbl_b13_care_leavers",
        "measure, category, value",
        f"period = '{REPORT}' AND measure <> 'indicator'",
    )
    assert rows == {
        ("in_touch", "YES", 1),
        ("in_touch", "REFU", 1),
        ("accommodation", "suitable", 1),
        ("activity", "NEET", 1),
        ("snapshot_activity", "Not in education, training or employment owing to other reasons", 1),
        ("snapshot_activity", "Full-time in higher education", 1),
        (
            "snapshot_activity",
            "Not applicable: no activity information (young person not in "
            "touch, refused contact, died etc.)",
            1,
        ),
    }


def test_b14_missing_months(part_b):
    rows = table(
        part_b, "tbl_b14_missing", "period, category, value", "measure = 'month' AND value > 0"
    )
    # P2 twice in June 2020 = 1 child; P3 away March 2019 = 16th month back; P4 Feb 2019 out
    assert rows == {("2020-06", "missing", 1), ("2019-03", "away", 1)}
    assert len(table(part_b, "tbl_b14_missing", "period", "measure = 'month'")) == 16


def test_b16_new_cla_over_20_miles(part_b):
    rows = table(
        part_b,
        "tbl_b16_placed_over_20_miles",
        "category, numerator, denominator",
        f"period = '{REPORT}'",
    )
    # on E with known sectors, not P1: P7 (17 mi) -> 0/1; new CLA YTD: P6 (20.7 mi, latest
    # episode in YTD although ceased), P7; P8 placed with parents excluded -> 1/2
    assert rows == {
        ("placed_20_miles", 0, 1),
        ("placed_50_miles", 0, 1),
        ("new_cla_placed_20_miles", 1, 2),
    }


def test_b12_b15_pass_indicators_through(part_b):
    b12 = table(part_b, "tbl_b12_reviews", "category", f"period = '{REPORT}'")
    assert b12 == {("review_timeliness",)}
    b15 = table(
        part_b, "tbl_b15_placement_stability", "category, numerator", f"period = '{REPORT}'"
    )
    # P6 ceased; the six on E have one placement each this year
    assert b15 == {
        ("placement_stability_3plus", 0),
        ("long_term_stability", 0),
        ("placement_stability_2_placements", 0),
    }
