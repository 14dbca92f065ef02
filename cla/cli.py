"""The `cla` command line: argument parsing and exit codes only; work happens elsewhere."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from core import collector
from core.errors import ClaError


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO date (YYYY-MM-DD)") from e


def _common_run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", type=Path, default=Path("output"), help="output folder (./output)")
    p.add_argument(
        "--suppression",
        choices=["panel", "public"],
        default="panel",
        help="suppression profile (default panel)",
    )
    p.add_argument(
        "--extract-date",
        type=_iso_date,
        metavar="DATE",
        help="the day the extract was taken (default: latest event date)",
    )
    p.add_argument(
        "--meeting-date",
        type=_iso_date,
        metavar="DATE",
        help="date of the Panel meeting, printed on the cover (default: to be confirmed)",
    )


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="cla",
        description="Children Looked After quarterly activity and performance report.",
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    d = sub.add_parser("demo-data", help="write a synthetic, realistic extract set")
    d.add_argument("--out", type=Path, required=True, help="folder to write the extract set to")
    d.add_argument(
        "--children",
        type=int,
        default=1000,
        help="distinct children across the whole history (default 1000)",
    )
    d.add_argument("--seed", type=int, default=903, help="random seed (default 903)")
    d.add_argument(
        "--through",
        type=_iso_date,
        metavar="DATE",
        help="last date of history (default: last quarter end before today)",
    )
    d.add_argument(
        "--describe", action="store_true", help="print the headline figures of the generated set"
    )
    d.add_argument(
        "--format",
        choices=("csv", "xml"),
        default="csv",
        help="csv (default), or xml: the 903 tables as one DfE XML return (SSDA903.xml)",
    )

    v = sub.add_parser("validate", help="check an extract set and print counts by rule")
    v.add_argument("extract_dir", type=Path, metavar="DIR")
    v.add_argument("--period", help="also check the extract covers this period (2020-21-Q1)")
    v.add_argument("--extract-date", type=_iso_date, metavar="DATE")
    v.add_argument(
        "--report", type=Path, metavar="FILE", help="write every finding to this CSV file"
    )

    r = sub.add_parser("run", help="validate, build, check and publish one quarter")
    r.add_argument("extract_dir", type=Path, metavar="DIR")
    which = r.add_mutually_exclusive_group(required=True)
    which.add_argument("--period", help="period label, e.g. 2020-21-Q1")
    which.add_argument(
        "--quarter-end",
        type=_iso_date,
        metavar="DATE",
        help="ISO date of a quarter end, e.g. 2020-06-30",
    )
    _common_run_options(r)

    b = sub.add_parser("backfill", help="publish every quarter of a range from one build")
    b.add_argument("extract_dir", type=Path, metavar="DIR")
    b.add_argument("--from", dest="first", required=True, metavar="P", help="first period")
    b.add_argument("--to", dest="last", required=True, metavar="P", help="last period")
    _common_run_options(b)

    w = sub.add_parser("watch", help="publish each complete new extract set that lands")
    w.add_argument("landing", type=Path, metavar="LANDING", help="folder the extract sets land in")
    w.add_argument("--out", type=Path, default=Path("output"), help="output folder (./output)")
    w.add_argument(
        "--settle",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="a set without _READY is complete once no file changed for this long (default 60)",
    )
    w.add_argument("--once", action="store_true", help="handle what is there now, then exit")

    s = sub.add_parser("serve", help="serve the output folder on 127.0.0.1")
    s.add_argument("--out", type=Path, default=Path("output"), help="output folder (./output)")
    s.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default 8000)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)  # argparse exits 2 on bad usage
    if args.command in ("watch", "serve"):  # long-running: collections as usual
        return run_command(args)
    with collector.paused():  # one-shot: collected where its steps end
        return run_command(args)


def run_command(args: argparse.Namespace) -> int:
    try:
        if args.command == "demo-data":
            from cla.commands.demo_data import run as command
        elif args.command == "validate":
            from cla.commands.validate import run as command
        elif args.command == "watch":
            from cla.commands.watch import run as command
        elif args.command == "serve":
            from cla.commands.serve import run as command
        else:
            from cla.commands.publish import run as command
        return command(args)
    except ClaError as e:
        print(f"cla {args.command}: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print(f"cla {args.command}: interrupted; nothing was published", file=sys.stderr)
        return 3
    except Exception as e:  # an internal failure: exit 3, nothing published
        if os.environ.get("CLA_DEBUG"):
            raise
        print(
            f"cla {args.command}: failed ({type(e).__name__}: {e}); nothing was published. "
            "Set CLA_DEBUG=1 to see the traceback.",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":
    sys.exit(main())
