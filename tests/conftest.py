from __future__ import annotations

import os
import subprocess

import pytest

from testkit import ROOT, SEED, lintnews_command


@pytest.fixture
def run_cli(tmp_path_factory):
    # No consent from the user running the tests (their ~/.config/lintnews, LINTNEWS_ALLOW_*) leaks in.
    user_config_home = tmp_path_factory.mktemp("xdg-config")

    # The results cache goes to a folder of the test's own (not .lintnews_cache in the checkout, the
    # current folder); a test that wants the default passes env={"LINTNEWS_CACHE_DIR": ""}.
    cache_dir = tmp_path_factory.mktemp("lintnews-cache")

    def run(*args, input: bytes | None = None, cwd=None, env=None):
        base = {k: v for k, v in os.environ.items() if not k.startswith("LINTNEWS_ALLOW_")}
        full_env = {**base, "NO_COLOR": "1", "XDG_CONFIG_HOME": str(user_config_home),
                    "LINTNEWS_CACHE_DIR": str(cache_dir), **(env or {})}
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
