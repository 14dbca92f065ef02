"""The landing folder: complete extract sets, their fingerprints, and what the watcher did.

Each extract set is a subfolder of LANDING. It is complete when it holds `_READY` or none of its
files changed for `settle` seconds. Its fingerprint is the sha256 of every file (relative names
included, `_READY` left out). A fingerprint already handled is ignored whatever the folder is
called; a blocked or failed set is not retried until its files change. State lives in
OUT/restricted/watch_state.json and every event is one line in OUT/restricted/watch.log (folder
names, fingerprints, periods and reasons: never a child-level value).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

READY = "_READY"
STATE_FILE = "watch_state.json"
LOG_FILE = "watch.log"
_DATE_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})")


@dataclass
class Outcome:
    """What handling one set did: status published|blocked|failed|emitted, and why."""

    status: str
    detail: str = ""
    periods: list[str] = field(default_factory=list)


Handler = Callable[[Path, str], Outcome]


def set_files(folder: Path) -> list[Path]:
    """Every file of a set except the `_READY` marker, in name order."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name != READY)


def fingerprint(folder: Path) -> str:
    """sha256 over each file's relative name and bytes, in name order."""
    h = hashlib.sha256()
    for p in set_files(folder):
        h.update(p.relative_to(folder).as_posix().encode() + b"\0")
        with open(p, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        h.update(b"\0")
    return h.hexdigest()


def signature(folder: Path) -> tuple:
    """Names, sizes and mtimes: cheap, changes whenever a file changes."""
    out = []
    for p in set_files(folder):
        st = p.stat()
        out.append((p.relative_to(folder).as_posix(), st.st_size, st.st_mtime_ns))
    return tuple(out)


def is_complete(folder: Path, settle: float, now: float | None = None) -> bool:
    """`_READY` present, or files present and none changed for `settle` seconds."""
    if (folder / READY).exists():
        return True
    files = set_files(folder)
    if not files:
        return False
    # ctime too: a copy that keeps old mtimes (cp -a, rsync -a) still sets ctime to now
    newest = max(max(st.st_mtime, st.st_ctime) for st in (p.stat() for p in [*files, folder]))
    return (now if now is not None else time.time()) - newest >= settle


def extract_date_of(folder: Path) -> str:
    """The ISO date a set's folder name starts with (2026-10-03_mosaic), else ''."""
    m = _DATE_PREFIX.match(folder.name)
    return m.group(1) if m else ""


def landed_sets(landing: Path, settle: float) -> list[Path]:
    """Complete sets in LANDING, in folder-name order."""
    return [
        d
        for d in sorted(landing.iterdir())
        if d.is_dir() and not d.name.startswith(".") and is_complete(d, settle)
    ]


def newest_complete_set(landing: Path, settle: float = 60.0) -> Path:
    """The last complete set in folder-name order (what the quarterly deployment publishes)."""
    sets = landed_sets(landing, settle) if landing.is_dir() else []
    if not sets:
        raise FileNotFoundError(f"no complete extract set in the landing folder {landing}")
    return sets[-1]


class Watcher:
    """Scans LANDING, hands each complete new set to `handle` once, records what happened."""

    def __init__(
        self,
        landing: Path,
        out: Path,
        handle: Handler,
        settle: float = 60.0,
        log: Callable[[str], None] = print,
    ) -> None:
        self.landing, self.out, self.handle, self.settle = landing, out, handle, settle
        self.restricted = out / "restricted"
        self.state_path = self.restricted / STATE_FILE
        self._log = log
        self._fingerprints: dict[str, tuple[tuple, str]] = {}  # folder -> (signature, sha)
        self._said: dict[str, object] = {}  # folder -> last thing logged about it
        self.state = self._load()

    def _load(self) -> dict:
        if self.state_path.exists():
            return json.loads(self.state_path.read_text("utf-8"))
        return {"sets": {}}

    def _save(self) -> None:
        self.restricted.mkdir(parents=True, exist_ok=True)
        tmp = self.state_path.with_name(f".tmp-{STATE_FILE}")
        tmp.write_text(json.dumps(self.state, indent=2, sort_keys=True) + "\n", "utf-8")
        os.replace(tmp, self.state_path)

    def log(self, line: str) -> None:
        """One line per event, on the console and in OUT/restricted/watch.log."""
        stamped = f"{datetime.now(UTC).isoformat(timespec='seconds')} {line}"
        self._log(stamped)
        self.restricted.mkdir(parents=True, exist_ok=True)
        with open(self.restricted / LOG_FILE, "a", encoding="utf-8") as fh:
            fh.write(stamped + "\n")

    def _once_per_state(self, folder: Path, key: object, line: str) -> None:
        if self._said.get(folder.name) != key:
            self._said[folder.name] = key
            self.log(line)

    def fingerprint_of(self, folder: Path) -> str:
        sig = signature(folder)
        cached = self._fingerprints.get(folder.name)
        if cached and cached[0] == sig:
            return cached[1]
        fp = fingerprint(folder)
        self._fingerprints[folder.name] = (sig, fp)
        return fp

    def scan(self, should_stop: Callable[[], bool] = lambda: False) -> list[Outcome]:
        """Handle every complete new set now in LANDING; returns the outcomes of this scan."""
        outcomes = []
        folders = sorted(d for d in self.landing.iterdir() if d.is_dir())
        for folder in (d for d in folders if not d.name.startswith(".")):
            if should_stop():
                break
            if not is_complete(folder, self.settle):
                self._once_per_state(
                    folder,
                    ("partial", signature(folder)),
                    f"waiting {folder.name}: not complete (no {READY}, "
                    f"files changed in the last {self.settle:g} s)",
                )
                continue
            fp = self.fingerprint_of(folder)
            seen = self.state["sets"].get(fp)
            if seen:
                if seen["folder"] != folder.name:
                    self._once_per_state(
                        folder,
                        ("duplicate", fp),
                        f"duplicate {folder.name} [{fp[:12]}]: same files as "
                        f"{seen['folder']} ({seen['status']}); ignored",
                    )
                continue
            self.log(f"landed {folder.name} [{fp[:12]}]: complete, handling")
            outcome = self.handle(folder, fp)
            self.state["sets"][fp] = {
                "folder": folder.name,
                "status": outcome.status,
                "detail": outcome.detail,
                "periods": outcome.periods,
                "at": datetime.now(UTC).isoformat(timespec="seconds"),
            }
            self._save()
            self._said[folder.name] = ("handled", fp)
            what = f" {', '.join(outcome.periods)}" if outcome.periods else ""
            why = f": {outcome.detail}" if outcome.detail else ""
            self.log(f"{outcome.status} {folder.name} [{fp[:12]}]{what}{why}")
            outcomes.append(outcome)
        return outcomes


def changes(
    landing: Path, stop: threading.Event, tick_s: float, force_polling: bool | None = None
) -> Iterator[None]:
    """Yield whenever LANDING changes, and at least every `tick_s` seconds, until `stop`.

    Uses watchfiles (inotify, or its polling mode when WATCHFILES_FORCE_POLLING is set or the
    native watcher cannot start); falls back to plain polling if watchfiles cannot run."""
    try:
        from watchfiles import watch

        for _ in watch(
            landing,
            stop_event=stop,
            rust_timeout=int(tick_s * 1000),
            yield_on_timeout=True,
            force_polling=force_polling,
            raise_interrupt=False,
            debounce=200,
        ):
            yield
        return
    except (ImportError, OSError):
        pass
    while not stop.wait(tick_s):
        yield


def run_until_stopped(watcher: Watcher, stop: threading.Event) -> None:
    """Scan now, then after every change (and every few seconds for settling) until `stop`."""
    watcher.log(
        f"watching {watcher.landing} (settle {watcher.settle:g} s), publishing to {watcher.out}"
    )
    watcher.scan(stop.is_set)
    tick = max(0.5, min(watcher.settle / 4, 5.0))
    for _ in changes(watcher.landing, stop, tick):
        if stop.is_set():
            break
        watcher.scan(stop.is_set)
    watcher.log("stopped")


def one_line(text: str) -> str:
    return "; ".join(s.strip() for s in str(text).splitlines() if s.strip())


def warm_up() -> None:
    """Import the run's heavy modules now, not when the first set lands (seconds each)."""
    import great_expectations  # noqa: F401
    import pandera.polars  # noqa: F401

    import reports.publish  # noqa: F401
    import reports.runner  # noqa: F401
    import transforms.check  # noqa: F401
    import transforms.pipeline  # noqa: F401


def embedded_handler(out: Path, log: Callable[[str], None] = print) -> Handler:
    """Publish a landed set in this process (no Prefect): latest quarter plus revisions."""

    def handle(folder: Path, fp: str) -> Outcome:
        from core.errors import BlockedError
        from reports.runner import publish_landed

        try:
            folders = publish_landed(folder, out, echo=log)
        except BlockedError as e:
            return Outcome("blocked", one_line(e))
        except Exception as e:  # recorded, and not retried until the files change
            return Outcome("failed", one_line(f"{type(e).__name__}: {e}"))
        periods = [f.name for f in folders]
        revised = f"revised {', '.join(periods[:-1])}" if len(periods) > 1 else ""
        return Outcome("published", revised, periods)

    return handle
