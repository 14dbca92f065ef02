"""Shared SQL macros (sql/00_macros): postcode sectors, ages, months, haversine."""

import duckdb
import pytest

from transforms.build import create_macros


@pytest.fixture(scope="module")
def con():
    c = duckdb.connect()
    create_macros(c)
    yield c
    c.close()


@pytest.mark.parametrize(
    ("raw", "sector"),
    [
        ("ha1  2ab", "HA1 2"),  # upper case, single space, first digit of the inward code
        ("HA12AB", "HA1 2"),  # no space: last three characters are digit + two letters
        ("HA12", None),  # no space and no inward code: unknown
        ("HA1 2", "HA1 2"),  # already a sector
        (" sw1a 1aa ", "SW1A 1"),
        ("", None),
        (None, None),
        ("HA1 AB", None),  # inward code not starting with a digit
    ],
)
def test_postcode_sector(con, raw, sector):
    assert con.execute("SELECT postcode_sector(?)", [raw]).fetchone()[0] == sector


@pytest.mark.parametrize(
    ("dob", "on", "age"),
    [
        ("2004-02-29", "2021-02-28", 17),  # 29 Feb birthday falls on 28 Feb
        ("2004-02-29", "2021-02-27", 16),
        ("2004-02-29", "2024-02-28", 19),  # leap year: birthday is 29 Feb
        ("2004-02-29", "2024-02-29", 20),
        ("2005-06-30", "2020-06-30", 15),  # birthday on the day counts
        ("2005-07-01", "2020-06-30", 14),
    ],
)
def test_age_on(con, dob, on, age):
    assert con.execute("SELECT age_on(?::DATE, ?::DATE)", [dob, on]).fetchone()[0] == age


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        ("2021-03-31", -1, "2021-02-28"),  # day clamped to the month's length
        ("2020-06-30", -30, "2017-12-30"),
        ("2020-02-29", 12, "2021-02-28"),
        ("2020-12-31", 2, "2021-02-28"),
    ],
)
def test_add_months(con, day, months, expected):
    got = con.execute("SELECT add_months(?::DATE, ?)", [day, months]).fetchone()[0]
    assert got.isoformat() == expected


def test_haversine_one_degree_of_latitude(con):
    # 1 degree along a meridian = 2 * pi * 3958.8 / 360 = 69.0941 miles
    got = con.execute("SELECT haversine_miles(51.0, -1.0, 52.0, -1.0)").fetchone()[0]
    assert got == pytest.approx(69.0940944, abs=1e-6)
