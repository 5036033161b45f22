"""Paths and helpers shared by the test modules (import as ``from testkit import ...``).

Kept out of conftest.py: several folders have a conftest.py, so
``from testkit import`` would depend on which one was imported first.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_c63858ed88562771.txt"


def lintnews_command() -> list[str]:
    """The installed `lintnews` console script, next to this Python if it is in a venv."""
    script = Path(sys.executable).with_name("lintnews")
    if script.exists():
        return [str(script)]
    found = shutil.which("lintnews")
    if found:
        return [found]
    pytest.fail("the `lintnews` command is not installed: run `pip install .` first (see README)")


def house_rules(tmp_path: Path, **files: str):
    """Rules loaded from ``styles/House/<Name>.yml`` files written in tmp_path (no built-in rules)."""
    import lintnews

    folder = tmp_path / "styles" / "House"
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in files.items():
        (folder / f"{name}.yml").write_text(body, encoding="utf-8")
    return lintnews.load_rules(styles=[tmp_path / "styles"], builtin=False)
