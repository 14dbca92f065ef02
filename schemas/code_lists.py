"""Code lists (schemas/codes/*.csv) with the collection years each code is valid in."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import polars as pl

CODES_DIR = Path(__file__).resolve().parent / "codes"


@cache
def code_list(name: str) -> pl.DataFrame:
    """`code` (trimmed, upper-case), `valid_from_year`, `valid_to_year` (null = open)."""
    frame = pl.read_csv(CODES_DIR / f"{name}.csv", infer_schema=False)
    return frame.select(
        pl.col("code").str.strip_chars().str.to_uppercase(),
        pl.col("valid_from_year").str.strip_chars().cast(pl.Int32, strict=False),
        pl.col("valid_to_year").str.strip_chars().cast(pl.Int32, strict=False),
    )


def collection_year(d: date) -> int:
    """The collection year a date falls in: the year its 1 April-31 March year ends."""
    return d.year + 1 if d.month >= 4 else d.year


def collection_year_expr(d: pl.Expr) -> pl.Expr:
    """`collection_year` as a polars expression over a Date column."""
    return d.dt.year() + (d.dt.month() >= 4).cast(pl.Int32)


def valid_codes(name: str, year: int | None = None) -> set[str]:
    """Codes valid in a collection year (every code of any year when year is None)."""
    frame = code_list(name)
    if year is not None:
        frame = frame.filter(
            (pl.col("valid_from_year").is_null() | (pl.col("valid_from_year") <= year))
            & (pl.col("valid_to_year").is_null() | (pl.col("valid_to_year") >= year))
        )
    return set(frame["code"].to_list())
