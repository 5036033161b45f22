from __future__ import annotations

import os
import subprocess

import pytest

from testkit import ROOT, SEED, lintnews_command


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
