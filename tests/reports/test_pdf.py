"""The PDF as a reader meets it: words on the page, current quarter in every Part B table,
words not identifiers, contents with pages, no wasted pages, tagged with title and language.
Read back with poppler's pdftotext (word boxes) and pypdf, independent of the renderer."""

from __future__ import annotations

import csv
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from core.paths import SQL_DIR

# an identifier; the council's own file names (care_leavers.csv) in the annex are not
SNAKE = re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b(?!\.(csv|xml))")
RAW_CODES = re.compile(r"\b(REFU|NREQ|RHOM|DIED|YES)\b")


class Words(HTMLParser):
    """pdftotext -bbox output: pages (width, height) and their words with boxes."""

    def __init__(self) -> None:
        super().__init__()
        self.pages: list[dict] = []
        self._word: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "page":
            self.pages.append({"w": float(a["width"]), "h": float(a["height"]), "words": []})
        elif tag == "word":
            self._word = {k: float(a[k]) for k in ("xmin", "ymin", "xmax", "ymax")}

    def handle_data(self, data):
        if self._word is not None:
            self._word["text"] = data
            self.pages[-1]["words"].append(self._word)
            self._word = None


def words(pdf: Path) -> list[dict]:
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    parser = Words()
    parser.feed(out)
    return parser.pages


def page_texts(pdf: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return out.split("\f")[:-1]


def sections() -> list[tuple[str, str]]:
    with open(SQL_DIR / "40_tables" / "sections.csv", newline="", encoding="utf-8") as fh:
        return [(f"B{int(r['id'][1:])}", r["title"]) for r in csv.DictReader(fh)]


def definitions_page(texts: list[str]) -> int:
    return max(i for i, t in enumerate(texts) if re.search(r"^\s*Definitions\s*$", t, re.M))


@pytest.fixture(scope="module")
def panel_pdf(demo_published) -> Path:
    return demo_published["panel"] / "report.pdf"


def test_every_word_is_inside_its_page(folder):
    pages = words(folder / "report.pdf")
    outside = [
        (i + 1, w["text"])
        for i, p in enumerate(pages)
        for w in p["words"]
        if w["xmin"] < 0 or w["ymin"] < 0 or w["xmax"] > p["w"] + 0.5 or w["ymax"] > p["h"] + 0.5
    ]
    assert outside == []


def test_page_count_is_a_paper_a_panel_can_read(panel_pdf):
    n = len(PdfReader(panel_pdf).pages)
    assert 12 <= n <= 26, n


def test_no_page_is_mostly_blank(folder):
    pages = words(folder / "report.pdf")
    counts = [len(p["words"]) for p in pages]
    # the last page may be the short end of the definitions; every other page carries content
    assert all(n >= 60 for n in counts[:-1]), counts


def test_no_heading_is_stranded_at_a_page_foot(panel_pdf):
    headings = {f"{code}) {title}" for code, title in sections()}
    for i, text in enumerate(page_texts(panel_pdf)[2:], start=3):
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        body = [ln for ln in lines if not re.fullmatch(r"Page \d+ of \d+", ln)]
        assert body and body[-1] not in headings, f"page {i} ends with heading {body[-1]!r}"


def test_contents_lists_every_section_with_its_page(panel_pdf):
    texts = page_texts(panel_pdf)
    contents = next(t for t in texts if re.search(r"^\s*Contents\s*$", t, re.M))
    n_pages = len(texts)
    for code, _ in sections():
        m = re.search(rf"^\s*{code}\) .*?\.*\s*(\d+)\s*$", contents, re.M)
        assert m, f"{code} missing from contents"
        assert 1 <= int(m.group(1)) <= n_pages
    for entry in ("Part A", "Data quality annex", "Revisions", "Definitions"):
        assert re.search(rf"^\s*{entry}.*\d+\s*$", contents, re.M), entry


def test_no_identifier_or_raw_code_before_the_definitions(folder):
    texts = page_texts(folder / "report.pdf")
    before = "\n".join(texts[: definitions_page(texts)])
    assert SNAKE.findall(before) == []
    assert RAW_CODES.findall(before) == []


def test_every_part_b_table_ends_with_the_current_quarter(folder):
    """Each row of period labels (a table header, a chart's x axis) has Q2 2026-27 or
    Sep 2026 rightmost, and every Part B section with data has at least one such row."""
    pages = words(folder / "report.pdf")
    texts = page_texts(folder / "report.pdf")
    start = next(
        i
        for i, t in enumerate(texts)
        if "Part B – Children looked after: detail" in t and "Contents" not in t
    )
    seen: dict[str, int] = {}
    section = None
    for i in range(start, definitions_page(texts)):
        ws = pages[i]["words"]
        heads = sorted(
            (w["ymin"], w["text"][:-1]) for w in ws if re.fullmatch(r"B\d+\)", w["text"])
        )
        lines: dict[int, list[dict]] = {}
        for w in ws:
            if re.fullmatch(r"\d{4}-\d{2}|\d{4}", w["text"]):
                lines.setdefault(round(w["ymin"]), []).append(w)
        for y, row in sorted(lines.items()):
            if len(row) < 5:
                continue
            section = next((code for hy, code in reversed(heads) if hy < y), section)
            last = max(row, key=lambda w: w["xmax"])
            # the quarter word sits above (a table header cell) or just left (a chart label)
            near = [
                w["text"]
                for w in ws
                if (abs(w["xmax"] - last["xmax"]) < 4 and 0 < last["ymin"] - w["ymin"] < 14)
                or (abs(w["ymin"] - last["ymin"]) < 2 and 0 < last["xmin"] - w["xmax"] < 6)
            ]
            assert (last["text"], near) in (
                ("2026-27", ["Q2"]),
                ("2026", ["Sep"]),
            ), f"page {i + 1}: a row of periods ends {near} {last['text']}"
            seen[section] = seen.get(section, 0) + 1
        section = heads[-1][1] if heads else section
    with_data = {"B1", "B2", "B3", "B4", "B5", "B8", "B9", "B10"}
    with_data |= {"B11", "B12", "B13", "B14", "B15", "B16"}
    assert with_data <= set(seen), sorted(with_data - set(seen))


def test_pdf_is_tagged_with_title_and_language(panel_pdf):
    reader = PdfReader(panel_pdf)
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    assert str(root["/Lang"]).startswith("en")
    assert "/StructTreeRoot" in root
    assert "Children Looked After" in reader.metadata.title


def test_cover_paper_fields(demo_published):
    panel = page_texts(demo_published["panel"] / "report.pdf")[0]
    public = page_texts(demo_published["public"] / "report.pdf")[0]
    for text in (panel, public):
        assert "REPORT FOR: Corporate Parenting Panel" in text
        assert "Information report – Activity and Performance" in text
        assert "That the report be noted" in text
    assert re.search(r"Date of meeting\s+7 October 2026", panel)
    assert re.search(r"Date of meeting\s+To be confirmed", public)


def test_part_a_names_its_comparator_year(panel_pdf):
    texts = page_texts(panel_pdf)
    part_a = next(t for t in texts if "Part A – Key performance indicators" in t and "Ref" in t)
    assert "2018-19" in part_a  # the latest year in the demo's comparators.csv
