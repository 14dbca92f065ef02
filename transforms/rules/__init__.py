"""Validation rules: one rule per unit, each a SQL query over the typed validation tables.

A rule is a query returning `table_name, file, row, "column", value, child` for every row it
flags, registered with an id (`<table>.<check>` or a DfE 903 code), a severity (`row` or
`warning`), a stage and a message. Rules in `sql/` carry those as `-- key: value` header lines;
families of rules that differ only by table or column are generated in `generated.py`.

Stages run in order: `rows` (single rows and cross-table facts), `after_header` (rules that
need to know which header rows were quarantined), `final` (consequences of quarantine).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

SQL_DIR = Path(__file__).resolve().parent / "sql"
STAGES = ("rows", "after_header", "final")
SEVERITIES = ("row", "warning")


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    message: str
    sql: str
    stage: str = "rows"
    dfe: str | None = None  # the DfE 903 rule code this rule implements, if any
    covers_dfe: str | None = None  # DfE rules a spec rule (row error/warning) stands in for

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES or self.stage not in STAGES:
            raise ValueError(f"rule {self.id}: bad severity {self.severity} or stage {self.stage}")


def parse_rule(text: str, source: str = "") -> Rule:
    """A rule from a SQL file whose leading `-- key: value` lines give its metadata."""
    meta: dict[str, str] = {}
    body = []
    for line in text.splitlines():
        if not body and line.startswith("--") and ":" in line:
            key, _, value = line[2:].partition(":")
            meta[key.strip()] = value.strip()
        else:
            body.append(line)
    missing = {"id", "severity", "message"} - set(meta)
    if missing:
        raise ValueError(f"rule file {source} lacks {', '.join(sorted(missing))}")
    return Rule(
        id=meta["id"],
        severity=meta["severity"],
        message=meta["message"],
        sql="\n".join(body).strip().rstrip(";"),
        stage=meta.get("stage", "rows"),
        dfe=meta.get("dfe"),
        covers_dfe=meta.get("covers_dfe"),
    )


@cache
def sql_rules() -> tuple[Rule, ...]:
    """Every rule kept as a SQL file, in file-name order."""
    return tuple(parse_rule(p.read_text(), p.name) for p in sorted(SQL_DIR.glob("*.sql")))
