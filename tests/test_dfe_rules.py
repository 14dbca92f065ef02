"""The default demo set passes the DfE's SSDA903 rules for every collection year 2020..latest.

Runs the independent harness in ../shared/tools/validator903 (its own venv, made by its
setup.sh) once per collection year and asserts no unexpected failures.
"""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

from tests.support import demo_extract

REPO = Path(__file__).resolve().parent.parent
HARNESS = REPO.parent / "shared" / "tools" / "validator903"
OWN_ALLOW = Path(__file__).resolve().parent / "dfe_allow.txt"
VENV = Path(os.environ.get("VALIDATOR_VENV", "/tmp/validator903-venv"))

pytestmark = pytest.mark.skipif(
    not HARNESS.is_dir(), reason="../shared/tools/validator903 not beside the repo"
)


def _collection_year(d: date) -> int:
    return d.year + 1 if d.month >= 4 else d.year


def _allow_file(tmp: Path, through: date) -> Path:
    """The harness's allow.txt plus ours, with `partial` resolved for this --through."""
    lines = (HARNESS / "allow.txt").read_text().splitlines()
    partial = None if (through.month, through.day) == (3, 31) else _collection_year(through)
    for line in OWN_ALLOW.read_text().splitlines():
        if " partial " in f" {line.split('#')[0]} ":
            if partial is None:
                continue
            line = line.replace("partial", str(partial), 1)
        lines.append(line)
    path = tmp / "allow.txt"
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.fixture(scope="module")
def default_set(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, date]:
    from cla.commands.demo_data import default_through

    through = default_through(date.today())
    # the default set: 1000 children, seed 903 (shared with other tests of that --through)
    return demo_extract(tmp_path_factory, through.isoformat()), through


@pytest.fixture(scope="module")
def validator() -> Path:
    done = subprocess.run(
        ["bash", str(HARNESS / "setup.sh")], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return VENV / "bin" / "python"


def test_default_set_passes_dfe_rules_every_year(default_set, validator, tmp_path):
    out, through = default_set
    allow = _allow_file(tmp_path, through)
    results = {}
    for year in range(2020, _collection_year(through) + 1):
        done = subprocess.run(
            [
                str(validator),
                str(HARNESS / "run903.py"),
                str(out),
                "--year",
                str(year),
                "--allow",
                str(allow),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, (year, done.stdout[-1000:], done.stderr[-2000:])
        report = json.loads(done.stdout)
        assert report["tables"]["this_year"]["Episodes"] > 50, year
        results[year] = {
            r: report["failures"][r]["description"] for r in report["unexpected_failures"]
        }
    assert results == {y: {} for y in results}
