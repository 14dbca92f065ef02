"""One publisher at a time per output folder: an fcntl lock on OUT/restricted/publish.lock.

The lock is held from the start of a run's validation to the end of its publish. A run that
finds it taken says so, waits (bounded), then fails with a message naming the holder. Working
files carry their run's pid (`pid_tag`), so clean-up can tell a live run's files from a dead
one's.
"""

from __future__ import annotations

import fcntl
import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from core.errors import ClaError

LOCK_NAME = "publish.lock"
DEFAULT_WAIT_S = 900.0
_PID_TAG = re.compile(r"-p(\d+)-")


class LockTimeoutError(ClaError):
    """Another run kept the output folder's publish lock longer than we could wait."""

    exit_code = 3


def pid_tag() -> str:
    """The part of a working file's name that names this process: `-p<pid>-`."""
    return f"-p{os.getpid()}-"


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def owned_by_live_run(name: str) -> bool:
    """True when a working file's name carries the pid of another process still running."""
    m = _PID_TAG.search(name)
    return bool(m) and int(m.group(1)) != os.getpid() and pid_alive(int(m.group(1)))


def wait_limit() -> float:
    """Seconds a run waits for the lock: CLA_LOCK_WAIT_S, default 15 minutes."""
    return float(os.environ.get("CLA_LOCK_WAIT_S", DEFAULT_WAIT_S))


@contextmanager
def publisher_lock(
    out: Path,
    echo: Callable[[str], None] = lambda s: None,
    wait_s: float | None = None,
    poll_s: float = 0.5,
) -> Iterator[None]:
    """Hold OUT's publish lock for the block; wait at most `wait_s` seconds for it."""
    wait_s = wait_limit() if wait_s is None else wait_s
    restricted = out / "restricted"
    restricted.mkdir(parents=True, exist_ok=True)
    path = restricted / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        started = time.monotonic()
        said = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "?"
                waited = time.monotonic() - started
                if waited >= wait_s:
                    raise LockTimeoutError(
                        f"another run (pid {holder}) is publishing to {out} and still held "
                        f"its lock after {waited:.0f} s; nothing was published by this run "
                        "(set CLA_LOCK_WAIT_S to wait longer)"
                    ) from None
                if not said:
                    echo(f"waiting for another run (pid {holder}) publishing to {out} …")
                    said = True
                time.sleep(poll_s)
        if said:
            echo(f"lock on {out} acquired after {time.monotonic() - started:.1f} s")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
