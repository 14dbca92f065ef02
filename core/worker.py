"""A worker process that imports a heavy library at once and then serves requests.

The worker is a fresh interpreter (`python -c`, not multiprocessing's spawn, which would
re-import the caller's main module) running `serve(conn, *args)` of a named module, talking
over a socket pair, with automatic garbage collection paused (`core.collector`). Used for the
Great Expectations check and the PDF renderer: both cost seconds to import, so a run starts
them first and hands them work once the build is done.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from multiprocessing.connection import Connection
from typing import Any

from core.paths import ROOT


class WorkerStopped(Exception):
    """The worker process ended (or its connection broke) before it answered."""

    def __init__(self, exit_code: int | None):
        super().__init__(f"the worker process stopped (exit code {exit_code})")
        self.exit_code = exit_code


class Worker:
    """`Worker("reports.pdf", "serve_pdfs")` runs `reports.pdf.serve_pdfs(conn)` in a process."""

    def __init__(
        self,
        module: str,
        function: str,
        *args: Any,
        env: dict[str, str] | None = None,
        nice: int = 0,
    ):
        """`nice` > 0: a lower CPU priority, for a worker whose answer is needed later than
        the caller's own next steps (it then takes the cores the others leave idle)."""
        ours, theirs = socket.socketpair()
        code = (
            f"import os, sys; os.nice({nice}); sys.path.insert(0, {str(ROOT)!r}); "
            "from core import collector; collector.pause(); "  # before the heavy imports
            "from multiprocessing.connection import Connection; "
            f"from {module} import {function}; "
            f"{function}(Connection({theirs.fileno()}), *{args!r})"
        )
        self._proc = subprocess.Popen(
            [sys.executable, "-c", code],
            pass_fds=[theirs.fileno()],
            stdin=subprocess.DEVNULL,
            env={**os.environ, **(env or {})},
        )
        theirs.close()
        self._conn = Connection(ours.detach())

    def send(self, message: Any) -> None:
        try:
            self._conn.send(message)
        except (BrokenPipeError, ConnectionResetError, OSError) as e:
            raise WorkerStopped(self._proc.poll()) from e

    def recv(self) -> Any:
        """The worker's next answer; WorkerStopped if it ends first."""
        try:
            while not self._conn.poll(0.2):
                if self._proc.poll() is not None and not self._conn.poll():
                    raise EOFError
            return self._conn.recv()
        except (EOFError, BrokenPipeError, ConnectionResetError, OSError) as e:
            raise WorkerStopped(self._proc.poll()) from e

    def close(self) -> None:
        """Stop the worker at once (importing, idle or mid-request) and wait for it: nothing
        it holds is wanted any more, and a clean interpreter exit costs ~0.3 s of teardown."""
        self._conn.close()
        if self._proc.poll() is None:
            self._proc.terminate()
        self._proc.wait()
