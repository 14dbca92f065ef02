"""Exact duplicates (dropped, counted) and duplicate keys (first kept, others quarantined).

Both compare rows after trimming, date normalisation (01/02/2020 = 2020-02-01) and code
upper-casing, through the hashes `_h` (whole row) and `_k` (key) of `vn_<table>`. Only
rows whose key is seen more than once are ranked (an exact duplicate repeats its key too), so a
clean table costs one hash aggregate, shared by both checks (`scratch.repeated_keys`).
"""

from __future__ import annotations

import duckdb

from schemas.tables import TABLES
from transforms import scratch

REPEATED = f"{scratch.NAME}.repeated_keys"


def _repeated(table: str) -> str:
    """The rows of `vn_<table>` whose key is seen more than once."""
    return (
        f"(SELECT * FROM vn_{table} WHERE _k IN "
        f"(SELECT _k FROM {REPEATED} WHERE table_name = '{table}'))"
    )


def drop_exact_duplicates(con: duckdb.DuckDBPyConnection) -> None:
    """Rows identical on the contract columns: the first (file, row order) is kept. Finds the
    repeated keys first, which `duplicate_keys` reads too."""
    con.execute(f"CREATE OR REPLACE TABLE {REPEATED} (table_name VARCHAR, _k UBIGINT)")
    scratch.run_statements(
        con,
        [
            f"INSERT INTO {REPEATED} SELECT '{t}', _k FROM vn_{t} GROUP BY _k HAVING count(*) > 1"
            for t in TABLES
        ],
    )
    scratch.run_statements(
        con,
        [
            f"INSERT INTO dq_excluded SELECT '{t}', _file, _row, 'duplicate' FROM ("
            f"SELECT _file, _row, row_number() OVER (PARTITION BY _h ORDER BY _file, _row) "
            f"AS n FROM {_repeated(t)} WHERE _h IN (SELECT _h FROM {_repeated(t)} GROUP BY _h "
            "HAVING count(*) > 1)) WHERE n > 1"
            for t in TABLES
        ],
    )


def duplicate_keys(con: duckdb.DuckDBPyConnection) -> None:
    """`<table>.duplicate_key`: rows sharing a key but differing elsewhere (after the first).
    Runs after `drop_exact_duplicates` (its repeated keys, and the duplicates it set aside)."""
    statements = []
    for t in TABLES.values():
        last = [c for c in t.key if c not in t.derived][-1]
        value = f'"{last}_TXT"' if last in t.dates else f'"{last}"'
        statements.append(
            f"INSERT INTO dq_findings SELECT '{t.name}', _file, _row, '{last}', "
            f"'{t.name}.duplicate_key', v, CHILD, 'row' FROM ("
            f"SELECT _file, _row, CHILD, {value} AS v, row_number() OVER (PARTITION BY _k "
            f"ORDER BY _file, _row) AS n FROM {_repeated(t.name)} r WHERE CHILD IS NOT NULL "
            f"AND _k IN (SELECT _k FROM {_repeated(t.name)} GROUP BY _k "
            "HAVING count(DISTINCT _h) > 1) "
            f"AND (_file, _row) NOT IN (SELECT (_file, _row) FROM dq_excluded "
            f"WHERE table_name = '{t.name}')) WHERE n > 1"
        )
    scratch.run_statements(con, statements)
