"""The Prefect path end to end: a real server on 127.0.0.1, deployments from prefect.yaml, a
worker, `cla watch` emitting events; one landing, then two landings a second apart."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from reports.landing import READY
from tests.support import CLA, ROOT

TINY = Path(__file__).resolve().parents[1] / "fixtures" / "tiny"
PREFECT = [sys.executable, "-m", "prefect"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(what: str, ok, timeout: float, every: float = 0.5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got = ok()
        if got:
            return got
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


class Service:
    """Processes started for the test, each in its own session, all stopped at teardown."""

    def __init__(self, tmp: Path) -> None:
        self.tmp, self.procs = tmp, []
        port = free_port()
        self.api = f"http://127.0.0.1:{port}/api"
        self.landing, self.out = tmp / "landing", tmp / "out"
        self.landing.mkdir()
        self.env = {
            **os.environ,
            "PREFECT_HOME": str(tmp / "prefect_home"),
            "PREFECT_API_URL": self.api,
            "PREFECT_SERVER_API_HOST": "127.0.0.1",
            "PREFECT_SERVER_API_PORT": str(port),
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "PREFECT_SERVER_UI_ENABLED": "false",
            "DO_NOT_TRACK": "1",
            "PREFECT_WORKER_QUERY_SECONDS": "1",
            "PREFECT_LOGGING_LEVEL": "INFO",
            "CLA_LANDING_DIR": str(self.landing),
            "CLA_OUTPUT_DIR": str(self.out),
            "CLA_PIPELINE_HOME": str(ROOT),
        }

    def start(self, name: str, args: list[str]) -> subprocess.Popen:
        log = open(self.tmp / f"{name}.log", "w")
        proc = subprocess.Popen(
            args, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        self.procs.append(proc)
        return proc

    def call(self, args: list[str]) -> str:
        r = subprocess.run(args, cwd=ROOT, env=self.env, capture_output=True, text=True,
                           timeout=180)  # fmt: skip
        assert r.returncode == 0, f"{args}:\n{r.stdout}\n{r.stderr}"
        return r.stdout

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.api}/health", timeout=2) as r:
                return r.status == 200
        except OSError:
            return False

    def stop(self) -> None:
        for proc in reversed(self.procs):
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in reversed(self.procs):
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()

    def flow_runs(self) -> list:
        from prefect.client.orchestration import PrefectClient

        async def read():
            async with PrefectClient(self.api) as client:
                return await client.read_flow_runs()

        return asyncio.run(read())

    def artifact_keys(self) -> set[str]:
        from prefect.client.orchestration import PrefectClient

        async def read():
            async with PrefectClient(self.api) as client:
                return {a.key for a in await client.read_artifacts() if a.key}

        return asyncio.run(read())


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    svc = Service(tmp_path_factory.mktemp("prefect_service"))
    try:
        svc.start("server", [*PREFECT, "server", "start", "--host", "127.0.0.1",
                             "--port", svc.env["PREFECT_SERVER_API_PORT"]])  # fmt: skip
        wait_for("the Prefect server", svc.healthy, 90)
        svc.call([*PREFECT, "work-pool", "create", "cla-local", "--type", "process"])
        svc.call([*PREFECT, "--no-prompt", "deploy", "--all"])
        svc.start("worker", [*PREFECT, "worker", "start", "--pool", "cla-local"])
        svc.start("watch", [*CLA, "watch", str(svc.landing), "--out", str(svc.out),
                            "--settle", "2"])  # fmt: skip
        yield svc
    finally:
        svc.stop()


def landed(name: str, extra_review: str | None = None) -> Path:
    """A copy of the tiny set, optionally with one more review (a different fingerprint)."""
    folder = Path(name)
    shutil.copytree(TINY, folder)
    if extra_review:
        with open(folder / "reviews.csv", "a") as fh:
            fh.write(f"T003,01/09/2004,{extra_review},PN1\n")
    (folder / READY).touch()
    return folder


def landed_runs(svc: Service) -> list:
    return [r for r in svc.flow_runs() if r.parameters.get("path") is not None]


def test_deployments_exist_with_concurrency_limit(service):
    from prefect.client.orchestration import PrefectClient

    async def read():
        async with PrefectClient(service.api) as client:
            flows = {f.id: f.name for f in await client.read_flows()}
            return {f"{flows[d.flow_id]}/{d.name}": d for d in await client.read_deployments()}

    deployments = asyncio.run(read())
    assert set(deployments) == {
        "publish-quarter/quarterly",
        "backfill/backfill",
        "publish-landed/on-extract-landed",
    }
    for d in deployments.values():
        assert d.global_concurrency_limit and d.global_concurrency_limit.limit == 1, d.name
        assert not any("{{" in str(v) for v in d.parameters.values())  # nothing frozen
    [schedule] = deployments["publish-quarter/quarterly"].schedules
    assert schedule.schedule.timezone == "Europe/London"


def test_a_landed_set_is_published_by_the_deployment_with_artifacts(service):
    started = time.monotonic()
    landed(str(service.landing / "2020-08-20_first"))
    manifest = service.out / "2020-21-Q1" / "manifest.json"
    wait_for("the published report", manifest.exists, 150)
    took = time.monotonic() - started
    runs = wait_for(
        "the flow run to complete",
        lambda: [r for r in landed_runs(service) if r.state and r.state.is_final()],
        60,
    )
    assert [r.state.name for r in runs] == ["Completed"], [r.state.message for r in runs]
    assert runs[0].parameters["path"] == str(service.landing / "2020-08-20_first")
    keys = wait_for("artifacts", service.artifact_keys, 30)
    assert {"cla-report-2020-21-q1", "cla-data-quality-2020-21-q1"} <= keys
    print(f"\n_READY to published report via Prefect: {took:.1f} s")


def test_two_sets_a_second_apart_publish_in_turn_and_none_fails(service):
    before = {r.id for r in landed_runs(service)}
    landed(str(service.landing / "2020-10-15_second"), extra_review="15/10/2020")
    time.sleep(1)
    landed(str(service.landing / "2020-10-16_third"), extra_review="16/10/2020")

    def both_final():
        new = [r for r in landed_runs(service) if r.id not in before]
        return new if len(new) == 2 and all(r.state.is_final() for r in new) else None

    runs = wait_for("both flow runs to finish", both_final, 200, every=1)
    assert [r.state.name for r in runs] == ["Completed", "Completed"], [
        r.state.message for r in runs
    ]
    manifest = json.loads((service.out / "2020-21-Q2" / "manifest.json").read_text())
    last = max(runs, key=lambda r: r.end_time)  # the publication in place is the last run's
    assert manifest["extract_date"] == ("2020-10-16" if "third" in last.parameters["path"]
                                        else "2020-10-15")  # fmt: skip
    for name in manifest["outputs"]:
        assert (service.out / "2020-21-Q2" / name).is_file(), name
    assert not list(service.out.rglob(".tmp-*")) and not list(service.out.rglob(".old-*"))


def test_an_event_without_a_path_is_rejected_visibly(service):
    before = {r.id for r in service.flow_runs()}
    service.call([*PREFECT, "event", "emit", "cla.extract.landed",
                  "--resource-id", "cla.extract.nopath"])  # fmt: skip

    def rejected():
        new = [r for r in service.flow_runs() if r.id not in before]
        return new if new and all(r.state.is_final() for r in new) else None

    [run] = wait_for("the rejected flow run", rejected, 90, every=1)
    assert run.state.name == "Rejected"
    assert "must carry the set's path" in run.state.message
