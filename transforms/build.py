"""Run the SQL models in sql/ (staging -> intermediate -> indicators -> tables) in DuckDB.

`sql/00_macros/*.sql` hold shared macros (plain statements). Every other
`sql/<layer>/<name>.sql` holds one SELECT; it becomes the table `<name>`. Files run in layer
order, then name order. Indicator files (`30_indicators/ind_<id>.sql`) start with a
header block of `-- key: value` lines (the definition shown in reports) and return one row
per quarter: `period, quarter_end, numerator, denominator`.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from core.paths import SQL_DIR
from core.periods import Period
from transforms import scratch

LAYERS = ("10_staging", "20_intermediate", "30_indicators", "40_tables", "50_outputs")
BEFORE_COLLECT = ("10_staging", "20_intermediate", "30_indicators")
# Working layers: tables of the run's in-memory `scratch` database (spilled to disk past the
# memory limit), not written into the warehouse file. Writing them compressed cost more than
# computing them (100,000 children: build 11 s -> 6-7.5 s). The file keeps the validation,
# indicator, table and output layers.
WORKING_LAYERS = ("10_staging", "20_intermediate")
# Layers built as views, not tables (as dbt's staging models are): a staging model is its
# validated table typed and less what validation set aside, read by one or two models, and a
# table copied every row once more. 1,000,000 children, the whole build: 49.5-51.5 s as
# views against 52.0-57.5 s as tables; at 100,000 no difference; the same results.
VIEW_LAYERS = ("10_staging",)
_HEADER_LINE = re.compile(r"^--\s*([a-z_]+):\s*(.*)$")
_CONTINUATION = re.compile(r"^--\s{2,}(\S.*)$")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Model:
    name: str
    layer: str
    path: Path
    header: dict[str, str]

    @property
    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")


def parse_header(text: str) -> dict[str, str]:
    """The leading `-- key: value` comment block; indented `--   more` lines continue a value.

    A line may hold two pairs (`-- unit: percent   polarity: low`)."""
    header: dict[str, str] = {}
    last = None
    for line in text.splitlines():
        if not line.startswith("--"):
            break
        if (m := _HEADER_LINE.match(line)) is not None:
            rest = m.group(2)
            pairs = re.split(r"\s{3,}(?=[a-z_]+:)", rest)
            last = m.group(1)
            header[last] = pairs[0].strip()
            for extra in pairs[1:]:
                k, _, v = extra.partition(":")
                header[k.strip()] = v.strip()
        elif last and (m := _CONTINUATION.match(line)):
            header[last] += " " + m.group(1).strip()
    return header


def _code(sql: str) -> str:
    """The SQL without `--` comments (a model named in a comment is not a dependency)."""
    return "\n".join(line.split("--", 1)[0] for line in sql.splitlines())


def inputs(model: Model, names: set[str]) -> set[str]:
    """The models among `names` that this model's code names: the tables it reads."""
    return (set(_WORD.findall(_code(model.sql))) & names) - {model.name}


def _dependency_order(layer_models: list[Model]) -> list[Model]:
    """Name order, except that a model runs after the models of its layer it names."""
    names = {m.name for m in layer_models}
    needs = {m.name: inputs(m, names) for m in layer_models}
    done: list[Model] = []
    placed: set[str] = set()
    remaining = list(layer_models)
    while remaining:
        ready = [m for m in remaining if needs[m.name] <= placed]
        if not ready:
            cycle = ", ".join(f"{m.name} needs {sorted(needs[m.name] - placed)}" for m in remaining)
            raise ValueError(f"SQL models depend on each other in a cycle: {cycle}")
        done.append(ready[0])
        placed.add(ready[0].name)
        remaining.remove(ready[0])
    return done


def models(sql_dir: Path = SQL_DIR) -> list[Model]:
    """Every model, layer by layer; within a layer name order, dependencies first."""
    out = []
    for layer in LAYERS:
        layer_models = [
            Model(path.stem, layer, path, parse_header(path.read_text("utf-8")))
            for path in sorted((sql_dir / layer).glob("*.sql"))
        ]
        out.extend(_dependency_order(layer_models))
    return out


def indicator_models(sql_dir: Path = SQL_DIR) -> list[Model]:
    return [m for m in models(sql_dir) if m.layer == "30_indicators"]


def table_models(sql_dir: Path = SQL_DIR) -> list[Model]:
    return [m for m in models(sql_dir) if m.layer == "40_tables"]


