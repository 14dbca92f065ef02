"""`cla watch` without Prefect: complete, partial, duplicate, broken and revised sets; SIGTERM."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from reports.landing import READY, Outcome, Watcher, embedded_handler, fingerprint
from tests.support import CLA, ROOT, cla

TINY = Path(__file__).resolve().parents[1] / "fixtures" / "tiny"


def land(landing: Path, name: str, ready: bool = True, source: Path = TINY) -> Path:
    folder = landing / name
    shutil.copytree(source, folder)
    if ready:
        (folder / READY).touch()
    return folder


class Recorder:
    """A handler that records the folders it was handed."""

    def __init__(self, outcome: Outcome | None = None) -> None:
        self.seen: list[str] = []
        self.outcome = outcome or Outcome("published", periods=["2020-21-Q1"])

    def __call__(self, folder: Path, fp: str) -> Outcome:
        self.seen.append(folder.name)
        return self.outcome


@pytest.fixture
def dirs(tmp_path):
    landing, out = tmp_path / "landing", tmp_path / "out"
    landing.mkdir()
    return landing, out


def test_fingerprint_covers_names_and_bytes_not_the_folder_or_ready(tmp_path):
    a = land(tmp_path, "a", ready=False)
    b = land(tmp_path, "b", ready=True)
    assert fingerprint(a) == fingerprint(b)  # folder name and _READY do not count
    (b / "uasc.csv").rename(b / "uasc_copy.csv")
    assert fingerprint(a) != fingerprint(b)  # a renamed file does
    c = land(tmp_path, "c")
    with open(c / "missing.csv", "a") as fh:
        fh.write("T001,M,01/08/2020,02/08/2020\n")
    assert fingerprint(a) != fingerprint(c)


def test_partial_set_waits_for_ready_then_is_handled_once(dirs):
    landing, out = dirs
    handle, lines = Recorder(), []
    w = Watcher(landing, out, handle, settle=60, log=lines.append)
    folder = land(landing, "2020-08-20_a", ready=False)
    w.scan()
    w.scan()
    assert handle.seen == []
    assert sum("waiting 2020-08-20_a" in s for s in lines) == 1  # one line, not one per scan
    (folder / READY).touch()
    w.scan()
    w.scan()
    assert handle.seen == ["2020-08-20_a"]


def test_set_without_ready_is_complete_after_settle_seconds(dirs):
    landing, out = dirs
    handle = Recorder()
    w = Watcher(landing, out, handle, settle=1.5, log=lambda s: None)
    land(landing, "b", ready=False)  # copied just now (copytree keeps old mtimes; ctime is new)
    w.scan()
    assert handle.seen == []
    time.sleep(1.6)
    w.scan()
    assert handle.seen == ["b"]


def test_duplicate_ignored_whatever_the_folder_name_even_after_a_restart(dirs):
    landing, out = dirs
    handle, lines = Recorder(), []
    Watcher(landing, out, handle, log=lines.append).scan()
    land(landing, "2020-08-20_first")
    Watcher(landing, out, handle, log=lines.append).scan()
    land(landing, "zz_copied_again")
    w = Watcher(landing, out, handle, log=lines.append)  # a restart reads the state file
    w.scan()
    w.scan()
    assert handle.seen == ["2020-08-20_first"]
    dup = [s for s in lines if "duplicate zz_copied_again" in s]
    assert len(dup) == 1 and "same files as 2020-08-20_first" in dup[0]


def test_state_and_log_name_folders_not_children(dirs):
    landing, out = dirs
    w = Watcher(landing, out, Recorder(), log=lambda s: None)
    folder = land(landing, "2020-08-20_a")
    w.scan()
    state = json.loads((out / "restricted" / "watch_state.json").read_text())
    assert state["sets"][fingerprint(folder)]["folder"] == "2020-08-20_a"
    text = (out / "restricted" / "watch_state.json").read_text()
    text += (out / "restricted" / "watch.log").read_text()
    for child in ("T001", "T002", "T003", "HA1", "2008"):
        assert child not in text


def test_broken_set_is_recorded_blocked_and_not_retried_until_it_changes(dirs):
    landing, out = dirs
    calls = []
    real = embedded_handler(out, log=lambda s: None)

    def handle(folder, fp):
        calls.append(folder.name)
        return real(folder, fp)

    lines: list[str] = []
    w = Watcher(landing, out, handle, log=lines.append)
    broken = land(landing, "broken")
    header = broken / "header.csv"
    header.write_text(header.read_text().replace("DOB", "BIRTHDAY", 1))
    w.scan()
    w.scan()
    assert calls == ["broken"]
    state = json.loads((out / "restricted" / "watch_state.json").read_text())
    entry = state["sets"][fingerprint(broken)]
    assert entry["status"] == "blocked" and "header.csv" in entry["detail"]
    assert any(s.split(" ", 1)[1].startswith("blocked broken") for s in lines)
    assert not (out / "index.html").exists()  # nothing published
    header.write_text(header.read_text().replace("BIRTHDAY", "DOB", 1))
    w.scan()
    assert calls == ["broken", "broken"]  # its files changed: tried again, and published
    assert (out / "2020-21-Q1" / "manifest.json").exists()


def q1_values(out: Path) -> dict[str, str]:
    with open(out / "2020-21-Q1" / "indicators.csv", newline="") as fh:
        return {r["indicator_id"]: r["value"] for r in csv.DictReader(fh)}


def test_newer_set_publishes_its_latest_quarter_and_revises_changed_ones(dirs):
    landing, out = dirs
    w = Watcher(landing, out, embedded_handler(out, log=lambda s: None), log=lambda s: None)
    land(landing, "2020-08-20_first")  # latest event 20 Aug 2020: Q1 is the latest covered
    [first] = w.scan()
    assert first.periods == ["2020-21-Q1"]
    before = q1_values(out)
    # the newer set: a review on 15 Oct 2020 (so Q2 is covered) and T002, who left care on
    # 20 Jun 2020 in the first set, corrected to still looked after: Q1's CLA count goes up by 1
    newer = land(landing, "2020-10-15_second", ready=False)
    episodes = newer / "episodes.csv"
    episodes.write_text(episodes.read_text().replace("20/06/2020,E4A,", ",,"))
    with open(newer / "reviews.csv", "a") as fh:
        fh.write("T003,01/09/2004,15/10/2020,PN1\n")
    (newer / READY).touch()
    [second] = w.scan()
    assert second.status == "published"
    assert second.periods == ["2020-21-Q1", "2020-21-Q2"]
    assert second.detail == "revised 2020-21-Q1"
    manifest = json.loads((out / "2020-21-Q1" / "manifest.json").read_text())
    changed = {r["indicator_id"]: (r["old"], r["new"]) for r in manifest["revisions"]}
    assert changed and all(before[k] == old for k, (old, _) in changed.items())
    assert (out / "2020-21-Q2" / "manifest.json").exists()


def test_once_exits_like_run(tmp_path):
    landing, out = tmp_path / "landing", tmp_path / "out"
    landing.mkdir()
    empty = cla("watch", str(landing), "--out", str(out), "--once", env={"PREFECT_API_URL": ""})
    assert empty.returncode == 0 and "no new sets" in empty.stdout
    bad = cla("watch", str(tmp_path / "nowhere"), "--once")
    assert bad.returncode == 2


def test_sigterm_mid_publish_finishes_the_set_then_exits_0(tmp_path):
    landing, out = tmp_path / "landing", tmp_path / "out"
    landing.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    proc = subprocess.Popen(
        [*CLA, "watch", str(landing), "--out", str(out), "--settle", "2"],
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lines = [proc.stderr.readline()]
        assert " watching " in lines[0]
        land(landing, "2020-08-20_a")  # arrives after the watcher started: seen by watchfiles
        while "landed 2020-08-20_a" not in lines[-1]:
            lines.append(proc.stderr.readline())
            assert lines[-1], lines
        proc.send_signal(signal.SIGTERM)
        rest = proc.communicate(timeout=300)[1]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, rest
    assert "SIGTERM: stopping after the current step" in rest
    assert "published 2020-08-20_a" in rest and rest.rstrip().endswith("stopped")
    assert (out / "2020-21-Q1" / "manifest.json").exists()
    assert not list(out.rglob(".tmp-*"))
