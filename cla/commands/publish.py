"""`cla run` and `cla backfill`: parse periods, call reports.runner, print one line each."""

from __future__ import annotations

import argparse
import sys
import time

from core.periods import parse_period, period_of_quarter_end, period_range


def periods_of(args: argparse.Namespace):
    if args.command == "backfill":
        return period_range(parse_period(args.first), parse_period(args.last))
    if args.period:
        return [parse_period(args.period)]
    return [period_of_quarter_end(args.quarter_end)]


def meeting_text(day) -> str:
    """`7 October 2026` for the cover, or '' (the cover then says 'To be confirmed')."""
    return f"{day.day} {day:%B %Y}" if day else ""


def terminal_progress():
    """Step lines on stderr when it is a terminal; silent otherwise (logs, CI, cron)."""
    if sys.stderr.isatty():
        return lambda line: print(f"  {line}", file=sys.stderr, flush=True)
    return lambda line: None


def run(args: argparse.Namespace) -> int:
    periods = periods_of(args)  # usage errors first, before the heavy imports
    from reports.runner import publish_quarters

    started = time.perf_counter()
    echo = print if args.command == "backfill" else (lambda s: None)
    folders = publish_quarters(
        args.extract_dir,
        periods,
        args.out,
        args.suppression,
        args.extract_date,
        echo,
        progress=terminal_progress(),
        notice=lambda line: print(f"cla {args.command}: {line}", file=sys.stderr, flush=True),
        meeting_date=meeting_text(getattr(args, "meeting_date", None)),
    )
    took = time.perf_counter() - started
    if args.command == "run":
        print(
            f"cla run: published {periods[0]} to {folders[0]} in {took:.1f} s "
            f"(report: {folders[0] / 'report.html'})"
        )
    else:
        print(f"cla backfill: published {len(folders)} quarters to {args.out} in {took:.1f} s")
    return 0
