"""tables.xlsx agrees with the paper: read back with openpyxl and compared with report.html."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import openpyxl
import pytest

from tests.reports.conftest import PERIOD

COUNT, DECIMAL = "#,##0", "0.0"


class PartA(HTMLParser):
    """Part A rows of report.html: indicator title -> the Actual cell's text."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._in, self._cell = False, None

    def handle_starttag(self, tag, attrs):
        if tag == "table" and ("class", "parta") in attrs:
            self._in = True
        elif self._in and tag == "tr":
            self.rows.append([])
        elif self._in and tag in ("td", "th"):
            self._cell = ""

    def handle_endtag(self, tag):
        if tag == "table":
            self._in = False
        elif self._in and tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(self._cell.strip())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data


def shown(cell) -> str:
    """A cell as Excel displays it for the two formats the workbook uses."""
    v = cell.value
    if isinstance(v, str) or v is None:
        return v or ""
    star = "*" if cell.number_format.endswith('"*"') else ""
    if cell.number_format.startswith(COUNT):
        return f"{v:,.0f}{star}"
    assert cell.number_format.startswith(DECIMAL), cell.number_format
    return f"{v:.1f}{star}"


@pytest.fixture(scope="module")
def books(demo_published):
    return {k: openpyxl.load_workbook(v / "tables.xlsx") for k, v in demo_published.items()}


def sheet(wb, prefix: str):
    return next(ws for ws in wb.worksheets if ws.title.startswith(prefix))


def header(ws) -> list[str]:
    return [c.value for c in ws[1]]


def test_indicators_sheet_shows_what_part_a_shows(books, demo_published):
    for profile, wb in books.items():
        ws = wb["Indicators"]
        h = header(ws)
        actual = h.index(next(x for x in h if str(x).startswith("Actual"))) + 1
        parser = PartA()
        parser.feed((demo_published[profile] / "report.html").read_text("utf-8"))
        paper = {r[1]: r[h.index(f"Actual Q2 {PERIOD[:7]}")] for r in parser.rows[1:] if r}
        sheet = {
            ws.cell(row=i, column=1).value: shown(ws.cell(row=i, column=actual))
            for i in range(2, ws.max_row + 1)
            if ws.cell(row=i, column=2).value is not None
        }
        assert paper and paper == sheet


def test_indicator_formats_follow_the_unit(books):
    ws = books["panel"]["Indicators"]
    h = header(ws)
    actual = h.index(f"Actual Q2 {PERIOD[:7]}") + 1
    formats = {}
    for i in range(2, ws.max_row + 1):
        title, cell = ws.cell(row=i, column=1).value, ws.cell(row=i, column=actual)
        formats[title] = cell.number_format.removesuffix('"*"')
    assert formats["Number of children looked after at the quarter end"] == COUNT
    assert formats["Children looked after per 10,000 children under 18"] == DECIMAL
    assert formats["% of children looked after whose reviews were held on time"] == DECIMAL
    assert formats["Average SDQ score of children looked after aged 4 to 16"] == DECIMAL
    # 33.5 is displayed as 33.5, never 34
    rate = next(
        ws.cell(row=i, column=actual)
        for i in range(2, ws.max_row + 1)
        if ws.cell(row=i, column=1).value.startswith("Children looked after per 10,000")
    )
    assert shown(rate) == f"{rate.value:.1f}" and not float(rate.value).is_integer()


def test_indicators_sheet_has_part_a_columns_and_rag_fills(books):
    ws = books["panel"]["Indicators"]
    h = header(ws)
    for name in ("Ref", "RAG", "Since last quarter", "Note", "Comparator year"):
        assert name in h
    assert any(re.fullmatch(r"\d{4}-\d{2}", str(x)) for x in h)  # previous years
    assert "Statistical neighbour average 2018-19" in h
    rag = h.index("RAG") + 1
    for i in range(2, ws.max_row + 1):
        cell = ws.cell(row=i, column=rag)
        if cell.value in ("Green", "Amber", "Red"):
            expected = {"Green": "CCE2D8", "Amber": "FFF7BF", "Red": "F6D7D2"}[cell.value]
            assert cell.fill.fgColor.rgb.endswith(expected)


def test_part_b_sheets_are_wide_with_the_current_quarter_last(books):
    wb = books["panel"]
    part_b = [ws for ws in wb.worksheets if re.match(r"B\d+ ", ws.title)]
    assert len(part_b) >= 10
    for ws in part_b:
        headers = [
            [c.value for c in row if c.value is not None]
            for row in ws.iter_rows()
            if row[0].font.bold and row[0].fill.fgColor.rgb.endswith("F3F2F1")
        ]
        period_rows = [h for h in headers if not h[0].startswith("Share")]
        assert period_rows, ws.title
        for h in period_rows:
            assert h[-1] in (f"Q2 {PERIOD[:7]}", "Sep 2026"), (ws.title, h[-1])
            assert len(h) >= 6


def test_part_b_numbers_carry_paper_formats(books):
    ws = sheet(books["panel"], "B1 ")
    kinds = {}
    for row in ws.iter_rows(min_row=1):
        label = row[0].value
        nums = [c for c in row[1:] if isinstance(c.value, int | float)]
        if label and nums:
            kinds[label] = {c.number_format for c in nums}
    assert kinds["Children looked after"] == {COUNT}
    assert kinds["Children looked after per 10,000 children under 18"] == {DECIMAL}


def test_public_profile_shows_x_in_the_workbook(books):
    ws = sheet(books["public"], "B13 ")
    assert any(c.value == "x" for row in ws.iter_rows() for c in row)


def test_definitions_and_data_quality_sheets(books):
    wb = books["panel"]
    assert "Definitions" in wb.sheetnames and "Data quality" in wb.sheetnames
    h = header(wb["Definitions"])
    assert {"indicator_id", "title", "numerator", "denominator"} <= set(h)


def test_no_formula_cells(books):
    for wb in books.values():
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    assert c.data_type != "f", (ws.title, c.coordinate)
