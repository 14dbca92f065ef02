"""pandera schema for the `dental_checks` table (spec/extracts.md)."""

from schemas.base import build_schema
from schemas.tables import TABLES

SCHEMA = build_schema(TABLES["dental_checks"])
