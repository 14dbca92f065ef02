"""`cla demo-data`: write a synthetic, realistic extract set."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date

from core.errors import UsageError
from core.periods import latest_complete_period


def default_through(today: date) -> date:
    """The last quarter end strictly before `today`."""
    return latest_complete_period(today).end


def run(args: argparse.Namespace) -> int:
    if args.children is None or args.children < 1:
        raise UsageError(f"--children must be at least 1 (got {args.children})")
    through = args.through or default_through(date.today())
    if through < date(2012, 4, 1):
        raise UsageError(
            f"--through {through.isoformat()} is too early (2012-04-01 at the soonest)"
        )
    if args.out.exists() and not args.out.is_dir():
        raise UsageError(f"--out {args.out} exists and is not a folder")

    from demo.generate import generate

    tty = sys.stderr.isatty()
    started = time.monotonic()

    def progress(message: str) -> None:
        if tty:
            print(f"\r  {message} ({time.monotonic() - started:.0f} s)", end="", file=sys.stderr)

    summary = generate(
        args.out,
        children=args.children,
        seed=args.seed,
        through=through,
        progress=progress,
        fmt=getattr(args, "format", "csv"),
    )
    if tty:
        print(file=sys.stderr)
    if args.describe:
        for line in summary.headline.lines():
            print(line)
    print(summary.line())
    return 0
