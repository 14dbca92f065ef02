"""The floor every run is measured against: import great_expectations, read every CSV into DuckDB.

    .venv/bin/python benchmarks/floor.py EXTRACT_DIR

The check library must be loaded and every file read, so no run can cost less. CSVs are
read as text (`all_varchar`) into tables of a DuckDB file in a temporary folder (the
pipeline writes a file too). Prints one JSON object: `import_s`, `read_s`, `rows`.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    folder = Path(sys.argv[1])
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    t = time.perf_counter()
    import duckdb
    import great_expectations  # noqa: F401

    import_s = time.perf_counter() - t
    t = time.perf_counter()
    rows = 0
    with tempfile.TemporaryDirectory() as tmp:
        con = duckdb.connect(str(Path(tmp) / "floor.duckdb"))
        for i, path in enumerate(sorted(folder.rglob("*.csv"))):
            quoted = str(path).replace("'", "''")
            con.execute(
                f"CREATE TABLE t{i} AS SELECT * FROM read_csv('{quoted}', all_varchar = true, "
                "header = true, delim = ',', quote = '\"', strict_mode = false)"
            )
            rows += con.execute(f"SELECT count(*) FROM t{i}").fetchone()[0]
        con.close()
    read_s = time.perf_counter() - t
    print(json.dumps({"import_s": import_s, "read_s": read_s, "rows": rows}))


if __name__ == "__main__":
    main()
