"""What a one-article check loads: only what its path uses (the rest is imported when asked for)."""

from __future__ import annotations

import json
import subprocess
import sys

from testkit import SEED, lintnews_command

# Loaded by other commands or options only: LanguageTool's client (with shutil, bz2, lzma), the
# info commands (config, init, rules, kinds), --diff's difflib, fix's temporary names (secrets).
NOT_ON_THE_CHECK_PATH = [
    "lintnews.rules.backends.languagetool.rule", "lintnews.rules.backends.languagetool.client",
    "lintnews.rules.backends.languagetool.local", "lintnews.cli.info", "lintnews.cli.starters",
    "difflib", "secrets", "shutil",
]

PROBE = """
import json, sys
from lintnews.cli import main
try:
    main(["check", "--isolated", "--no-cache", "--format", "json", *sys.argv[1:]], prog_name="lintnews")
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def test_a_one_article_check_loads_only_what_it_uses(tmp_path):
    article = tmp_path / "desk.txt"
    article.write_text(
        "Council approves budget\n\nThe council approved the the budget on Tuesday, officials said. "
        "Critics says the plan cuts libraries.\n", encoding="utf-8")
    probe = subprocess.run([sys.executable, "-c", PROBE, str(article)], capture_output=True, text=True)
    loaded = set(json.loads(probe.stderr.strip().splitlines()[-1]))
    assert "lintnews.read.tagger" in loaded  # the probe did check the article
    assert sorted(loaded & set(NOT_ON_THE_CHECK_PATH)) == []
    # ... and reports what the command does.
    command = subprocess.run([*lintnews_command(), "check", "--isolated", "--no-cache", "--format", "json",
                              str(article)], capture_output=True, text=True)
    assert probe.stdout == command.stdout
    assert "News.DoubledWord" in command.stdout


def test_the_commands_imported_when_named_still_run(tmp_path):
    for args, expected in ((["kinds"], "pattern"), (["rules"], "News.DoubledWord"),
                           (["config", str(tmp_path), "--isolated"], "select"), (["--help"], "kinds")):
        proc = subprocess.run([*lintnews_command(), *args], capture_output=True, text=True, cwd=tmp_path)
        assert proc.returncode == 0, (args, proc.stderr)
        assert expected in proc.stdout, args
    proc = subprocess.run([*lintnews_command(), "nonsense"], capture_output=True, text=True)
    assert proc.returncode == 2 and "No such command 'nonsense'" in proc.stderr
