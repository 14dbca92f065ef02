"""The pipeline's SQL for cla_count, placement_stability_3plus and review_timeliness alone.

    .venv/bin/python benchmarks/pipeline_three.py EXTRACT_DIR PERIOD

Loads and validates the extract set into memory as `cla validate` does (not timed), creates the
quarter series of PERIOD and runs only the models those three indicators need (staging
included), timing them: the counterpart of `pandas_baseline.py`'s compute. Prints one JSON
object: `sql_s`, `models` and `values` in the baseline's shape.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from core.periods import parse_period
from transforms import build as sql_build
from transforms.validation.run import check_extract

INDICATORS = ("cla_count", "placement_stability_3plus", "review_timeliness")


def needed(names: tuple[str, ...]) -> list[sql_build.Model]:
    """The models the named ones read, transitively, in build order."""
    every = sql_build.models()
    by_name = {m.name: m for m in every}
    want, todo = set(), list(names)
    while todo:
        name = todo.pop()
        if name not in want:
            want.add(name)
            todo += sql_build.inputs(by_name[name], set(by_name))
    return [m for m in every if m.name in want]


def main() -> None:
    folder, last = Path(sys.argv[1]), parse_period(sys.argv[2])
    con = check_extract(folder).con
    series = [last.shift(-k) for k in range(13)]
    todo = needed(tuple(f"ind_{i}" for i in INDICATORS))
    t = time.perf_counter()
    sql_build.create_macros(con)
    sql_build.create_quarters(con, series)
    sql_build.materialise_all(con, todo)  # as the build runs them: two cursors
    sql_s = time.perf_counter() - t
    values: dict[str, dict[str, list]] = {}
    for i in INDICATORS:
        rows = con.execute(f"SELECT period, numerator, denominator FROM ind_{i}").fetchall()
        values[i] = {p: [n, d] for p, n, d in rows}
    con.close()
    print(json.dumps({"sql_s": sql_s, "models": [m.name for m in todo], "values": values}))


if __name__ == "__main__":
    main()
