"""Great Expectations on the built indicator table: a broken table fails, naming the docs."""

from pathlib import Path

import duckdb
import pytest

from core.errors import CheckFailedError
from transforms.check import check_indicator_tables

COLUMNS = (
    "indicator_id VARCHAR, period VARCHAR, period_end DATE, value DOUBLE, numerator DOUBLE, "
    "denominator DOUBLE, unit VARCHAR"
)
GOOD = [
    ("cla_count", "2020-21-Q1", "2020-06-30", 200.0, 200.0, None, "count"),
    ("placed_20_miles", "2020-21-Q1", "2020-06-30", 12.5, 5.0, 40.0, "percent"),
    ("placed_20_miles", "2020-21-Q2", "2020-09-30", None, 0.0, 0.0, "percent"),
    ("cla_count", "2020-21-Q2", "2020-09-30", 0.0, 0.0, None, "count"),
]


def warehouse(rows, indicators=("cla_count", "placed_20_miles"), quarters=2):
    con = duckdb.connect()
    con.execute(f"CREATE TABLE indicator_values ({COLUMNS})")
    if rows:
        con.executemany("INSERT INTO indicator_values VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    con.execute("CREATE TABLE indicator_catalogue (indicator_id VARCHAR)")
    for i in indicators:
        con.execute("INSERT INTO indicator_catalogue VALUES (?)", [i])
    con.execute("CREATE TABLE quarters AS SELECT range AS q FROM range(?)", [quarters])
    return con


def test_good_table_passes_and_writes_offline_docs(tmp_path: Path):
    docs = tmp_path / "restricted" / "gx"
    check_indicator_tables(warehouse(GOOD), docs)
    index = (docs / "index.html").read_text()
    assert "https://code.jquery.com" not in index
    assert "cdn.jsdelivr.net" not in index


def test_broken_table_fails_naming_each_problem_and_the_docs(tmp_path: Path):
    docs = tmp_path / "gx"
    broken = [
        ("a_pct", "2020-21-Q1", "2020-06-30", 150.0, 15.0, 10.0, "percent"),  # >100, num > den
        ("a_pct", "2020-21-Q1", "2020-06-30", 50.0, 5.0, 10.0, "percent"),  # duplicate pair
        ("n", "2020-21-Q1", "2020-06-30", -3.0, -3.0, None, "count"),  # negative count
        (None, "2020-21-Q1", "2020-06-30", 1.0, 1.0, None, None),  # null id and unit
    ]
    with pytest.raises(CheckFailedError) as err:
        check_indicator_tables(warehouse(broken, indicators=("a_pct", "n"), quarters=1), docs)
    message = str(err.value)
    assert str(docs / "index.html") in message
    for expectation in [
        "expect_column_values_to_be_between(percent_value) e.g. [150.0]",
        "expect_column_values_to_be_between(count_value) e.g. [-3.0]",
        "expect_column_pair_values_a_to_be_greater_than_b(percent_denominator,percent_numerator)"
        " e.g. [[10.0, 15.0]]",
        "expect_compound_columns_to_be_unique(indicator_id,period)",
        "expect_column_values_to_not_be_null(indicator_id)",
        "expect_column_values_to_not_be_null(unit)",
        "expect_table_row_count_to_equal() observed 4",  # 2 indicators x 1 quarter = 2
    ]:
        assert expectation in message
    assert err.value.exit_code == 3
    assert (docs / "index.html").exists()


def test_empty_table_fails_when_indicators_were_built(tmp_path: Path):
    with pytest.raises(CheckFailedError, match="expect_table_row_count_to_equal"):
        check_indicator_tables(warehouse([]), tmp_path / "gx")


def test_empty_table_passes_when_nothing_was_built(tmp_path: Path):
    check_indicator_tables(warehouse([], indicators=(), quarters=2), tmp_path / "gx")


def test_missing_table_fails(tmp_path: Path):
    with pytest.raises(CheckFailedError, match="indicator_values is missing"):
        check_indicator_tables(duckdb.connect(), tmp_path / "gx")
