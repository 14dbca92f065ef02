"""The 903 return as one DfE XML file (root EXPSSDA903) read into the 903 tables.

Each CHILD element holds one HEADER (CHILDID -> CHILD, the header columns, the UASC flag and
DUC, OC3's IN_TOUCH/ACTIV/ACCOM, AD1's DATE_INT .. LS_ADOPTR, and repeated AREVIEW, AMISSING,
OC2, PERMANENCE, AD_PLACED) and repeated EPISODE elements (PL -> PLACE). An empty element is
a blank value; a row's number is the line of the element it came from.

Parsed with the standard library's expat parser, refusing any entity declaration or external
entity: a hostile file (billion laughs, external entities) is `file.unsafe_xml`, never a hang.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from schemas.tables import TABLES

ROOT = "EXPSSDA903"
RENAME = {"CHILDID": "CHILD", "PL": "PLACE"}
# HEADER sub-elements -> table
REPEATED = {
    "AREVIEW": "reviews",
    "AMISSING": "missing",
    "OC2": "oc2",
    "PERMANENCE": "prev_perm",
    "AD_PLACED": "placed_adoption",
}
HEADER_TABLE_TRIGGERS = {"oc3": "IN_TOUCH", "ad1": "DATE_INT"}  # present in HEADER -> a row


class UnsafeXML(Exception):
    """The file declares entities or refers to external ones."""


class BadXML(Exception):
    """The file is not well-formed XML (`line` is where parsing failed)."""

    def __init__(self, line: int, what: str) -> None:
        super().__init__(f"cannot be parsed as XML: {what} on line {line}")
        self.line = line


@dataclass
class Record:
    tag: str
    line: int
    values: dict[str, str | None] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # leaf -> its line


@dataclass
class XMLReturn:
    """Rows per table: each row `(line, {column: value})`."""

    tables: dict[str, list[tuple[int, dict[str, str | None]]]] = field(default_factory=dict)


def root_tag(path: Path) -> str | None:
    """The root element's name (None if the file is not XML); reads only the start."""
    parser = _parser()
    found: list[str] = []

    def start(name: str, attrs: dict) -> None:
        found.append(name)
        raise StopIteration

    parser.StartElementHandler = start
    try:
        with open(path, "rb") as fh:
            parser.Parse(fh.read(65536), False)
    except StopIteration:
        pass
    except expat.ExpatError:
        return None
    return found[0] if found else None


def _refuse(*_args) -> None:
    raise UnsafeXML


def _parser() -> expat.XMLParserType:
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = _refuse
    parser.UnparsedEntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse
    return parser


def read_return(path: Path) -> XMLReturn:
    """Every 903 row in the file; raises UnsafeXML or BadXML."""
    parser = _parser()
    stack: list[str] = []
    child: dict = {}
    current: list[Record] = []  # the open record(s): HEADER or a repeated element or EPISODE
    text: list[str] = []
    out = XMLReturn({t: [] for t in TABLES if TABLES[t].group == "903"})

    def start(name: str, attrs: dict) -> None:
        stack.append(name)
        text.clear()
        depth = len(stack)
        line = parser.CurrentLineNumber
        if depth == 2 and name == "CHILD":
            child.clear()
            child.update(header=None, records=[])
        elif depth == 3 and name in ("HEADER", "EPISODE"):
            current.append(Record(name, line))
        elif depth == 4 and stack[2] == "HEADER" and name in REPEATED:
            current.append(Record(name, line))
        elif current:
            current[-1].lines[RENAME.get(name, name)] = line

    def end(name: str) -> None:
        depth = len(stack)
        stack.pop()
        if depth == 2 and name == "CHILD":
            _emit(child, out)
        elif current and current[-1].tag == name and depth in (3, 4):
            record = current.pop()
            if record.tag == "HEADER":
                child["header"] = record
            else:
                child["records"].append(record)
        elif current and depth >= 4:
            value = "".join(text).strip()
            current[-1].values[RENAME.get(name, name)] = value or None
        text.clear()

    def chars(data: str) -> None:
        text.append(data)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    try:
        with open(path, "rb") as fh:
            parser.ParseFile(fh)
    except expat.ExpatError as e:
        raise BadXML(e.lineno, expat.ErrorString(e.code)) from None
    return out


def _row(table: str, *sources: dict) -> dict[str, str | None]:
    merged: dict[str, str | None] = {}
    for s in sources:
        merged.update({k: v for k, v in s.items() if v is not None or k not in merged})
    return {c: merged.get(c) for c in TABLES[table].file_columns}


def _emit(child: dict, out: XMLReturn) -> None:
    """The rows one CHILD element gives, table by table."""
    header: Record | None = child.get("header")
    if header is None:
        return
    h = header.values
    out.tables["header"].append((header.line, _row("header", h)))
    if (h.get("UASC") or "").strip() == "1" or h.get("DUC"):
        out.tables["uasc"].append((header.lines.get("UASC", header.line), _row("uasc", h)))
    for table, trigger in HEADER_TABLE_TRIGGERS.items():
        if h.get(trigger) is not None:
            out.tables[table].append((header.lines[trigger], _row(table, h)))
    person = {"CHILD": h.get("CHILD"), "DOB": h.get("DOB")}
    for record in child["records"]:
        table = "episodes" if record.tag == "EPISODE" else REPEATED[record.tag]
        out.tables[table].append((record.line, _row(table, record.values, person)))
