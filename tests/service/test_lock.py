"""One publisher at a time per OUT: the lock, clean-up that spares live runs, honest failures."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from core.lock import LockTimeoutError, publisher_lock
from core.periods import parse_period
from tests.support import CLA, ROOT

HOLD = (
    "import sys, time; from pathlib import Path; from core.lock import publisher_lock\n"
    "with publisher_lock(Path(sys.argv[1])):\n"
    "    print('held', flush=True); time.sleep(float(sys.argv[2]))\n"
)


def hold_lock(out: Path, seconds: float) -> subprocess.Popen:
    """Another process holding OUT's lock for `seconds`."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(out), str(seconds)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_a_second_publisher_waits_then_fails_naming_the_holder(tmp_path):
    holder = hold_lock(tmp_path, 30)
    said: list[str] = []
    try:
        started = time.monotonic()
        with pytest.raises(LockTimeoutError) as e:
            with publisher_lock(tmp_path, said.append, wait_s=1.0, poll_s=0.1):
                pass
        assert 1.0 <= time.monotonic() - started < 5
        assert f"pid {holder.pid}" in str(e.value)
        assert said == [f"waiting for another run (pid {holder.pid}) publishing to {tmp_path} …"]
    finally:
        holder.kill()
        holder.wait()


def test_the_lock_is_taken_once_the_holder_ends(tmp_path):
    holder = hold_lock(tmp_path, 1.5)
    started = time.monotonic()
    said: list[str] = []
    with publisher_lock(tmp_path, said.append, wait_s=20, poll_s=0.1):
        assert time.monotonic() - started >= 1.0  # we only got in after the holder let go
    holder.wait()
    assert said[0].startswith("waiting") and said[1].startswith("lock on")


def test_recover_spares_working_files_of_live_runs(tmp_path):
    from reports.publish import recover

    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    restricted = tmp_path / "restricted"
    restricted.mkdir()
    live_db = restricted / f".tmp-warehouse-p{live.pid}-aaaa.duckdb"
    dead_db = restricted / f".tmp-warehouse-p{dead.pid}-bbbb.duckdb"
    untagged = tmp_path / ".tmp-2020-21-Q1-cccc"  # no pid: only made under the lock
    for f in (live_db, dead_db):
        f.write_text("x")
    untagged.mkdir()
    try:
        recover(tmp_path)
        assert live_db.exists()
        assert not dead_db.exists() and not untagged.exists()
    finally:
        live.kill()
        live.wait()


def test_failure_after_publishing_says_which_publication_is_where(tmp_path, monkeypatch):
    import reports.publish as publish
    import reports.runner as runner

    calls = []
    real = publish.put_in_place

    def second_fails(wh, rendered, before_swap=None):
        calls.append(rendered.period)
        if len(calls) == 2:
            raise OSError("disk full")
        return real(wh, rendered, before_swap)

    monkeypatch.setattr(publish, "put_in_place", second_fails)
    tiny = Path(__file__).resolve().parents[1] / "fixtures" / "tiny"
    periods = [parse_period("2020-21-Q1"), parse_period("2020-21-Q2")]
    with pytest.raises(runner.PartlyPublishedError) as e:
        runner.publish_quarters(tiny, periods, tmp_path, extract_date=date(2020, 12, 31))
    message = str(e.value)
    assert "disk full" in message
    assert "2020-21-Q1: new publication" in message and "2020-21-Q2: nothing" in message
    assert "nothing was published" not in message
    assert json.loads((tmp_path / "2020-21-Q1" / "manifest.json").read_text())["period"]
    assert not (tmp_path / "2020-21-Q2").exists()
    assert not list((tmp_path / "restricted").glob(".tmp-*"))


def test_two_runs_on_one_out_both_publish_one_after_the_other(tmp_path):
    """The failure issue 11 saw: a second run's start-up clean-up broke the first."""
    tiny = Path(__file__).resolve().parents[1] / "fixtures" / "tiny"
    args = ["run", str(tiny), "--period", "2020-21-Q2", "--out", str(tmp_path)]
    args += ["--extract-date", "2020-12-31"]
    first = subprocess.Popen(
        [*CLA, *args], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    lock = tmp_path / "restricted" / "publish.lock"
    for _ in range(200):  # until the first holds the lock (its pid is written in it)
        if lock.exists() and lock.read_text().strip():
            break
        time.sleep(0.05)
    second = subprocess.run([*CLA, *args], cwd=ROOT, capture_output=True, text=True, timeout=600)
    first_err = first.communicate(timeout=600)[1]
    assert first.returncode == 0, first_err
    assert second.returncode == 0, second.stderr
    assert f"waiting for another run (pid {first.pid})" in second.stderr
    manifest = json.loads((tmp_path / "2020-21-Q2" / "manifest.json").read_text())
    for name in manifest["outputs"]:
        assert (tmp_path / "2020-21-Q2" / name).is_file(), name
    assert (tmp_path / "restricted" / "warehouse.duckdb").is_file()
    assert not list(tmp_path.rglob(".tmp-*")) and not list(tmp_path.rglob(".old-*"))


def test_failure_inside_publish_after_the_swap_is_not_called_nothing_published(
    tmp_path, monkeypatch
):
    import reports.publish as publish
    import reports.runner as runner

    real = publish.put_in_place

    def index_fails(wh, rendered, before_swap=None):
        real(wh, rendered, before_swap)  # in place …
        raise OSError("index.html: read-only file system")  # … then the step fails

    monkeypatch.setattr(publish, "put_in_place", index_fails)
    tiny = Path(__file__).resolve().parents[1] / "fixtures" / "tiny"
    with pytest.raises(runner.PartlyPublishedError) as e:
        runner.publish_quarters(
            tiny, [parse_period("2020-21-Q1")], tmp_path, extract_date=date(2020, 12, 31)
        )
    assert "2020-21-Q1: new publication" in str(e.value)
