"""`cla validate DIR [--period P] [--extract-date DATE] [--report FILE]`.

Prints counts by file and rule, row accounting per file and a one-line summary; exit 0 when
nothing blocks (row errors are listed), 1 when blocked (BlockedError), 2 on usage errors.
"""

from __future__ import annotations

import argparse
from collections import defaultdict

from core.errors import BlockedError, UsageError
from core.periods import parse_period
from transforms.pipeline import blocking_message, check_coverage
from transforms.validation.findings import write_findings_csv
from transforms.validation.run import Checked, check_extract


def counts_table(checked: Checked) -> list[str]:
    """Lines: per file, each rule with its severity and count."""
    counts: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for file, rule, sev, n in checked.con.execute(
        "SELECT file, rule, severity, count(*) FROM dq_findings GROUP BY file, rule, severity "
        "ORDER BY file, CASE severity WHEN 'blocking' THEN 0 WHEN 'row' THEN 1 ELSE 2 END, rule"
    ).fetchall():
        counts[file].append((rule, sev, n))
    lines = []
    accounts = {f.name: f for f in checked.result.files} if checked.result else {}
    for file in sorted(set(counts) | set(accounts)):
        a = accounts.get(file)
        head = f"{file}"
        if a:
            head += (
                f" ({a.table}): read {a.rows_read}, loaded {a.rows_loaded}, "
                f"quarantined {a.rows_quarantined}, duplicates dropped {a.duplicates_dropped}"
            )
        lines.append(head)
        for rule, sev, n in counts.get(file, []):
            lines.append(f"  {sev:<8} {rule:<45} {n:>7}")
    return lines


def summary(checked: Checked) -> str:
    r = checked.result
    if r is None:
        return f"cla validate: BLOCKED: {len(checked.blocking)} blocking problem(s); nothing loaded"
    total = {
        k: sum(getattr(f, k) for f in r.files)
        for k in ("rows_read", "rows_loaded", "rows_quarantined", "duplicates_dropped")
    }
    state = "BLOCKED" if r.blocking else "ok"
    extract = r.extract_date.isoformat() if r.extract_date else "none"
    return (
        f"cla validate: {state}: {len(r.files)} files, {total['rows_read']} rows read, "
        f"{total['rows_loaded']} loaded, {total['rows_quarantined']} quarantined, "
        f"{total['duplicates_dropped']} duplicates dropped; {r.row_errors} row errors, "
        f"{r.warnings} warnings, {len(r.blocking)} blocking; "
        f"{r.children_set_aside} children's episodes set aside; extract date {extract}"
    )


def run(args: argparse.Namespace) -> int:
    if not args.extract_dir.is_dir():
        raise UsageError(f"extract folder {args.extract_dir} does not exist or is not a folder")
    period = parse_period(args.period) if args.period else None
    checked = check_extract(args.extract_dir, args.extract_date)
    try:
        for line in counts_table(checked):
            print(line)
        if args.report:
            n = write_findings_csv(checked.con, args.report)
            print(f"findings written to {args.report} ({n} rows)")
        print(summary(checked))
        if checked.blocking:
            raise BlockedError(blocking_message(checked.blocking))
        if period is not None:
            check_coverage(checked.result.extract_date, [period])
    finally:
        checked.con.close()
    return 0
