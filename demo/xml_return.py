"""Write 903 tables as one DfE XML return (root EXPSSDA903), the layout transforms.xml903
reads: per child one HEADER (with UASC flag, DUC, AD1 fields and the repeated AREVIEW,
AMISSING, OC2, PERMANENCE, AD_PLACED elements) and its EPISODE elements."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from xml.sax.saxutils import escape

from schemas.tables import TABLES

# Tables the XML layout carries (oc3 rides on HEADER; sw_episodes and dolo have no element).
XML_TABLES = (
    "header",
    "episodes",
    "reviews",
    "missing",
    "uasc",
    "ad1",
    "placed_adoption",
    "prev_perm",
    "oc2",
    "oc3",
)
REPEATED = {
    "reviews": "AREVIEW",
    "missing": "AMISSING",
    "oc2": "OC2",
    "prev_perm": "PERMANENCE",
    "placed_adoption": "AD_PLACED",
}
PERSON = ("CHILD", "DOB")  # taken from HEADER, not repeated in sub-elements


def _leaf(tag: str, value: str | None) -> str:
    return f"<{tag}>{escape(value)}</{tag}>" if value else f"<{tag}/>"


def _own(table: str) -> list[str]:
    t = TABLES[table]
    return [c for c in t.file_columns if c not in PERSON and not (table == "uasc" and c == "SEX")]


def write_xml_return(path: Path, tables: dict[str, list[dict[str, str]]]) -> int:
    """Write the rows of `tables` (XML_TABLES only; each row a dict of contract columns) as
    one XML return; one line per element, so row numbers are element lines. Returns the
    number of CHILD elements written."""
    by_child: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for table in XML_TABLES:
        for row in tables.get(table, []):
            by_child[row["CHILD"]][table].append(row)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<EXPSSDA903>"]
    written = 0
    for child_id in (h["CHILD"] for h in tables["header"]):
        rows = by_child[child_id]
        header = rows["header"][0]
        lines += ["<CHILD>", "<HEADER>", _leaf("CHILDID", child_id)]
        lines += [_leaf(c, header.get(c)) for c in TABLES["header"].file_columns[1:]]
        uasc = rows["uasc"][0] if rows["uasc"] else None
        lines.append(_leaf("UASC", "1" if uasc else "0"))
        lines.append(_leaf("DUC", uasc.get("DUC") if uasc else None))
        for single in ("oc3", "ad1"):
            if rows[single]:
                lines += [_leaf(c, rows[single][0].get(c)) for c in _own(single)]
        for table, tag in REPEATED.items():
            for r in rows[table]:
                lines += [f"<{tag}>", *(_leaf(c, r.get(c)) for c in _own(table)), f"</{tag}>"]
        lines.append("</HEADER>")
        for e in rows["episodes"]:
            cells = [_leaf("PL" if c == "PLACE" else c, e.get(c)) for c in _own("episodes")]
            lines += ["<EPISODE>", *cells, "</EPISODE>"]
        lines.append("</CHILD>")
        written += 1
    lines.append("</EXPSSDA903>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return written
