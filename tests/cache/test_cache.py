"""The results cache, through the installed command: a hit reports exactly what a check reports,
anything the findings depend on invalidates it, and broken or concurrent use never breaks a run."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from cache_articles import ARTICLES

from testkit import ROOT, SEED, lintnews_command

FORMATS = ("text", "concise", "json", "jsonl", "sarif", "junit", "github")


@pytest.fixture
def desk(tmp_path):
    """A project: a lintnews.yaml and the articles (the seed and the news-like ones) under articles/."""
    folder = tmp_path / "desk"
    (folder / "articles").mkdir(parents=True)
    (folder / "lintnews.yaml").write_text("language: en-US\n")
    (folder / "articles" / SEED.name).write_bytes(SEED.read_bytes())
    for name, data in ARTICLES.items():
        (folder / "articles" / name).write_bytes(data)
    return folder


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("v*/*/*.json"))


def run(run_cli, desk, *args, cache=None):
    """`lintnews check` from the project folder; the cache at ``cache`` (None: --no-cache)."""
    flags = ["--no-cache"] if cache is None else ["--cache-dir", cache]
    return run_cli("check", *flags, *args, cwd=desk)


def same(a, b) -> None:
    assert (a.returncode, a.stdout.decode(), a.stderr.decode()) == (b.returncode, b.stdout.decode(), b.stderr.decode())


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_hit_gives_the_same_output_in_every_format(run_cli, desk, tmp_path, fmt):
    cache = tmp_path / "cache"
    args = ["--format", fmt, "--show-fixes", "--report-unused-suppressions", "articles"]
    fresh = run(run_cli, desk, *args)
    assert fresh.returncode == 1 and fresh.stdout
    first = run(run_cli, desk, *args, cache=cache)
    assert len(entries(cache)) == len(ARTICLES) + 1
    second = run(run_cli, desk, *args, cache=cache)
    same(fresh, first)
    same(fresh, second)


def test_the_second_run_reads_the_cache(run_cli, desk, tmp_path):
    """Proof that a hit does not lint: a message changed in an entry is what the next run reports."""
    cache = tmp_path / "cache"
    run(run_cli, desk, "articles", cache=cache)
    for entry in entries(cache):
        data = json.loads(entry.read_text(encoding="utf-8"))
        for row in data["findings"]:
            row[4] = "From the cache."
        entry.write_text(json.dumps(data), encoding="utf-8")
    out = run(run_cli, desk, "--format", "json", "articles", cache=cache).stdout
    messages = {f["message"] for f in json.loads(out)}
    assert messages == {"From the cache."}


def test_baseline_and_suppressions_behave_the_same_from_the_cache(run_cli, desk, tmp_path):
    cache = tmp_path / "cache"
    baseline = desk / "baseline.json"
    assert run(run_cli, desk, "--write-baseline", baseline, "articles").returncode == 0
    (desk / "articles" / "new.md").write_text("# A new story\n\nThe the mayor spoke.\n", encoding="utf-8")
    args = ["--baseline", baseline, "--report-unused-suppressions", "--format", "concise", "articles"]
    fresh = run(run_cli, desk, *args)
    lines = [line for line in fresh.stdout.decode().splitlines() if "Lintnews.UnusedSuppression" not in line]
    assert lines[0] == "articles/new.md:3:1: suggestion: News.DoubledWord [*] 'The the': a word is doubled."
    assert lines[1].startswith("Found ") and len(lines) == 2
    same(fresh, run(run_cli, desk, *args, cache=cache))
    same(fresh, run(run_cli, desk, *args, cache=cache))


def check_json(run_cli, desk, cache, *args):
    proc = run(run_cli, desk, "--format", "json", *args, "articles", cache=cache)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def test_an_edited_article_is_checked_again(run_cli, desk, tmp_path):
    cache = tmp_path / "cache"
    before = check_json(run_cli, desk, cache)
    article = desk / "articles" / "markets.txt"
    article.write_bytes(article.read_bytes().replace(b"Shares fell", b"The the shares fell"))
    after = check_json(run_cli, desk, cache)
    assert after == check_json(run_cli, desk, None)
    assert len(after) == len(before) + 1
    assert any(f["rule"] == "News.DoubledWord" and f["text"] == "The the" for f in after)


def test_an_edited_configuration_is_a_new_key(run_cli, desk, tmp_path):
    cache = tmp_path / "cache"
    (desk / "lintnews.yaml").write_text("language: en-US\nextend-select: [News.VagueSource]\n")
    before = check_json(run_cli, desk, cache)
    assert any(f["rule"] == "News.VagueSource" for f in before)
    (desk / "lintnews.yaml").write_text("language: en-US\nignore: [News.VagueSource]\n")
    after = check_json(run_cli, desk, cache)
    assert after == check_json(run_cli, desk, None)
    assert after == [f for f in before if f["rule"] != "News.VagueSource"]
    (desk / "lintnews.yaml").write_text("language: en-US\nseverity: {News.Spelling: error}\n")
    levels = {f["severity"] for f in check_json(run_cli, desk, cache) if f["rule"] == "News.Spelling"}
    assert levels == {"error"}


def test_an_edited_rule_file_and_vocabulary_are_new_keys(run_cli, desk, tmp_path):
    cache = tmp_path / "cache"
    rule = desk / "styles" / "House" / "Bridge.yml"
    rule.parent.mkdir(parents=True)
    rule.write_text("extends: existence\nmessage: \"'%s': say which bridge.\"\nignorecase: true\ntokens: [the bridge]\n")
    (desk / "vocab" / "House").mkdir(parents=True)
    (desk / "lintnews.yaml").write_text("styles: [styles]\nvocab: [vocab/House]\n")
    found = check_json(run_cli, desk, cache)
    assert [f["text"] for f in found if f["rule"] == "House.Bridge"] == ["The bridge"]
    assert any(f["text"] == "goverment" for f in found)
    # The rule now flags another phrase: the cached results must not be reused.
    rule.write_text("extends: existence\nmessage: \"'%s': which mayor?\"\nignorecase: true\ntokens: [the mayor]\n")
    found = check_json(run_cli, desk, cache)
    assert found == check_json(run_cli, desk, None)
    house = [f["text"].lower() for f in found if f["rule"] == "House.Bridge"]
    assert house and set(house) == {"the mayor"}
    # A word accepted in the vocabulary is no longer flagged.
    (desk / "vocab" / "House" / "accept.txt").write_text("goverment\n")
    found = check_json(run_cli, desk, cache)
    assert found == check_json(run_cli, desk, None)
    assert not any(f["text"] == "goverment" for f in found)


def test_a_corrupt_entry_is_ignored_and_written_again(run_cli, desk, tmp_path):
    cache = tmp_path / "cache"
    fresh = run(run_cli, desk, "--format", "sarif", "articles")
    run(run_cli, desk, "articles", cache=cache)
    broken = entries(cache)
    garbage = [b"", b"{not json", b"[]", b'{"key": 1}', None, None]
    for entry, data in zip(broken, garbage):
        if data is None:  # the right key, a span outside the article
            doc = json.loads(entry.read_text(encoding="utf-8"))
            doc["findings"][0][3] = 10**9
            data = json.dumps(doc).encode()
        entry.write_bytes(data)
    same(fresh, run(run_cli, desk, "--format", "sarif", "articles", cache=cache))
    for entry in broken:
        json.loads(entry.read_text(encoding="utf-8"))["findings"]  # rewritten whole
    same(fresh, run(run_cli, desk, "--format", "sarif", "articles", cache=cache))


def test_two_runs_at_once_share_a_cache(desk, tmp_path):
    cache = tmp_path / "cache"
    for i in range(12):  # more articles, so the runs overlap and their workers write the same entries
        for name, data in ARTICLES.items():
            (desk / "articles" / f"{i}-{name}").write_bytes(data)
    env = {**os.environ, "NO_COLOR": "1", "XDG_CONFIG_HOME": str(tmp_path / "xdg")}
    command = [*lintnews_command(), "check", "--format", "json", "--jobs", "2", "--cache-dir", str(cache), "articles"]
    procs = [subprocess.Popen(command, cwd=desk, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(2)]
    outputs = [p.communicate(timeout=300) for p in procs]
    fresh = subprocess.run([*command[:-3], "--no-cache", "articles"], cwd=desk, env=env, capture_output=True)
    assert fresh.returncode == 1
    for p, (out, err) in zip(procs, outputs):
        assert (p.returncode, out, err) == (1, fresh.stdout, fresh.stderr)
    names = {p.name for p in cache.rglob("*")}
    assert not any(n.startswith(".tmp-") for n in names)
    assert len(entries(cache)) == 13 * len(ARTICLES) + 1
    for entry in entries(cache):
        json.loads(entry.read_text(encoding="utf-8"))
    again = subprocess.run(command, cwd=desk, env=env, capture_output=True)
    assert (again.returncode, again.stdout, again.stderr) == (1, fresh.stdout, fresh.stderr)


def test_no_cache_writes_nothing(run_cli, desk):
    proc = run_cli("check", "--no-cache", "articles", cwd=desk, env={"LINTNEWS_CACHE_DIR": ""})
    assert proc.returncode == 1
    assert not any(p.name == ".lintnews_cache" for p in desk.parent.rglob("*"))
    assert not (ROOT / "articles").exists()


def test_default_folder_is_beside_the_configuration_and_never_committed(run_cli, desk, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    proc = run_cli("check", desk / "articles", cwd=elsewhere, env={"LINTNEWS_CACHE_DIR": ""})
    assert proc.returncode == 1
    cache = desk / ".lintnews_cache"
    assert len(entries(cache)) == len(ARTICLES) + 1
    assert (cache / ".gitignore").read_text().splitlines()[-1] == "*"
    assert (cache / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert not (elsewhere / ".lintnews_cache").exists()
    # git sees none of it
    subprocess.run(["git", "init", "-q", str(desk)], check=True)
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=desk,
                            capture_output=True, text=True, check=True).stdout
    assert ".lintnews_cache" not in status and "articles/council.md" in status


def test_cache_dir_key_and_environment(run_cli, desk, tmp_path):
    (desk / "lintnews.yaml").write_text("cache-dir: build/lint-cache\n")
    run_cli("check", "articles", cwd=desk, env={"LINTNEWS_CACHE_DIR": ""})
    assert len(entries(desk / "build" / "lint-cache")) == len(ARTICLES) + 1
    assert not (desk / ".lintnews_cache").exists()
    env_cache = tmp_path / "from-env"
    run_cli("check", "articles", cwd=desk, env={"LINTNEWS_CACHE_DIR": str(env_cache)})
    assert len(entries(env_cache)) == len(ARTICLES) + 1
    config = run_cli("config", "articles/council.md", cwd=desk)
    assert b"build/lint-cache" in config.stdout


def test_fix_never_writes_from_the_cache(run_cli, desk, tmp_path):
    """fix with a cache filled by check: the same files, the same output, as fix without it."""
    cache = tmp_path / "cache"
    twin = tmp_path / "twin"
    subprocess.run(["cp", "-a", str(desk), str(twin)], check=True)
    run(run_cli, desk, "articles", cache=cache)
    with_cache = run_cli("fix", "--cache-dir", cache, "articles", cwd=desk)
    without = run_cli("fix", "--no-cache", "articles", cwd=twin)
    same(without, with_cache)
    for name in [SEED.name, *ARTICLES]:
        assert (desk / "articles" / name).read_bytes() == (twin / "articles" / name).read_bytes()
    assert (desk / "articles" / "school.txt").read_bytes() != ARTICLES["school.txt"]  # it had safe fixes
    # The fixed files' results were kept: the next check is all hits, and says what a fresh check says.
    same(run(run_cli, twin, "--format", "json", "articles"), run(run_cli, desk, "--format", "json", "articles", cache=cache))
    # A second fix finds nothing to do, from the cache or not.
    same(run_cli("fix", "--no-cache", "articles", cwd=twin), run_cli("fix", "--cache-dir", cache, "articles", cwd=desk))


def test_a_result_with_a_rule_unfinished_is_not_kept(run_cli, desk, tmp_path):
    cache = tmp_path / "cache"
    (desk / "lintnews.yaml").write_text("time-budget: 0.000000001\n")
    proc = run(run_cli, desk, "articles", cache=cache)
    assert b"time budget" in proc.stderr
    assert entries(cache) == []


def test_a_cache_folder_that_cannot_be_written_is_not_used(run_cli, desk, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go\n")
    fresh = run(run_cli, desk, "--format", "concise", "articles")
    same(fresh, run(run_cli, desk, "--format", "concise", "articles", cache=blocker / "cache"))
    assert blocker.read_text() == "a file where the cache folder would go\n"


def test_fix_with_a_baseline_from_the_cache(run_cli, desk, tmp_path):
    """Findings a baseline records are left alone by fix: with every finding recorded, a cache hit
    (nothing left to fix) and a fresh fix agree, and nothing is written."""
    cache = tmp_path / "cache"
    baseline = desk / "baseline.json"
    assert run(run_cli, desk, "--write-baseline", baseline, "articles", cache=cache).returncode == 0
    before = {p.name: p.read_bytes() for p in (desk / "articles").iterdir()}
    fresh = run_cli("fix", "--no-cache", "--baseline", baseline, "--diff", "articles", cwd=desk)
    cached = run_cli("fix", "--cache-dir", cache, "--baseline", baseline, "articles", cwd=desk)
    assert fresh.returncode == 0 and fresh.stdout == b""
    assert cached.returncode == 0 and {p.name: p.read_bytes() for p in (desk / "articles").iterdir()} == before
    same(run_cli("fix", "--no-cache", "--baseline", baseline, "articles", cwd=desk), cached)
