"""report.html in headless Chromium at phone (390 px) and desktop (1280 px) widths: no
page-level sideways scroll; every chart titled with a text alternative; screenshots saved
under tests/artifacts/ for a person to look at."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.reports.conftest import PERIOD

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--allow-file-access-from-files",
]
WIDTHS = (390, 1280)
# Chromium's smallest headless window is wider than a phone, so the report is loaded in
# frames of the phone and desktop widths (media queries follow the frame's width).
FRAMES = """<!DOCTYPE html><html><body style="margin:0">
{frames}
<script>
window.addEventListener("load", () => {{
  const out = [];
  for (const f of document.querySelectorAll("iframe")) {{
    const d = f.contentDocument.documentElement;
    out.push(f.width + ":" + d.scrollWidth + ":" + d.clientWidth);
  }}
  document.body.setAttribute("data-measure", out.join(" "));
}});
</script></body></html>"""


def chromium(tmp: Path, *args: str) -> str:
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is not installed (apt-get install chromium; .ci/run does)")
    proc = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp / 'profile'}", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return proc.stdout


@pytest.fixture(scope="module")
def framed(demo_published, tmp_path_factory) -> dict[str, Path]:
    out = {}
    for profile, folder in demo_published.items():
        tmp = tmp_path_factory.mktemp(f"html_{profile}")
        shutil.copy(folder / "report.html", tmp / "report.html")
        frames = "\n".join(
            f'<iframe width="{w}" src="report.html" style="width:{w}px;height:2400px;border:0">'
            "</iframe>"
            for w in WIDTHS
        )
        (tmp / "frames.html").write_text(FRAMES.format(frames=frames), "utf-8")
        out[profile] = tmp
    return out


@pytest.mark.parametrize("profile", ["panel", "public"])
def test_no_sideways_scroll_on_a_phone_or_a_desktop(framed, profile):
    tmp = framed[profile]
    dom = chromium(tmp, "--window-size=1700,2400", "--dump-dom", (tmp / "frames.html").as_uri())
    m = re.search(r'data-measure="([^"]+)"', dom)
    assert m, "the measuring script did not run"
    for item in m.group(1).split():
        width, scroll, client = (int(x) for x in item.split(":"))
        assert scroll <= client, f"{width} px: page is {scroll} px wide in {client} px"


def test_screenshots_are_saved(framed, artifacts):
    tmp = framed["panel"]
    shot = artifacts / "report_390_and_1280.png"
    chromium(tmp, "--window-size=1700,2400", f"--screenshot={shot}", (tmp / "frames.html").as_uri())
    assert shot.exists() and shot.stat().st_size > 10_000


def test_every_chart_has_a_title_and_a_text_alternative(demo_published):
    html = (demo_published["panel"] / "report.html").read_text("utf-8")
    charts = re.findall(r"<svg[^>]*>.*?</svg>", html, re.S)
    assert len(charts) >= 10
    for svg in charts:
        assert 'role="img"' in svg
        title = re.search(r"<title>(.+?)</title>", svg)
        desc = re.search(r"<desc>(.+?)</desc>", svg, re.S)
        assert title and title.group(1).strip()
        # the alternative states the latest value, for the current quarter or month
        assert desc and re.search(rf"(Q2 {PERIOD[:7]}|Sep 2026)", desc.group(1)), desc


def test_tables_have_header_cells_and_the_page_a_language(demo_published):
    html = (demo_published["panel"] / "report.html").read_text("utf-8")
    assert re.search(r'<html lang="en', html)
    tables = re.findall(r"<table.*?</table>", html, re.S)
    assert tables and all('scope="col"' in t or 'scope="row"' in t for t in tables)
