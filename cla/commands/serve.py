"""`cla serve`: the output folder on http://127.0.0.1:PORT/ until stopped."""

from __future__ import annotations

import argparse
import signal
import threading

from core.errors import UsageError


def run(args: argparse.Namespace) -> int:
    if not args.out.is_dir():
        raise UsageError(f"output folder {args.out} does not exist (publish a quarter first)")
    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port {args.port} is not a port number")
    from reports.server import make_server

    try:
        server = make_server(args.out, args.port)
    except OSError as e:
        raise UsageError(f"cannot listen on 127.0.0.1:{args.port}: {e.strerror}") from e

    def stop(signum: int, frame: object) -> None:
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    host, port = server.server_address[:2]
    print(f"cla serve: serving {args.out.resolve()} on http://{host}:{port}/", flush=True)
    with server:
        server.serve_forever()
    print("cla serve: stopped", flush=True)
    return 0
