"""B18 social-worker changes from sw_episodes, hand-worked."""

from tests.sql.conftest import episode


def sw(child, sw_id, start, end=""):
    return {
        "CHILD": child,
        "SW_ID": sw_id,
        "SW_DECOM": start,
        "SW_DEC": end,
        "SW_REASON": "FCONTA",
    }


def test_children_by_number_of_social_workers_in_the_rolling_year(build):
    # E = 31 March 2025; rolling year = 1 April 2024 .. 31 March 2025
    out = build(
        period="2024-25-Q4",
        episodes=[
            episode("A", "2023-01-01"),
            episode("B", "2024-06-01"),
            episode("C", "2022-01-01"),
            episode("D", "2024-01-01"),
            episode("F", "2024-01-01", "2025-02-01"),  # left care before E: not counted
            episode("G", "2024-01-01"),
        ],
        sw_episodes=[
            sw("A", "SW1", "2023-01-01", "2024-04-01"),  # ended on the year's first day: out
            sw("A", "SW2", "2024-04-01"),  # A: 1
            sw("B", "SW3", "2024-06-01", "2024-09-01"),
            sw("B", "SW4", "2024-09-01", "2025-01-01"),
            sw("B", "SW3", "2025-01-01"),  # SW3 again: B has 2 distinct
            sw("C", "SW5", "2022-01-01", "2024-05-01"),
            sw("C", "SW6", "2024-05-01", "2024-08-01"),
            sw("C", "SW7", "2024-08-01", "2024-12-01"),
            sw("C", "SW8", "2024-12-01"),  # C: 4 -> 3 or more
            sw("F", "SW9", "2024-01-01"),
            sw("G", "SW9", "2025-04-02"),  # starts after E: G has none in the year
        ],
    )
    rows = out.rows(
        "SELECT category, value, denominator, percent FROM tbl_b18_social_worker_changes "
        "WHERE report_period = '2024-25-Q4' AND period = '2024-25-Q4' ORDER BY category"
    )
    # looked after on E: A, B, C, D, G = 5
    assert rows == [
        ("1", 1, 5, 20.0),
        ("2", 1, 5, 20.0),
        ("3 or more", 1, 5, 20.0),
        ("none recorded", 2, 5, 40.0),  # D, G
    ]
    # quarters before 2023-24-Q4 (rolling year not wholly in the SW collection): no rows
    periods = out.rows(
        "SELECT min(period) FROM tbl_b18_social_worker_changes WHERE report_period = '2024-25-Q4'"
    )
    assert periods == [("2023-24-Q4",)]


def test_no_rows_when_sw_episodes_not_supplied(build):
    out = build(period="2024-25-Q4", episodes=[episode("A", "2023-01-01")])
    assert out.rows("SELECT count(*) FROM tbl_b18_social_worker_changes") == [(0,)]
