"""Fixture builder for SQL model tests: hand-made extract rows -> CSV files -> built warehouse.

Tests describe a few children with `episode(...)` and plain dicts, call `build(...)`, and read
indicator values with `out.ind(indicator_id)` -> (numerator, denominator) or `out.value(...)`.
Children named in any 903 table get a header row automatically (DOB 2010-01-01 unless given).
A filler child with a single episode, review and missing row in 2000 keeps the required
files non-empty; it is outside every window the tests look at.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from core.periods import parse_period
from schemas.tables import TABLES
from transforms.pipeline import build_warehouse

FILLER = "FILLER"
DEFAULT_DOB = "2010-01-01"
DEFAULT_EXTRACT_DATE = date(2026, 3, 31)


def episode(
    child: str,
    decom: str,
    dec: str | None = None,
    *,
    rne: str = "S",
    ls: str = "C2",
    place: str = "U4",
    rec: str | None = None,
    cin: str = "N1",
    provider: str = "PR1",
    home: str = "",
    pl: str = "",
) -> dict[str, str]:
    """One episode row; REC defaults to X1 when the next episode starts on DEC, else E8."""
    return {
        "CHILD": child,
        "DECOM": decom,
        "RNE": rne,
        "LS": ls,
        "CIN": cin,
        "PLACE": place,
        "PLACE_PROVIDER": provider,
        "DEC": dec or "",
        "REC": rec or "",
        "REASON_PLACE_CHANGE": "",
        "HOME_POST": home,
        "PL_POST": pl,
        "URN": "",
    }


def _default_recs(episodes: list[dict[str, str]]) -> None:
    starts = {(e["CHILD"], e["DECOM"]) for e in episodes}
    for e in episodes:
        if e["DEC"] and not e["REC"]:
            e["REC"] = "X1" if (e["CHILD"], e["DEC"]) in starts else "E8"


def _write(path: Path, columns: tuple[str, ...], rows: list[dict[str, Any]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(columns))
        writer.writeheader()
        for row in rows:
            writer.writerow({c: ("" if row.get(c) is None else row.get(c, "")) for c in columns})


@dataclass
class Built:
    """A built warehouse and helpers to read it."""

    con: duckdb.DuckDBPyConnection
    period: str

    def ind(self, indicator_id: str, period: str | None = None) -> tuple[Any, Any]:
        """(numerator, denominator) of one indicator for one quarter (ints when whole)."""
        row = self.con.execute(
            "SELECT numerator, denominator FROM indicator_values "
            "WHERE indicator_id = ? AND period = ?",
            [indicator_id, period or self.period],
        ).fetchone()
        assert row is not None, f"no row for {indicator_id} {period or self.period}"
        return tuple(int(x) if x is not None and float(x).is_integer() else x for x in row)

    def value(self, indicator_id: str, period: str | None = None) -> float | None:
        row = self.con.execute(
            "SELECT value FROM indicator_values WHERE indicator_id = ? AND period = ?",
            [indicator_id, period or self.period],
        ).fetchone()
        assert row is not None
        return row[0]

    def rows(self, sql: str, params: list | None = None) -> list[tuple]:
        return self.con.execute(sql, params or []).fetchall()


BuildFn = Callable[..., Built]


@pytest.fixture
def build(tmp_path: Path) -> BuildFn:
    """build(period=..., episodes=[...], header=[...], reviews=[...], ...) -> Built."""
    opened: list[duckdb.DuckDBPyConnection] = []

    def _build(
        period: str = "2020-21-Q1",
        extract_date: date = DEFAULT_EXTRACT_DATE,
        reference: dict[str, list[dict[str, Any]]] | None = None,
        **tables: list[dict[str, Any]],
    ) -> Built:
        folder = tmp_path / f"extract{len(opened)}"
        folder.mkdir()
        episodes = [dict(e) for e in tables.pop("episodes", [])]
        episodes.append(episode(FILLER, "2000-01-03", "2000-02-01", rec="E8"))
        _default_recs(episodes)
        header = [dict(h) for h in tables.pop("header", [])]
        header.append({"CHILD": FILLER, "DOB": "1990-01-01"})
        reviews = list(tables.pop("reviews", [])) + [{"CHILD": FILLER, "REVIEW": "2000-01-20"}]
        missing = list(tables.pop("missing", [])) + [
            {"CHILD": FILLER, "MISSING": "M", "MIS_START": "2000-01-10", "MIS_END": "2000-01-11"}
        ]
        named = {e["CHILD"] for e in episodes} | {r["CHILD"] for r in reviews + missing}
        named |= {r["CHILD"] for r in tables.get("uasc", [])}
        have = {h["CHILD"] for h in header}
        header += [
            {"CHILD": c, "SEX": "1", "DOB": DEFAULT_DOB, "ETHNIC": "WBRI"}
            for c in sorted(named - have)
        ]
        for h in header:
            h.setdefault("SEX", "1")
            h.setdefault("DOB", DEFAULT_DOB)
            h.setdefault("ETHNIC", "WBRI")
        dobs = {h["CHILD"]: h["DOB"] for h in header}
        for r in reviews + missing:
            r.setdefault("DOB", dobs.get(r["CHILD"], DEFAULT_DOB))
        all_tables = {
            "header": header,
            "episodes": episodes,
            "reviews": reviews,
            "missing": missing,
            **tables,
        }
        for name, rows in all_tables.items():
            if rows:
                _write(folder / f"{name}.csv", TABLES[name].columns, rows)
        if reference:
            (folder / "reference").mkdir()
            for name, rows in reference.items():
                _write(folder / "reference" / f"{name}.csv", tuple(rows[0]), rows)
        wh = build_warehouse(folder, [parse_period(period)], extract_date=extract_date)
        excluded = wh.con.execute(
            "SELECT table_name, _row, reason FROM dq_excluded WHERE reason <> 'duplicate'"
        ).fetchall()
        assert not excluded, f"fixture rows quarantined: {excluded}"
        opened.append(wh.con)
        return Built(wh.con, period)

    yield _build
    for con in opened:
        con.close()
