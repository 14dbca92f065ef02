"""Where the project's own data lives (SQL models, code lists, bundled reference data)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQL_DIR = ROOT / "sql"
CODES_DIR = ROOT / "schemas" / "codes"
REFERENCE_DIR = ROOT / "reference"
TEMPLATES_DIR = ROOT / "reports" / "templates"
