"""The extract set's reference/ folder: population, postcode sectors, bundled copies."""

from __future__ import annotations

import csv
import shutil
from datetime import date
from pathlib import Path

import pandas as pd

from core.paths import REFERENCE_DIR

COPIED = ("targets.csv", "comparators.csv", "rag.csv", "bank_holidays.csv", "suppression.csv")
# Harrow-like under-18 population per 1,000 demo children (ONS mid-year estimates shape)
PER_CHILD = 57.5


def population(children: int, first_year: int, last_year: int) -> list[tuple[str, int]]:
    """Mid-year under-18 population, scaled to the demo's size, gently rising then flat."""
    rows = []
    for y in range(first_year, last_year + 1):
        trend = 1.0 + 0.004 * min(y - 2010, 9) - 0.002 * max(y - 2019, 0)
        rows.append((date(y, 6, 30).isoformat(), round(children * PER_CHILD * trend)))
    return rows


def write_reference(
    out: Path, children: int, first_year: int, last_year: int, sectors: pd.DataFrame
) -> None:
    ref = out / "reference"
    ref.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        shutil.copyfile(REFERENCE_DIR / name, ref / name)
    with open(ref / "population.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["from_date", "population_under_18"])
        w.writerows(population(children, first_year, last_year))
    write_sectors(ref / "postcodes.csv", sectors)


def write_sectors(path: Path, sectors: pd.DataFrame) -> None:
    """postcode_sector, latitude, longitude (six decimals)."""
    sectors.to_csv(path, index=False, float_format="%.6f", lineterminator="\n")
