"""The garbage-collector policy: one-shot commands and workers run with collections paused,
and `collector.collect()` frees cycles at step ends."""

from __future__ import annotations

import gc
import subprocess
import sys

from core import collector
from core.paths import ROOT
from core.worker import Worker


def report_collector(conn) -> None:  # served in a worker process by the test below
    conn.send(gc.isenabled())
    conn.recv()


def test_collect_frees_cycles_only_when_paused_and_freezes_survivors():
    code = """
import gc, weakref
from core import collector
class Node:
    def __init__(self): self.me = self  # a cycle: only the cyclic collector frees it
def cycle():
    n = Node(); return weakref.ref(n)
r = cycle()
collector.collect()  # collections enabled: a no-op, the cycle stays
assert r() is not None and gc.get_freeze_count() == 0
gc.collect()
collector.pause()
r = cycle()
junk = [[] for _ in range(100_000)]  # enough new objects for automatic collections
assert r() is not None, "an automatic collection ran while paused"
collector.collect()
assert r() is None and gc.get_freeze_count() > 0 and not gc.isenabled()
print("ok")
"""
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert out.stdout.strip() == "ok", out.stderr


def test_workers_run_with_collections_paused():
    worker = Worker("tests.test_collector", "report_collector")
    try:
        assert worker.recv() is False
    finally:
        worker.close()


def test_paused_gives_back_the_callers_collections(tmp_path):
    from cla.cli import main

    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    # `cla demo-data` in this process (as the tests call it) leaves collections on
    assert main(["demo-data", "--out", str(tmp_path / "set"), "--children", "20"]) == 0
    assert gc.isenabled()
