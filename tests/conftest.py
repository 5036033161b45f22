from __future__ import annotations

import os
import shutil
import subprocess
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


@pytest.fixture
def run_cli():
    def run(*args, input: bytes | None = None, cwd=None, env=None):
        full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
        return subprocess.run(
            lintnews_command() + [str(a) for a in args], input=input, capture_output=True,
            cwd=cwd or ROOT, env=full_env, timeout=120,
        )
    return run


@pytest.fixture
def seed_copy(tmp_path):
    target = tmp_path / SEED.name
    target.write_bytes(SEED.read_bytes())
    return target
