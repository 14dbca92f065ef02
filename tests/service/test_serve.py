"""`cla serve`: public files with their types, a 404 page, nothing restricted, no traversal."""

from __future__ import annotations

import http.client
import os
import signal
import subprocess
from contextlib import contextmanager

import pytest

from tests.support import CLA, ROOT, cla

SECRET = "T001 child-level"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A published-looking OUT (plus secrets beside and inside it) served by `cla serve`."""
    base = tmp_path_factory.mktemp("serve")
    (base / "secret.txt").write_text(SECRET)  # outside OUT
    out = base / "out"
    period = out / "2020-21-Q1"
    (period / "tables").mkdir(parents=True)
    (out / "index.html").write_text("<h1>Published periods</h1>")
    (period / "report.html").write_text("<h1>Report</h1>")
    (period / "indicators.csv").write_text("indicator_id,value\ncla_count,3\n")
    (period / "tables" / "B01_numbers_over_time.csv").write_text("period,value\n")
    (period / "manifest.json").write_text("{}")
    (period / "report.pdf").write_bytes(b"%PDF-1.7\n")
    (period / "tables.xlsx").write_bytes(b"PK\x03\x04")
    (period / "indicators.parquet").write_bytes(b"PAR1")
    restricted = out / "restricted" / "2020-21-Q1"
    restricted.mkdir(parents=True)
    (restricted / "validation_errors.csv").write_text(SECRET)
    (out / "restricted" / "warehouse.duckdb").write_text(SECRET)
    (out / ".tmp-2020-21-Q2-abcd").mkdir()
    (out / ".tmp-2020-21-Q2-abcd" / "report.html").write_text(SECRET)
    os.symlink(base / "secret.txt", period / "outside.csv")
    os.symlink(restricted / "validation_errors.csv", period / "inside.csv")
    os.symlink(out / "restricted", period / "r")
    with serve(out) as running:
        yield running


@contextmanager
def serve(out):
    """`cla serve --out OUT` on a free port: yields (port, process), stops it afterwards."""
    proc = subprocess.Popen(
        [*CLA, "serve", "--out", str(out), "--port", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = proc.stdout.readline()
        assert line.startswith("cla serve: serving"), line
        yield int(line.rsplit(":", 1)[1].strip(" /\n")), proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()


def get(port: int, path: str) -> tuple[int, str, bytes]:
    """Send `path` exactly as written (no client-side normalising)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.putrequest("GET", path, skip_accept_encoding=True)
    conn.endheaders()
    r = conn.getresponse()
    body = r.read()
    conn.close()
    return r.status, r.getheader("Content-Type", ""), body


@pytest.mark.parametrize(
    ("path", "ctype"),
    [
        ("/", "text/html; charset=utf-8"),
        ("/index.html", "text/html; charset=utf-8"),
        ("/2020-21-Q1/report.html", "text/html; charset=utf-8"),
        ("/2020-21-Q1/report.pdf", "application/pdf"),
        ("/2020-21-Q1/indicators.csv", "text/csv; charset=utf-8"),
        ("/2020-21-Q1/tables/B01_numbers_over_time.csv", "text/csv; charset=utf-8"),
        (
            "/2020-21-Q1/tables.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        ("/2020-21-Q1/indicators.parquet", "application/vnd.apache.parquet"),
        ("/2020-21-Q1/manifest.json", "application/json"),
    ],
)
def test_public_files_are_served_with_their_types(served, path, ctype):
    status, got, _ = get(served[0], path)
    assert (status, got) == (200, ctype)


@pytest.mark.parametrize(
    "path",
    [
        "/restricted/warehouse.duckdb",
        "/restricted/",
        "/restricted/2020-21-Q1/validation_errors.csv",
        "/2020-21-Q1/../restricted/warehouse.duckdb",
        "/2020-21-Q1/%2e%2e/restricted/warehouse.duckdb",
        "/%72estricted/warehouse.duckdb",
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/2020-21-Q1/..%2f..%2fsecret.txt",
        "//restricted/warehouse.duckdb",
        "/2020-21-Q1/outside.csv",  # symlink out of OUT
        "/2020-21-Q1/inside.csv",  # symlink into restricted/
        "/2020-21-Q1/r/warehouse.duckdb",  # symlinked folder into restricted/
        "/.tmp-2020-21-Q2-abcd/report.html",  # a run's working folder
        "/2020-21-Q1/",  # no listings
        "/no-such-period/report.html",
    ],
)
def test_nothing_restricted_or_outside_is_served(served, path):
    status, ctype, body = get(served[0], path)
    assert status == 404
    assert ctype == "text/html; charset=utf-8"
    assert b"Not found" in body and SECRET.encode() not in body


def test_listens_on_loopback_only(tmp_path):
    from reports.server import make_server

    server = make_server(tmp_path, 0)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()


def test_sigterm_stops_it_cleanly(tmp_path):
    # a server of its own: the module's is shared by the other tests, in any order
    (tmp_path / "index.html").write_text("<h1>Published periods</h1>")
    with serve(tmp_path) as (port, proc):
        assert get(port, "/")[0] == 200
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0


def test_missing_out_is_a_usage_error(tmp_path):
    r = cla("serve", "--out", str(tmp_path / "nothing"), "--port", "0")
    assert r.returncode == 2 and "does not exist" in r.stderr
