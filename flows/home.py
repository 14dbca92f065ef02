"""A pull step for prefect.yaml: run flows from CLA_PIPELINE_HOME, read when the run starts.

(`{{ $VAR }}` in prefect.yaml is filled in once, at deploy time; this reads the worker's
environment at run time instead.)
"""

from __future__ import annotations

import os

from core.paths import ROOT


def set_pipeline_home() -> dict[str, str]:
    """chdir to CLA_PIPELINE_HOME (default: this installed repository)."""
    home = os.environ.get("CLA_PIPELINE_HOME") or str(ROOT)
    os.chdir(home)
    return {"directory": home}