def create_quarters(con: duckdb.DuckDBPyConnection, periods: list[Period]) -> None:
    """The quarter series every model computes over: one row per period."""
    con.execute(
        "CREATE OR REPLACE TABLE quarters (period VARCHAR, quarter_end DATE, fy_start DATE)"
    )
    # literals, not parameters: binding Python values makes duckdb import pandas (~2 s)
    rows = [f"('{p.label}', DATE '{p.end}', DATE '{p.fy_start}')" for p in sorted(set(periods))]
    if rows:
        con.execute(f"INSERT INTO quarters VALUES {', '.join(rows)}")


class ModelError(Exception):
    def __init__(self, model: Model, error: Exception):
        super().__init__(f"SQL model {model.layer}/{model.name}.sql failed: {error}")


def create_macros(con: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> None:
    """Run `sql/00_macros/*.sql` (plain statements: shared macros every model may use)."""
    for path in sorted((sql_dir / "00_macros").glob("*.sql")):
        con.execute(path.read_text(encoding="utf-8"))


def table_name(model: Model) -> str:
    """Where a model's table lives: `scratch` for the working layers, else the warehouse."""
    return f"{scratch.NAME}.{model.name}" if model.layer in WORKING_LAYERS else model.name


def materialise(con: duckdb.DuckDBPyConnection, model: Model) -> None:
    """Create one model's table (its view, for VIEW_LAYERS)."""
    kind = "VIEW" if model.layer in VIEW_LAYERS else "TABLE"
    try:
        con.execute(f"CREATE OR REPLACE {kind} {table_name(model)} AS\n{model.sql}")
    except duckdb.Error as e:
        raise ModelError(model, e) from e


def run_models(
    con: duckdb.DuckDBPyConnection,
    layers: tuple[str, ...],
    sql_dir: Path = SQL_DIR,
    workers: int = scratch.WORKERS,
) -> None:
    """Materialise every model of the given layers (`materialise_all`)."""
    materialise_all(con, [m for m in models(sql_dir) if m.layer in layers], workers)


def materialise_all(
    con: duckdb.DuckDBPyConnection, todo: list[Model], workers: int = scratch.WORKERS
) -> None:
    """Materialise the models, each once the models it reads (among them) exist; models that
    do not read each other are built at once, on `workers` cursors."""
    names = {m.name for m in todo}
    jobs = [
        scratch.Job(m.name, lambda cur, m=m: materialise(cur, m), frozenset(inputs(m, names)))
        for m in todo
    ]
    scratch.run_jobs(con, jobs, workers)


UNIT_VALUE_SQL = {
    "percent": "CASE WHEN denominator > 0 THEN numerator * 100.0 / denominator END",
    "rate_per_10k": "CASE WHEN denominator > 0 THEN numerator * 10000.0 / denominator END",
    "score": "CASE WHEN denominator > 0 THEN numerator * 1.0 / denominator END",
    "days": "CASE WHEN denominator > 0 THEN numerator * 1.0 / denominator END",
    "count": "numerator * 1.0",
}


def collect_indicators(con: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> None:
    """Union every indicator model into `indicator_values` (one row per indicator and quarter)."""
    parts = []
    for model in indicator_models(sql_dir):
        unit = model.header.get("unit", "")
        if unit not in UNIT_VALUE_SQL:
            raise ValueError(
                f"{model.path.name}: header unit {unit!r} is not one of {', '.join(UNIT_VALUE_SQL)}"
            )
        indicator_id = model.header.get("indicator_id", model.name.removeprefix("ind_"))
        denominator = "NULL::DOUBLE" if unit == "count" else "denominator::DOUBLE"
        parts.append(
            f"SELECT '{indicator_id}' AS indicator_id, q.period, q.quarter_end AS period_end, "
            f"({UNIT_VALUE_SQL[unit]})::DOUBLE AS value, numerator::DOUBLE AS numerator, "
            f"{denominator} AS denominator, '{unit}' AS unit "
            f"FROM quarters q LEFT JOIN {model.name} USING (period)"
        )
    empty = (
        "SELECT NULL::VARCHAR AS indicator_id, NULL::VARCHAR AS period, NULL::DATE AS period_end,"
        " NULL::DOUBLE AS value, NULL::DOUBLE AS numerator, NULL::DOUBLE AS denominator,"
        " NULL::VARCHAR AS unit WHERE false"
    )
    sql = "\nUNION ALL\n".join(parts) if parts else empty
    con.execute(f"CREATE OR REPLACE TABLE indicator_values AS {sql}")
    create_catalogue(con, sql_dir)


CATALOGUE_KEYS = (
    "indicator_id",
    "ref",
    "title",
    "plain",
    "unit",
    "polarity",
    "grain",
    "cohort",
    "numerator",
    "denominator",
    "sources",
    "caveats",
)


def create_catalogue(con: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> None:
    """`indicator_catalogue`: one row per indicator, its header block (the definitions)."""
    columns = ", ".join(f"{k} VARCHAR" for k in CATALOGUE_KEYS)
    con.execute(f"CREATE OR REPLACE TABLE indicator_catalogue ({columns})")
    rows = []
    for model in indicator_models(sql_dir):
        header = {**model.header}
        header.setdefault("indicator_id", model.name.removeprefix("ind_"))
        rows.append([header.get(k, "") or None for k in CATALOGUE_KEYS])
    if rows:
        marks = ", ".join("?" for _ in CATALOGUE_KEYS)
        con.executemany(f"INSERT INTO indicator_catalogue VALUES ({marks})", rows)


PART_B_COLUMNS = {
    "measure": "VARCHAR",
    "series": "VARCHAR",
    "period": "VARCHAR",
    "category": "VARCHAR",
    "value": "DOUBLE",
    "percent": "DOUBLE",
    "numerator": "DOUBLE",
    "denominator": "DOUBLE",
    "unit": "VARCHAR",
}
PART_B_FILES = {
    "part_b_sections": ("sections.csv", ["id", "title"]),
    "part_b_not_supplied": ("not_supplied.csv", ["id", "title", "reason"]),
    "part_b_parts": ("part_b_parts.csv", ["section", "measure", "unit", "title", "chart"]),
    "part_b_labels": ("part_b_labels.csv", ["section", "category", "label", "unit"]),
}


def section_code(model_name: str) -> str:
    """`tbl_b01_numbers_over_time` -> `B01`."""
    return model_name.removeprefix("tbl_").partition("_")[0].upper()


def collect_tables(con: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> None:
    """Union every Part B table into `part_b_rows` (one shape: a column a table lacks is
    NULL) and store the section list, part titles and labels from `sql/40_tables/*.csv`
    (each with `position`, its row order in the file)."""
    for table, (file_name, columns) in PART_B_FILES.items():
        cols = ", ".join(f"{c} VARCHAR" for c in columns)
        con.execute(f"CREATE OR REPLACE TABLE {table} ({cols}, position INTEGER)")
        path = sql_dir / "40_tables" / file_name
        if path.exists():
            with open(path, newline="", encoding="utf-8") as fh:
                rows = [
                    [r.get(c) or None for c in columns] + [i]
                    for i, r in enumerate(csv.DictReader(fh))
                ]
            if rows:
                marks = ", ".join("?" for _ in [*columns, "position"])
                con.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    parts = []
    for model in table_models(sql_dir):
        have = {r[0] for r in con.execute(f"DESCRIBE {model.name}").fetchall()}
        select = ", ".join(
            f"{c}::{t} AS {c}" if c in have else f"NULL::{t} AS {c}"
            for c, t in PART_B_COLUMNS.items()
        )
        parts.append(
            f"SELECT '{section_code(model.name)}' AS section, '{model.name}' AS table_name, "
            f"report_period, {select} FROM {model.name}"
        )
    empty = ", ".join(f"NULL::{t} AS {c}" for c, t in PART_B_COLUMNS.items())
    sql = "\nUNION ALL\n".join(parts) or (
        "SELECT NULL::VARCHAR AS section, NULL::VARCHAR AS table_name, "
        f"NULL::VARCHAR AS report_period, {empty} WHERE false"
    )
    con.execute(f"CREATE OR REPLACE TABLE part_b_rows AS {sql}")


def build(con: duckdb.DuckDBPyConnection, periods: list[Period], sql_dir: Path = SQL_DIR) -> None:
    """Staging -> intermediate -> indicators -> tables -> outputs for the whole quarter series.

    `indicator_values` (every indicator, every quarter) exists before 40_tables and
    50_outputs run, so Part B tables and the published indicator rows can read it;
    `part_b_rows` (every Part B table in one shape) exists before 50_outputs."""
    create_macros(con, sql_dir)
    create_quarters(con, periods)
    run_models(con, BEFORE_COLLECT, sql_dir)
    collect_indicators(con, sql_dir)
    run_models(con, ("40_tables",), sql_dir)
    collect_tables(con, sql_dir)
    run_models(con, ("50_outputs",), sql_dir)
