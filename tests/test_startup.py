"""What a one-article check loads: only what its path uses (the rest is imported when asked for)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from testkit import lintnews_command

# Loaded by other commands or options only: LanguageTool's client (with shutil, bz2, lzma), the
# info commands (config, init, rules, kinds), --diff's difflib, fix's temporary names (secrets).
NOT_ON_THE_CHECK_PATH = [
    "lintnews.rules.backends.languagetool.rule", "lintnews.rules.backends.languagetool.client",
    "lintnews.rules.backends.languagetool.local", "lintnews.cli.info", "lintnews.cli.starters",
    "difflib", "secrets",
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
    for _ in range(2):  # the first start after a change of code builds the per-user caches; the second reads them
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


# `check` and `fix` run as the process end it without the interpreter's teardown (cli._leave): what
# the teardown would have done that matters must still happen.
ARTICLE = ("Council approves budget\n\nThe council approved the the budget on Tuesday, officials said.\n"
           "It’s spending rose 4.2% , the the mayor said.\n")


def test_a_long_report_reaches_a_pipe_whole_and_the_exit_status_counts(tmp_path):
    for i in range(150):
        (tmp_path / f"a{i:03}.txt").write_text(ARTICLE, encoding="utf-8")
    proc = subprocess.run([*lintnews_command(), "check", "--isolated", "--no-cache", "--format", "json",
                           str(tmp_path)], capture_output=True, text=True)
    assert proc.returncode == 1
    findings = json.loads(proc.stdout)  # all of it: 65 KB and more, written through a pipe's buffer
    assert len({f["path"] for f in findings}) == 150
    assert len(proc.stdout) > 65536
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "a.txt").write_text("Council approves budget\n\nThe council approved the budget.\n", encoding="utf-8")
    proc = subprocess.run([*lintnews_command(), "check", "--isolated", "--no-cache", str(clean)],
                          capture_output=True, text=True)
    assert (proc.returncode, proc.stdout.strip()) == (0, "All clean: no findings in 1 file.")
    proc = subprocess.run([*lintnews_command(), "check", "--isolated", "--select", "News.Nonesuch", str(clean)],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "News.Nonesuch" in proc.stderr


def test_a_run_keeps_the_patterns_it_compiled_as_a_normal_exit_does(tmp_path):
    """The compiled-pattern store saves what a run compiled after loading the rules in an atexit handler:
    it runs before the process ends, so the command keeps what an embedding program's exit keeps."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    args = ["check", "--isolated", "--no-cache", str(tmp_path / "a.txt")]
    kept = []
    for name, command in (("command", lintnews_command()),
                          ("embedded", [sys.executable, "-c", "import sys\nfrom lintnews.cli import main\n"
                                                              "main(sys.argv[1:])"])):
        cache = tmp_path / name
        proc = subprocess.run([*command, *args], capture_output=True, text=True,
                              env={**os.environ, "LINTNEWS_DATA_CACHE": str(cache)})
        assert proc.returncode == 1, proc.stderr
        (store,) = cache.glob("regex-*.json")
        kept.append(set(json.loads(store.read_bytes().partition(b"\n")[2])))
    assert kept[0] == kept[1]


def test_a_program_that_calls_main_gets_control_back(tmp_path):
    """Only the command itself ends without teardown: a program calling main (as scripts/cache_jobs.py
    does, with sys.argv made to look like the command's) still gets SystemExit and runs what follows."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    program = ("import sys\nfrom lintnews.cli import main\nsys.argv = ['lintnews', 'check', '--isolated', "
               f"'--no-cache', {str(tmp_path / 'a.txt')!r}]\ntry:\n    main()\nexcept SystemExit as done:\n"
               "    print('after main, exit', done.code)\n")
    proc = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == "after main, exit 1"


def test_a_check_answered_from_the_results_cache_loads_no_rules_nor_package_metadata(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    # The text format (JSON and SARIF describe the rules, so they load them).
    probe = PROBE.replace('"--isolated", "--no-cache", "--format", "json", ',
                          '"--isolated", "--cache-dir", sys.argv.pop(1), ')
    runs = [subprocess.run([sys.executable, "-c", probe, str(tmp_path / "cache"), str(tmp_path / "a.txt")],
                           capture_output=True, text=True, cwd=tmp_path) for _ in range(2)]
    first, second = (set(json.loads(r.stderr.strip().splitlines()[-1])) for r in runs)
    assert runs[0].stdout == runs[1].stdout and "News.DoubledWord" in runs[1].stdout
    assert "lintnews.rules.kinds.pattern" in first  # the first run checked the article
    assert not {"lintnews.rules.kinds.pattern", "importlib.metadata", "email", "zipfile"} & second


def test_entities_repaired_once_are_answered_without_ftfy_and_no_words_are_kept(tmp_path):
    """ftfy's repairs of HTML entities are kept in the data cache (rules/kinds/mojibake.py): a later run
    gives the same findings without importing ftfy. Mis-decoded words stay out of the cache."""
    (tmp_path / "a.txt").write_text("Council approves budget\n\nThe mayor&#8217;s office &amp; the council "
                                    "agreed on Tuesday.&nbsp;Officials said it was fine.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Council approves budget\n\nThe mayor said the plan wasnâ€™t final.\n",
                                    encoding="utf-8")
    probe = PROBE.replace("print(json.dumps(sorted(sys.modules)), file=sys.stderr)",
                          "print(json.dumps(sorted(m for m in sys.modules if m.startswith('ftfy'))), file=sys.stderr)")
    env = {**os.environ, "LINTNEWS_DATA_CACHE": str(tmp_path / "data")}
    runs = [subprocess.run([sys.executable, "-c", probe, str(tmp_path / "a.txt")], capture_output=True, text=True,
                           env=env) for _ in range(2)]
    assert runs[0].stdout == runs[1].stdout and runs[0].stdout.count("News.Mojibake") == 3
    assert json.loads(runs[0].stderr.strip().splitlines()[-1]) != []  # the first run asked ftfy
    assert json.loads(runs[1].stderr.strip().splitlines()[-1]) == []  # the second did not need it
    subprocess.run([sys.executable, "-c", probe, str(tmp_path / "b.txt")], capture_output=True, text=True, env=env)
    (store,) = (tmp_path / "data").glob("ftfy-*.json")
    assert sorted(json.loads(store.read_bytes().partition(b"\n")[2])) == ["&#8217;", "&amp;", "&nbsp;"]
