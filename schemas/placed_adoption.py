"""pandera schema for the `placed_adoption` table (spec/extracts.md)."""

from schemas.base import build_schema
from schemas.tables import TABLES

SCHEMA = build_schema(TABLES["placed_adoption"])
