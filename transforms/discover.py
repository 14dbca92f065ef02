"""Recognise the files of an extract set by their header row (spec/extracts.md)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from schemas.tables import REFERENCE_FILES, TABLES
from transforms import xml903
from transforms.validation.filecheck import Inspection, inspect_csv

INSPECTORS = 2  # files inspected at once (numpy and reading release the GIL)


@dataclass(frozen=True)
class FoundFile:
    path: Path
    table: str
    extra_columns: tuple[str, ...] = ()
    rows: int | None = None  # data rows (trailing blank lines excluded)


@dataclass
class Discovery:
    files: list[FoundFile] = field(default_factory=list)
    reference: dict[str, Path] = field(default_factory=dict)
    blocking: list[dict] = field(default_factory=list)  # {file, rule, message}
    warnings: list[dict] = field(default_factory=list)
    xml: dict[Path, xml903.XMLReturn] = field(default_factory=dict)  # parsed XML returns

    def tables(self) -> set[str]:
        return {f.table for f in self.files}


def match_table(columns: list[str]) -> tuple[str | None, str | None, list[str]]:
    """(table, None, extra) for a complete match; (None, closest table, missing) otherwise."""
    cols = set(columns)
    complete = [t for t in TABLES.values() if set(t.recognised_by) <= cols]
    if complete:
        best = max(complete, key=lambda t: (len(t.recognised_by), t.name))
        return best.name, None, [c for c in columns if c not in best.columns]
    closest = max(
        TABLES.values(),
        key=lambda t: (len(set(t.recognised_by) & cols) / len(t.recognised_by), t.name),
    )
    missing = [c for c in closest.recognised_by if c not in cols]
    return None, closest.name, missing


def discover_xml(path: Path, found: Discovery) -> None:
    """A DfE XML return (root EXPSSDA903): one FoundFile per 903 table it holds rows of."""

    def block(rule: str, message: str) -> None:
        found.blocking.append({"file": path.name, "rule": rule, "message": message})

    try:
        root = xml903.root_tag(path)
        if root != xml903.ROOT:
            found.warnings.append(
                {
                    "file": path.name,
                    "rule": "file.unknown_xml",
                    "message": f"not a DfE 903 XML return (root element {xml903.ROOT}); ignored",
                }
            )
            return
        parsed = xml903.read_return(path)
    except xml903.UnsafeXML:
        block(
            "file.unsafe_xml",
            "declares entities or refers to external ones (possible entity-expansion attack); "
            "refused, not read",
        )
        return
    except xml903.BadXML as e:
        block("file.malformed", str(e))
        return
    except OSError as e:
        block("file.unreadable", f"cannot be read ({e})")
        return
    found.xml[path] = parsed
    for table, rows in parsed.tables.items():
        if rows:
            found.files.append(FoundFile(path, table, (), len(rows)))
    if not parsed.tables["header"]:
        block("file.header_only", "is a 903 XML return holding no CHILD with a HEADER")


def _inspect(path: Path) -> Inspection | OSError:
    try:
        return inspect_csv(path)
    except OSError as e:
        return e


def discover(extract_dir: Path) -> Discovery:
    """Classify every CSV directly in the folder; reference/ files are recognised by name."""
    found = Discovery()
    unusable: set[str] = set()  # tables recognised in files that cannot be read
    paths = sorted(extract_dir.iterdir())
    csvs = [p for p in paths if not p.is_dir() and p.suffix.lower() == ".csv"]
    with ThreadPoolExecutor(INSPECTORS, thread_name_prefix="inspect") as pool:
        inspected = dict(zip(csvs, pool.map(_inspect, csvs), strict=True))
    for path in paths:
        if path.is_file() and path.suffix.lower() == ".xml":
            discover_xml(path, found)
            continue
        if path not in inspected:
            continue
        inspection = inspected[path]
        if isinstance(inspection, OSError):
            found.blocking.append(
                {
                    "file": path.name,
                    "rule": "file.unreadable",
                    "message": f"cannot be read ({inspection})",
                }
            )
            continue
        columns = [c for c in inspection.columns if c]
        if not columns and not inspection.problems:
            inspection.problems.append(
                ("file.unknown_header", "has no header row (first line blank)")
            )
        table, closest, other = match_table(columns) if columns else (None, None, [])
        if inspection.problems:
            for rule, message in inspection.problems:
                found.blocking.append({"file": path.name, "rule": rule, "message": message})
            if table:
                unusable.add(table)
            continue
        if table:
            found.files.append(FoundFile(path, table, tuple(other), inspection.rows))
            if other:
                found.warnings.append(
                    {
                        "file": path.name,
                        "rule": "file.extra_columns",
                        "message": f"extra columns ignored: {', '.join(other)}",
                    }
                )
            continue
        known = len(TABLES[closest].recognised_by) - len(other)
        if known * 2 >= len(TABLES[closest].recognised_by):
            rule = f"{closest}.missing_column"
            message = f"looks like {closest} but lacks column(s) {', '.join(other)}"
        else:
            rule = "file.unknown_header"
            message = (
                f"header matches no table; closest is {closest}, "
                f"missing column(s) {', '.join(other)}"
            )
        found.blocking.append({"file": path.name, "rule": rule, "message": message})

    ref_dir = extract_dir / "reference"
    if ref_dir.is_dir():
        for path in sorted(ref_dir.glob("*.csv")):
            if path.stem in REFERENCE_FILES:
                found.reference[path.stem] = path
            else:
                found.warnings.append(
                    {
                        "file": f"reference/{path.name}",
                        "rule": "file.unknown_reference",
                        "message": "not a reference file this product reads; ignored",
                    }
                )
    for table in TABLES.values():
        if table.required and table.name not in found.tables() | unusable:
            found.blocking.append(
                {
                    "file": str(extract_dir),
                    "rule": "file.required_table_missing",
                    "message": f"no file holds the required table {table.name} "
                    f"(columns {', '.join(table.recognised_by)})",
                }
            )
    return found
