"""pandera schema for the `oc3` table (spec/extracts.md)."""

from schemas.base import build_schema
from schemas.tables import TABLES

SCHEMA = build_schema(TABLES["oc3"])
