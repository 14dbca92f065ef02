"""pandera schema for the `care_leavers` table (spec/extracts.md)."""

from schemas.base import build_schema
from schemas.tables import TABLES

SCHEMA = build_schema(TABLES["care_leavers"])
