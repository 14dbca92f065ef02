"""`cla watch`: publish each complete new extract set that lands (embedded, or via Prefect)."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading

from core.errors import UsageError


def log(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def stop_on_signals(stop: threading.Event) -> None:
    """First SIGTERM/SIGINT: finish the current set, then stop. Second: abandon it now."""

    def handler(signum: int, frame: object) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        log(f"cla watch: {signal.Signals(signum).name}: stopping after the current step")
        stop.set()

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


def run(args: argparse.Namespace) -> int:
    if not args.landing.is_dir():
        raise UsageError(f"landing folder {args.landing} does not exist or is not a folder")
    if args.settle < 0:
        raise UsageError("--settle must be zero or more seconds")
    from reports.landing import Watcher, embedded_handler, run_until_stopped, warm_up

    out = args.out.resolve()
    embedded = not os.environ.get("PREFECT_API_URL")
    if not embedded:
        from flows.events import emit_landed as handle

        mode = f"emitting cla.extract.landed to {os.environ['PREFECT_API_URL']}"
    else:
        handle, mode = embedded_handler(out, log), "publishing itself"
    watcher = Watcher(args.landing.resolve(), out, handle, args.settle, log)
    if args.once:
        outcomes = watcher.scan()
        counts = {s: sum(o.status == s for o in outcomes) for s in {o.status for o in outcomes}}
        summary = ", ".join(f"{n} {s}" for s, n in sorted(counts.items())) or "no new sets"
        print(f"cla watch: {summary} ({mode})")
        if "failed" in counts:
            return 3
        return 1 if "blocked" in counts else 0
    stop = threading.Event()
    stop_on_signals(stop)
    try:
        if embedded:
            warm_up()  # the first landing then publishes as fast as the next
        run_until_stopped(watcher, stop)
    except KeyboardInterrupt:  # a second signal: the set in hand is abandoned, not recorded
        watcher.log("stopped: the set in hand was abandoned (its previous publication is intact)")
    return 0
