"""Serve OUT on 127.0.0.1: the index and every period's files; never restricted/ or outside OUT.

The standard library's static file handler does the HTTP; `translate_path` only adds the
checks: a request that resolves (after decoding and following symlinks) outside OUT, into
restricted/, or into a hidden working folder (.tmp-*, .old-*) gets the 404 page.
"""

from __future__ import annotations

import os
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HIDDEN = "restricted"
NOT_FOUND_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>
<body><h1>Not found</h1><p>There is no published file at this address.
<a href="/">See every published period</a>.</p></body></html>
"""


def public_path(root: Path, candidate: str) -> Path | None:
    """`candidate` (a filesystem path under root) if it is public, else None."""
    try:
        real = Path(os.path.realpath(candidate))
        rel = real.relative_to(root)
    except ValueError:
        return None
    if rel.parts and (rel.parts[0] == HIDDEN or any(p.startswith(".") for p in rel.parts)):
        return None
    return real


class PublicHandler(SimpleHTTPRequestHandler):
    """Static files from OUT with the public-tree checks, proper types and a 404 page."""

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".html": "text/html; charset=utf-8",
        ".csv": "text/csv; charset=utf-8",
        ".json": "application/json",
        ".pdf": "application/pdf",
        ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".parquet": "application/vnd.apache.parquet",
        ".svg": "image/svg+xml",
    }
    error_message_format = NOT_FOUND_PAGE
    error_content_type = "text/html; charset=utf-8"
    server_version = "cla-serve"
    sys_version = ""

    def translate_path(self, path: str) -> str:
        root = Path(os.path.realpath(self.directory))
        found = public_path(root, super().translate_path(path))
        # a path that cannot exist: the base class then answers 404
        return str(found) if found is not None else str(root / ".not-public" / "none")

    def list_directory(self, path: str | os.PathLike):  # period folders: no listings
        self.send_error(HTTPStatus.NOT_FOUND)
        return None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        if code == HTTPStatus.NOT_FOUND:
            message, explain = "Not found", None
        super().send_error(code, message, explain)

    def end_headers(self) -> None:
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()


def make_server(out: Path, port: int) -> ThreadingHTTPServer:
    """A server bound to 127.0.0.1 only, serving OUT (port 0 picks a free port)."""
    handler = partial(PublicHandler, directory=str(out.resolve()))
    return ThreadingHTTPServer(("127.0.0.1", port), handler)
