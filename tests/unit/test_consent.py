"""run/trust.py: the consent a user gives to a project's configuration, read from flags, environment and file."""

from __future__ import annotations

from pathlib import Path

import pytest

from lintnews.errors import ConfigError
from lintnews.run.trust import Trust, user_config_path


def test_the_user_configuration_follows_xdg_and_ignores_a_relative_xdg_config_home(tmp_path):
    assert user_config_path({"XDG_CONFIG_HOME": str(tmp_path)}) == tmp_path / "lintnews" / "config.yaml"
    assert user_config_path({"XDG_CONFIG_HOME": "relative/dir"}) == Path.home() / ".config" / "lintnews" / "config.yaml"


def test_environment_values_name_servers_or_say_yes_or_no(tmp_path):
    env = {"XDG_CONFIG_HOME": str(tmp_path)}
    assert not Trust.load(environ=env).allows_server("http://localhost:8081")
    assert not Trust.load(environ={**env, "LINTNEWS_ALLOW_LANGUAGETOOL": "0"}).allows_server("http://localhost:8081")
    assert Trust.load(environ={**env, "LINTNEWS_ALLOW_LANGUAGETOOL": "yes"}).allows_server("https://lt.example")
    named = Trust.load(environ={**env, "LINTNEWS_ALLOW_LANGUAGETOOL": "HTTP://LocalHost:8081/v2/"})
    assert named.allows_server("http://localhost:8081") and not named.allows_server("http://localhost:8082")
    assert Trust.load(allow_languagetool=True, environ=env).allows_server("http://anything.example")


def test_a_folder_allowed_in_the_user_configuration_covers_its_subfolders_only(tmp_path):
    (tmp_path / "lintnews").mkdir()
    (tmp_path / "lintnews" / "config.yaml").write_text("allow-outside-paths: [styles]\nallow-languagetool: true\n")
    trust = Trust.load(environ={"XDG_CONFIG_HOME": str(tmp_path)})
    base = (tmp_path / "lintnews" / "styles").resolve()  # relative to the user's configuration file
    assert trust.allows_folder(base) and trust.allows_folder(base / "House")
    assert not trust.allows_folder(base.parent / "styles-other") and not trust.allows_folder(Path("/etc"))
    assert trust.allows_server("http://lt.example")


@pytest.mark.parametrize("content, problem", [
    ("allow-languagetool: 1\n", "key 'allow-languagetool' must be true, false or a list of strings, not int"),
    ("allow-languagetool: maybe\n", "key 'allow-languagetool' must name http:// or https:// servers, not 'maybe'"),
    ("- true\n", "configuration must be a mapping of keys, not list"),
    ("allow-outside-paths: [\n", "invalid YAML"),
])
def test_a_bad_user_configuration_is_a_one_line_error(tmp_path, content, problem):
    (tmp_path / "lintnews").mkdir()
    (tmp_path / "lintnews" / "config.yaml").write_text(content)
    with pytest.raises(ConfigError) as info:
        Trust.load(environ={"XDG_CONFIG_HOME": str(tmp_path)})
    assert str(info.value).startswith(f"{tmp_path / 'lintnews' / 'config.yaml'}: {problem}")
    assert "\n" not in str(info.value)
