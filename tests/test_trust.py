"""A project's configuration cannot send lintnews to read folders outside the project.

`styles` and `vocab` in a cloned repository's lintnews.yaml could name /etc,
~/.ssh or ../../other: a folder that resolves outside the folder holding the
configuration needs the user's consent (--allow-outside-paths,
LINTNEWS_ALLOW_OUTSIDE_PATHS or allow-outside-paths in
$XDG_CONFIG_HOME/lintnews/config.yaml). --styles on the command line is the
user's own choice.
"""

from __future__ import annotations

import json

import pytest

ARTICLE = "Drone plan\n\nWe utilize drones to map the flood, the mayor said.\n"
RULE = """extends: substitution
message: "Use '%s' instead of '%s'."
level: warning
swap:
  utilize: use
"""


@pytest.fixture
def layout(tmp_path):
    """A newsroom folder with a project in it and house styles beside it."""
    styles = tmp_path / "house-styles"
    (styles / "House").mkdir(parents=True)
    (styles / "House" / "Utilize.yml").write_text(RULE)
    project = tmp_path / "desk" / "project"
    project.mkdir(parents=True)
    (project / "a.txt").write_text(ARTICLE)
    return project, styles


def rules_of(proc) -> list[str]:
    return [f["rule"] for f in json.loads(proc.stdout)]


@pytest.mark.parametrize("setting, key, shown", [
    ("styles: [../../house-styles]", "styles", "'../../house-styles'"),
    ("vocab: [/etc]", "vocab", "'/etc'"),
    ("vocab: [~/.ssh]", None, None),  # no ~ expansion: a folder named "~" inside the project, not found
])
def test_a_folder_outside_the_project_is_a_config_error(run_cli, layout, setting, key, shown):
    project, styles = layout
    (project / "lintnews.yaml").write_text(setting + "\n")
    proc = run_cli("check", project / "a.txt")
    lines = proc.stderr.decode().splitlines()
    assert proc.returncode == 2 and len(lines) == 1, lines
    if key is None:
        assert lines[0] == f"error: {project / 'lintnews.yaml'}: key 'vocab': folder not found: {project / '~/.ssh'}"
        return
    assert lines[0].startswith(f"error: {project / 'lintnews.yaml'}: key '{key}': {shown} is ")
    assert f"outside the project ({project})" in lines[0] and "--allow-outside-paths" in lines[0]


def test_a_link_inside_the_project_to_a_folder_outside_it_is_outside(run_cli, layout):
    project, styles = layout
    (project / "styles").symlink_to(styles)
    (project / "lintnews.yaml").write_text("styles: [styles]\n")
    proc = run_cli("check", project / "a.txt")
    assert proc.returncode == 2 and f"'styles' is {styles}, outside the project".encode() in proc.stderr


def test_consent_by_flag_environment_or_user_configuration(run_cli, layout, tmp_path):
    project, styles = layout
    (project / "lintnews.yaml").write_text("styles: [../../house-styles]\n")
    user = tmp_path / "user-config"
    (user / "lintnews").mkdir(parents=True)
    (user / "lintnews" / "config.yaml").write_text(f"allow-outside-paths: [{styles.parent}]\n")
    for flags, env in ((("--allow-outside-paths",), {}), ((), {"LINTNEWS_ALLOW_OUTSIDE_PATHS": "1"}),
                       ((), {"LINTNEWS_ALLOW_OUTSIDE_PATHS": str(styles)}), ((), {"XDG_CONFIG_HOME": str(user)})):
        proc = run_cli("check", *flags, "--format", "json", "--select", "House", project / "a.txt", env=env)
        assert (proc.returncode, rules_of(proc)) == (1, ["House.Utilize"]), (flags, env, proc.stderr)
    # Consent to one folder is not consent to its neighbour.
    (user / "lintnews" / "config.yaml").write_text(f"allow-outside-paths: [{tmp_path / 'other'}]\n")
    assert run_cli("check", project / "a.txt", env={"XDG_CONFIG_HOME": str(user)}).returncode == 2


def test_folders_inside_the_project_and_styles_on_the_command_line_need_no_consent(run_cli, layout):
    project, styles = layout
    (project / "vocab" / "House").mkdir(parents=True)
    (project / "vocab" / "House" / "reject.txt").write_text("flood\n")
    (project / "lintnews.yaml").write_text("vocab: [vocab/House, ./vocab/../vocab/House]\n")
    proc = run_cli("check", "--format", "json", "--styles", styles, "--select", "House,Vocab", project / "a.txt")
    assert proc.returncode == 1 and rules_of(proc) == ["House.Utilize", "Vocab.Rejected"]
