"""What the README tells a rule writer, checked against the command: `.yaml` rule files, what each `%s`
stands for, `{suggestion}` quoted, what makes a rule Vale's, and `lintnews kinds` help that points at
documentation rather than source files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from testkit import ROOT


def write(tmp_path: Path, name: str, body: str, suffix: str = ".yml") -> None:
    folder = tmp_path / "house" / "House"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}{suffix}").write_text(body, encoding="utf-8")


def messages(run_cli, tmp_path: Path, text: str, *flags: str) -> list[tuple[str, str]]:
    (tmp_path / "story.txt").write_text(text, encoding="utf-8")
    proc = run_cli("check", "--isolated", "--styles", "house", "--select", "House", "--format", "json",
                   *flags, "story.txt", cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return [(f["rule"], f["message"]) for f in json.loads(proc.stdout)]


def test_a_yaml_rule_file_loads_like_a_yml_one(run_cli, tmp_path):
    write(tmp_path, "Presently", "extends: existence\nmessage: \"'%s': write 'now'.\"\nquotes: skip\n"
                                 "tokens: [presently]\n", suffix=".yaml")
    assert messages(run_cli, tmp_path, "Talks\n\nThe talks are presently stalled.\n") == [
        ("House.Presently", "'presently': write 'now'.")]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "A rule file ends in\n`.yml` or `.yaml`; both load." in readme


@pytest.mark.parametrize("kind, text, expected, readme", [
    ("glued-words", "Rally\n\nHe spoke on Monday, December 4, 2017Trump then left.\n",
     "first: 2017 Trump / second: 2017Trump", "(`2017 Trump`), then the matched text (`2017Trump`)"),
    ("stripped-apostrophe", "Vote\n\nThe senator said she don t know yet.\n", "first: don't / second: don t",
     "(`don't`), then the matched text (`don t`)"),
    ("mojibake", "Vote\n\nThe senator said she donâ€™t know yet.\n", "first: ’ / second: â€™",
     "the repaired characters only (`’` for `donâ€™t`; a no-break space is written `no-break space`), "
     "then the damaged ones as found (`â€™`)"),
])
def test_what_each_percent_s_stands_for_is_what_the_readme_says(run_cli, tmp_path, kind, text, expected, readme):
    write(tmp_path, "Probe", f"extends: {kind}\nmessage: \"first: %s / second: %s\"\nquotes: skip\n")
    assert messages(run_cli, tmp_path, text) == [("House.Probe", expected)]
    table = (ROOT / "README.md").read_text(encoding="utf-8").split("### Messages", 1)[1].split("\n### ", 1)[0]
    row = next(line for line in table.splitlines() if line.startswith(f"| `{kind}` |"))
    assert readme in row


def test_suggestion_in_a_pattern_message_is_already_quoted(run_cli, tmp_path):
    write(tmp_path, "Loose", """\
extends: pattern
message: "'%s': write {suggestion} here."
patterns:
  - tokens:
      - {pos: [MD]}
      - {word: loose, mark: true}
      - {pos: [DET]}
    suggest: lose
""")
    assert messages(run_cli, tmp_path, "Poll\n\nThe party could loose the seat in May.\n") == [
        ("House.Loose", "'loose': write 'lose' here.")]


QUOTED = "Drones\n\n“We utilize drones every day,” the chief said. The agency will utilize more.\n"
VALE_SUBSTITUTION = "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nswap:\n  utilize: use\n"


def test_a_rule_with_only_vales_keys_reads_quotations_and_its_fix_there_is_only_shown(run_cli, tmp_path):
    write(tmp_path, "Utilize", VALE_SUBSTITUTION)
    assert len(messages(run_cli, tmp_path, QUOTED)) == 2  # inside the quotation too, as Vale
    (tmp_path / "story.txt").write_text(QUOTED, encoding="utf-8")
    run_cli("fix", "--isolated", "--styles", "house", "--select", "House", "--unsafe-fixes", "story.txt",
            cwd=tmp_path)
    # The speaker's words stay, even with --unsafe-fixes; the article's own are fixed.
    assert (tmp_path / "story.txt").read_text(encoding="utf-8") == QUOTED.replace("will utilize", "will use")
    # One lintnews key more and it is a lintnews rule: quotations are left alone.
    write(tmp_path, "Utilize", VALE_SUBSTITUTION + "fix: unsafe\n")
    assert messages(run_cli, tmp_path, QUOTED) == [("House.Utilize", "Use 'use' instead of 'utilize'.")]


def test_a_rule_that_reads_quotations_never_fixes_inside_them_safely(run_cli, tmp_path):
    write(tmp_path, "Utilize", VALE_SUBSTITUTION + "fix: safe\nquotes: check\n")
    (tmp_path / "story.txt").write_text(QUOTED, encoding="utf-8")
    run_cli("fix", "--isolated", "--styles", "house", "--select", "House", "story.txt", cwd=tmp_path)
    assert (tmp_path / "story.txt").read_text(encoding="utf-8") == QUOTED.replace("will utilize", "will use")


# Kinds whose help still names source files (none: the attribution kind's design notes are a comment now).
KNOWN: set[str] = set()


def test_kinds_help_points_at_documentation_not_source_files(run_cli):
    kinds = [line.split()[0] for line in run_cli("kinds").stdout.decode().splitlines()
             if line and not line.startswith("The keys")]
    naming = {k for k in kinds if re.search(r"`[\w/]+\.py`", run_cli("kinds", k).stdout.decode())}
    assert naming == KNOWN
    pattern = run_cli("kinds", "pattern").stdout.decode()
    assert "README's \"Rules are data\"" in pattern and "{suggestion}` is the suggestion already in quotes" in pattern


def test_kinds_metric_lists_every_variable_a_formula_can_use(run_cli):
    from lintnews.rules.text_stats import VARIABLES

    shown = run_cli("kinds", "metric").stdout.decode().split("Keys of metric")[0]
    missing = [v for v in VARIABLES if f"`{v}`" not in shown and not v.startswith("heading_h")]
    assert missing == [] and "`heading_h1` to `heading_h6`" in shown
