"""pandera schema for the `sw_episodes` table (spec/extracts.md)."""

from schemas.base import build_schema
from schemas.tables import TABLES

SCHEMA = build_schema(TABLES["sw_episodes"])
