"""Vectorised pandera checks on raw text columns (polars backend).

Every column arrives as trimmed text (null = blank). Each check returns one boolean per row
(True = passes); a check's name is the rule's `<check>` part (`<table>.<check>`).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData

from schemas.code_lists import code_list, collection_year_expr

DATE_PATTERN = r"^(\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})$"
MIN_YEAR, MAX_YEAR = 1900, 2099


def parse_date_expr(text: pl.Expr) -> pl.Expr:
    """dd/mm/yyyy or ISO yyyy-mm-dd to Date; anything else (31/02/2020, 01/02/20) null."""
    parsed = pl.coalesce(
        text.str.strptime(pl.Date, "%d/%m/%Y", strict=False),
        text.str.strptime(pl.Date, "%Y-%m-%d", strict=False),
    )
    shaped = text.str.contains(DATE_PATTERN)
    in_range = parsed.dt.year().is_between(MIN_YEAR, MAX_YEAR)
    return pl.when(shaped & in_range).then(parsed).otherwise(None)


def norm_code_expr(text: pl.Expr) -> pl.Expr:
    """Codes are compared trimmed and upper-cased (as the DfE tool does)."""
    return text.str.strip_chars().str.to_uppercase()


def year_column(column: str) -> str:
    """Name of the optional helper column holding `column`'s collection year."""
    return f"_year_{column}"


def date_column(column: str) -> str:
    """Name of the optional helper column holding `column` parsed as a date."""
    return f"_date_{column}"


def with_dates(frame: pl.DataFrame, dates: Iterable[str]) -> pl.DataFrame:
    """Parse each date column once (`_date_<col>`): the checks read it, and so does the
    typed copy the loader writes (`vn_<table>`), so that no date is parsed twice.

    Each distinct text is parsed once and joined back: dates repeat (1,000,000 children's
    3.7 million episodes hold 6,940 distinct DECOMs; 0.80 s -> 0.10 s for that column)."""
    for c in dates:
        parsed = frame.select(pl.col(c).unique()).with_columns(
            parse_date_expr(pl.col(c)).alias(date_column(c))
        )
        frame = frame.join(parsed, on=c, how="left", maintain_order="left", nulls_equal=True)
    return frame


def with_years(frame: pl.DataFrame, years: Iterable[str]) -> pl.DataFrame:
    """The collection year (`_year_<col>`) of each date column in `years`, from its
    `_date_<col>`."""
    return frame.with_columns(
        collection_year_expr(pl.col(date_column(c))).alias(year_column(c)) for c in years
    )


def _parsed(data: PolarsData, column: str) -> pl.Expr:
    """`column` as a date: its helper column when the frame has one, else parsed here."""
    helper = date_column(column)
    names = data.lazyframe.collect_schema().names()
    return pl.col(helper) if helper in names else parse_date_expr(pl.col(column))


def _valid_date(data: PolarsData) -> pl.LazyFrame:
    return data.lazyframe.select(pl.col(data.key).is_null() | _parsed(data, data.key).is_not_null())


def date_check() -> pa.Check:
    """A date in dd/mm/yyyy or yyyy-mm-dd that exists on the calendar."""
    return pa.Check(_valid_date, name="invalid_date")


def code_check(codes: str, year_from: str | None) -> pa.Check:
    """A code from codes/<codes>.csv valid in the collection year of column `year_from`.

    The base list is every code of any year; the per-year differences (valid_from_year /
    valid_to_year) apply when the year column holds a valid date. When it does not (blank
    or invalid, reported by its own check) any year's code is accepted.
    """
    table = code_list(codes)
    known = table["code"].to_list()
    first = table["valid_from_year"].to_list()
    last = table["valid_to_year"].to_list()
    bounded = any(y is not None for y in first + last)  # else every code valid every year

    def _check(data: PolarsData) -> pl.LazyFrame:
        code = norm_code_expr(pl.col(data.key))
        ok = code.is_in(known)
        if year_from is not None and bounded:
            helper = year_column(year_from)
            names = data.lazyframe.collect_schema().names()
            year = (
                pl.col(helper)
                if helper in names
                else collection_year_expr(_parsed(data, year_from))
            )
            lo = code.replace_strict(known, first, default=None, return_dtype=pl.Int32)
            hi = code.replace_strict(known, last, default=None, return_dtype=pl.Int32)
            ok = ok & (
                year.is_null() | ((lo.is_null() | (year >= lo)) & (hi.is_null() | (year <= hi)))
            )
        return data.lazyframe.select(pl.col(data.key).is_null() | ok.fill_null(False))

    return pa.Check(_check, name="invalid_code")


def int_range_check(lo: int, hi: int) -> pa.Check:
    """A whole number lo..hi (e.g. SDQ score 0-40); '12.5' or '41' fail."""

    def _check(data: PolarsData) -> pl.LazyFrame:
        col = pl.col(data.key)
        number = col.str.strip_chars().cast(pl.Int64, strict=False)
        ok = col.str.contains(r"^\s*\d+\s*$") & number.is_between(lo, hi)
        return data.lazyframe.select(col.is_null() | ok.fill_null(False))

    return pa.Check(_check, name="out_of_range")
