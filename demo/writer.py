"""Streamed CSV writing: one file per table, header from the contract, chunks appended."""

from __future__ import annotations

from pathlib import Path
from typing import IO

import numpy as np
import polars as pl

from demo.dates import NONE
from schemas.tables import TABLES

DATE_FORMAT = "%d/%m/%Y"  # as the DfE writes dates


def to_frame(table: str, cols: dict[str, np.ndarray]) -> pl.DataFrame:
    """Columns (int day numbers for dates, NONE = blank) -> a frame in contract order."""
    spec = TABLES[table]
    series = []
    for name in spec.columns:
        values = cols[name]
        if name in spec.dates:
            s = pl.Series(name, values, dtype=pl.Int64)
            s = pl.select(
                pl.when(s == NONE).then(None).otherwise(s).cast(pl.Int32).cast(pl.Date)
            ).to_series()
            series.append(s.alias(name))
        elif values.dtype.kind in "iu":
            series.append(pl.Series(name, values, dtype=pl.Int64))
        else:
            series.append(pl.Series(name, values.tolist(), dtype=pl.String))
    return pl.DataFrame(series)


class TableSink:
    """Open CSV files of the extract set, written chunk by chunk."""

    def __init__(self, out: Path, tables: list[str]) -> None:
        out.mkdir(parents=True, exist_ok=True)
        self.files: dict[str, IO[bytes]] = {}
        self.rows: dict[str, int] = dict.fromkeys(tables, 0)
        for t in tables:
            f = open(out / f"{t}.csv", "wb")  # noqa: SIM115 - closed in close()
            f.write((",".join(TABLES[t].columns) + "\n").encode())
            self.files[t] = f

    def write(self, table: str, frame: pl.DataFrame) -> None:
        if frame.height:
            frame.write_csv(self.files[table], include_header=False, date_format=DATE_FORMAT)
        self.rows[table] += frame.height

    def close(self) -> None:
        for f in self.files.values():
            f.close()
