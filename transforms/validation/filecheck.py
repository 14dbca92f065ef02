"""Whole-file checks before a CSV is read: encoding, binary, empty, delimiter, shape.

Each problem is blocking (extracts.md "Validation outcomes") and names the file and, for
ragged rows, the 1-based row (header = row 1).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

OTHER_DELIMITERS = {";": "semicolons", "\t": "tabs", "|": "pipes"}
MAX_RAGGED_LISTED = 5
NEWLINE, COMMA, CR = ord("\n"), ord(","), ord("\r")
# Trailing lines holding nothing but spaces, tabs or commas (Excel leaves these) are not rows.
BLANK = b" \t,\r\n"
FIELD = re.compile(r'"(?:[^"]++|"")*+"|[^,"\r\n]*+')


class MalformedCSV(Exception):
    """A file that cannot be parsed as CSV; `line` is where parsing failed (1-based)."""

    def __init__(self, line: int, what: str) -> None:
        super().__init__(f"cannot be parsed as CSV: {what} on line {line}")
        self.line = line


@dataclass
class Inspection:
    columns: list[str] = field(default_factory=list)  # trimmed, upper-cased
    problems: list[tuple[str, str]] = field(default_factory=list)  # (rule, message)
    rows: int = 0  # data rows (header excluded)


def text_problem(data: bytes) -> tuple[str, str] | None:
    """The blocking problem that stops `data` being read as UTF-8 text, if any (checked
    without decoding when every byte is ASCII)."""
    if b"\x00" in data[:65536]:
        return ("file.binary", "is a binary file, not CSV text")
    if data.isascii():
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        return (
            "file.encoding",
            f"is not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start}); "
            "save it as UTF-8 CSV",
        )
    return None


def rows_end(data: bytes) -> int:
    """Where the rows of `data` end: trailing blank lines (empty, or only spaces, tabs and
    commas) are not rows. What is cut starts at the first line break after the last byte that
    is not blank; found from the end, without copying or scanning the rows."""
    last, end, step = 0, len(data), 4096
    while end > 0:
        start = max(0, end - step)
        kept = len(data[start:end].rstrip(BLANK))
        if kept:
            last = start + kept
            break
        end, step = start, step * 2
    breaks = [i for i in (data.find(b"\n", last), data.find(b"\r", last)) if i >= 0]
    return min(breaks) if breaks else len(data)


def quoted_field_counts(text: str) -> list[int]:
    """Fields per record of text holding quotes, scanned field by field; raises MalformedCSV
    at an unterminated quote, a quote inside an unquoted field or text after a closing quote.
    No input value goes into the message (it may be child-level)."""
    counts: list[int] = []
    pos, line, fields, n = 0, 1, 1, len(text)
    start = 0  # where the current record began
    while True:
        m = FIELD.match(text, pos)
        token, end = m.group(), m.end()
        if end >= n:
            counts.append(0 if end == start else fields)
            return counts
        c = text[end]
        if c == '"':
            what = (
                "a quoted field is never closed"
                if token == ""
                else "text after a closing quote"
                if token.startswith('"')
                else "a quote inside an unquoted field"
            )
            raise MalformedCSV(line, what)
        if token.startswith('"') and c not in ",\r\n":
            raise MalformedCSV(line + token.count("\n"), "text after a closing quote")
        line += token.count("\n")
        if c == ",":
            fields += 1
            pos = end + 1
            continue
        counts.append(0 if end == start else fields)  # end of record (0: a blank line)
        fields = 1
        line += 1
        pos = start = end + (2 if text.startswith("\r\n", end) else 1)
        if pos >= n:
            return counts


def field_counts(data: bytes) -> np.ndarray:
    """Fields per record (header first) of UTF-8 bytes (BOM removed); vectorised over the
    bytes when nothing is quoted (UTF-8 never puts a comma or line break inside a letter).

    Trailing blank lines are ignored; a blank line between rows counts as a ragged row
    (0 fields). Raises MalformedCSV when quoting is broken.
    """
    size = rows_end(data)
    if size == 0:
        return np.zeros(1, dtype=np.int64)  # one blank record
    if data.find(b'"', 0, size) >= 0:
        return np.array(quoted_field_counts(data[:size].decode("utf-8")), dtype=np.int64)
    raw = np.frombuffer(data, dtype=np.uint8, count=size)
    ends = np.flatnonzero(raw == NEWLINE)
    starts = np.concatenate(([0], ends + 1))
    stops = np.concatenate((ends, [raw.size]))
    # commas before each record's end; a record's own are those after the previous end
    commas = np.diff(np.searchsorted(np.flatnonzero(raw == COMMA), stops), prepend=0)
    length = stops - starts
    blank = (length == 0) | ((length == 1) & (raw[np.minimum(starts, raw.size - 1)] == CR))
    return np.where(blank, 0, commas + 1)


def first_line(data: bytes) -> str:
    """The first line of `data` as text (an undecodable byte as U+FFFD)."""
    end = data.find(b"\n")
    return (data if end < 0 else data[:end]).decode("utf-8", errors="replace")


def header_of(data: bytes) -> list[str]:
    """The header's column names, trimmed and upper-cased (read from the first line only,
    unless it holds a quote: a quoted name may run over a line break)."""
    line = first_line(data)
    text = data.decode("utf-8", errors="replace") if '"' in line else line
    first = next(csv.reader(io.StringIO(text, newline="")), [])
    return [c.strip().upper() for c in first]


def delimiter_hint(raw_header: str) -> str | None:
    for sep, name in OTHER_DELIMITERS.items():
        if sep in raw_header and "," not in raw_header:
            return name
    return None


def inspect_csv(path: Path) -> Inspection:
    """Read a file once and report every whole-file problem found."""
    out = Inspection()
    data = path.read_bytes().removeprefix(codecs.BOM_UTF8)
    if not data or data.isspace():
        out.problems.append(("file.empty", "is empty (no header row)"))
        return out
    problem = text_problem(data)
    if problem:
        out.problems.append(problem)
        if problem[0] == "file.encoding":  # still say which table it would be
            out.columns = header_of(data)
        return out
    out.columns = header_of(data)
    if not any(out.columns):
        out.problems.append(("file.unknown_header", "has no header row (first line blank)"))
        return out
    raw_header = first_line(data)
    hint = delimiter_hint(raw_header)
    if hint:  # still say which table it would be
        sep = next(k for k, v in OTHER_DELIMITERS.items() if v == hint)
        out.columns = [c.strip().upper() for c in raw_header.split(sep)]
        out.problems.append(
            (
                "file.delimiter",
                f"the delimiter looks wrong: the header is separated by {hint}, "
                "files must be comma-separated",
            )
        )
        return out
    dupes = sorted({c for c in out.columns if out.columns.count(c) > 1})
    if dupes:
        out.problems.append(("file.duplicate_columns", f"duplicate column(s) {', '.join(dupes)}"))
    try:
        counts = field_counts(data)
    except MalformedCSV as e:
        out.problems.append(("file.malformed", str(e)))
        return out
    out.rows = len(counts) - 1
    if out.rows <= 0:
        out.problems.append(("file.header_only", "has a header row but no data rows"))
        return out
    width = int(counts[0])
    ragged = np.flatnonzero(counts != width)  # record i is line i + 1
    if ragged.size:
        listed = "; ".join(
            f"row {i + 1} has {counts[i]} fields" for i in ragged[:MAX_RAGGED_LISTED].tolist()
        )
        more = (
            f" (and {ragged.size - MAX_RAGGED_LISTED} more)"
            if ragged.size > MAX_RAGGED_LISTED
            else ""
        )
        out.problems.append(
            ("file.ragged_rows", f"ragged rows: the header has {width} fields but {listed}{more}")
        )
    return out
