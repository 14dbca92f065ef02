"""Every table's pandera schema, by table name (one module per table)."""

from __future__ import annotations

from importlib import import_module

import pandera.polars as pa

from schemas.tables import TABLES

SCHEMAS: dict[str, pa.DataFrameSchema] = {
    name: import_module(f"schemas.{name}").SCHEMA for name in TABLES
}
