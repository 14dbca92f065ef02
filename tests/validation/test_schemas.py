"""The pandera schemas on their own: one base schema per table, code years from codes/*.csv."""

import pandera.polars as pa
import polars as pl
import pytest

from schemas.code_lists import collection_year, valid_codes
from schemas.registry import SCHEMAS
from schemas.tables import TABLES


def failures(table: str, rows: list[dict]) -> list[tuple[int, str, str]]:
    """(frame index, column, check) of every failure, sorted."""
    cols = {c: [r.get(c) for r in rows] for c in TABLES[table].columns}
    frame = pl.DataFrame(
        {"_file": ["f.csv"] * len(rows), "_row": list(range(2, len(rows) + 2)), **cols},
        schema={"_file": pl.String, "_row": pl.Int64, **{c: pl.String for c in cols}},
    )
    try:
        SCHEMAS[table].validate(frame, lazy=True)
    except pa.errors.SchemaErrors as e:
        fc = e.failure_cases.filter(pl.col("index").is_not_null())
        return sorted(fc.select("index", "column", "check").iter_rows())
    return []


def test_every_table_has_a_schema_with_every_column():
    assert set(SCHEMAS) == set(TABLES)
    for name, schema in SCHEMAS.items():
        assert set(TABLES[name].columns) <= set(schema.columns)


@pytest.mark.parametrize(
    ("d", "year"), [((2019, 3, 31), 2019), ((2019, 4, 1), 2020), ((2024, 1, 15), 2024)]
)
def test_collection_year(d, year):
    from datetime import date

    assert collection_year(date(*d)) == year


def test_per_year_code_lists():
    assert "K3" not in valid_codes("PLACE", 2023)
    assert "K3" in valid_codes("PLACE", 2024)
    assert {"Z11", "Z12", "Z13", "Z14"} <= valid_codes("PLACE", 2026)
    assert "Z1" not in valid_codes("PLACE", 2026)
    assert {"1", "2", "M", "F", "U"} == valid_codes("SEX")


def test_episode_schema_dates_codes_and_blanks():
    ok = {"CHILD": "A", "DECOM": "01/06/2023", "RNE": "S", "LS": "C2", "CIN": "N1", "PLACE": "K3"}
    rows = [
        ok,  # 0: K3 in collection year 2024
        dict(ok, DECOM="31/02/2020"),  # 1: impossible date (its PLACE checked for any year)
        dict(ok, DECOM="2022-06-01"),  # 2: K3 in 2023
        dict(ok, PLACE=None),  # 3: blank required
        dict(ok, DEC="01/07/2023", REC="e45"),  # 4: lower case, valid by DEC's year
        dict(ok, DEC="2023/07/01", REC="E8"),  # 5: wrong date layout
    ]
    assert failures("episodes", rows) == [
        (1, "DECOM", "invalid_date"),
        (2, "PLACE", "invalid_code"),
        (3, "PLACE", "not_nullable"),
        (5, "DEC", "invalid_date"),
    ]


def test_sdq_score_schema():
    rows = [
        {"CHILD": "A", "SDQ_DATE": "01/01/2022", "SDQ_SCORE": s}
        for s in ["0", "40", "41", "7.0", " 12 ", "x"]
    ]
    assert failures("sdq", rows) == [
        (2, "SDQ_SCORE", "out_of_range"),
        (3, "SDQ_SCORE", "out_of_range"),
        (5, "SDQ_SCORE", "out_of_range"),
    ]


def test_dates_parsed_once_per_distinct_text_match_a_parse_of_every_row():
    """`with_dates` parses distinct texts and joins back: the rows keep their order, and each
    date is what Python's strptime makes of its text (by hand: the two formats, strictly)."""
    import datetime as dt
    import random
    import re

    from schemas.checks import with_dates

    texts = ["01/02/2020", "2020-02-01", "1/2/2020", "31/02/2020", "29/02/2024", "01/02/20"]
    texts += ["2020-2-1", "abc", "01/02/1899", "31/12/2099", "01/01/2100", "", None]
    rng = random.Random(903)
    column = [rng.choice(texts) for _ in range(2000)]

    def by_hand(s: str | None) -> dt.date | None:
        for fmt, shape in (
            ("%d/%m/%Y", r"\d{1,2}/\d{1,2}/\d{4}"),
            ("%Y-%m-%d", r"\d{4}-\d\d-\d\d"),
        ):
            if s is not None and re.fullmatch(shape, s):
                try:
                    d = dt.datetime.strptime(s, fmt).date()
                except ValueError:
                    return None
                return d if 1900 <= d.year <= 2099 else None
        return None

    frame = pl.DataFrame({"_row": range(2000), "D": column, "E": list(reversed(column))})
    out = with_dates(frame, ["D", "E"])
    assert out.columns == ["_row", "D", "E", "_date_D", "_date_E"]
    assert out["_row"].to_list() == list(range(2000))
    assert out["_date_D"].to_list() == [by_hand(s) for s in column]
    assert out["_date_E"].to_list() == [by_hand(s) for s in reversed(column)]
