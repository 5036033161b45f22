"""The built-in rules kept loaded in the per-user cache (lintnews/rules/ruleset_cache.py)."""

from __future__ import annotations

import hashlib
import os
import pickle
import subprocess

import pytest

from lintnews.rules import loader, ruleset_cache
from lintnews.run.engine import Linter

TEXT = ("Police said 1.500 people were held in in the capital on Tuesday, and there goverment "
        "has refused to comment. Its not clear who will loose their seat.\n\n"
        "“We will not resign,” said Ms Ardern. Critics say the the plan will fail.\n")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("LINTNEWS_DATA_CACHE", str(tmp_path))
    monkeypatch.delenv("LINTNEWS_NO_RULE_CACHE", raising=False)
    return tmp_path


def findings(rules):
    return [(f.rule_id, f.start, f.end, f.message, [e.content for e in (f.fix.edits if f.fix else [])])
            for f in Linter([r for r in rules if r.enabled]).check(TEXT).findings]


def test_the_second_load_comes_from_the_cache_and_finds_the_same(cache, monkeypatch):
    first = loader.load_rules()
    (kept,) = cache.glob("ruleset-*.pkl")
    assert oct(kept.stat().st_mode & 0o777) == "0o600"

    def no_file_read(*args, **kwargs):
        raise AssertionError("a rule file was loaded again")

    monkeypatch.setattr(loader, "load_rule_file", no_file_read)
    again = loader.load_rules()
    assert [r.id for r in again] == [r.id for r in first] and len(first) > 30
    got = findings(again)
    assert got == findings(first)
    assert {"News.DoubledWord", "News.Spelling", "News.ItsApostrophe"} <= {f[0] for f in got}


def test_a_file_others_may_write_is_not_read(cache, monkeypatch):
    loader.load_rules()
    (kept,) = cache.glob("ruleset-*.pkl")
    kept.chmod(0o664)
    files = loader.rule_files(loader.builtin_styles_dir())
    assert ruleset_cache.get(files) is None
    kept.chmod(0o600)
    assert ruleset_cache.get(files) is not None


def test_a_planted_pickle_that_would_run_code_is_refused_and_the_rules_load_from_their_files(cache, tmp_path):
    loader.load_rules()
    (kept,) = cache.glob("ruleset-*.pkl")
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    body = pickle.dumps([("News.DoubledWord", Payload())])
    kept.write_bytes(hashlib.blake2b(body, digest_size=16).hexdigest().encode() + b"\n" + body)
    kept.chmod(0o600)
    rules = loader.load_rules()
    assert not marker.exists()
    assert len(rules) > 30 and "News.DoubledWord" in {f[0] for f in findings(rules)}


def test_an_edited_rule_file_is_a_miss(cache, tmp_path):
    style = tmp_path / "styles" / "House"
    style.mkdir(parents=True)
    rule = style / "Hedge.yml"
    rule.write_text("extends: existence\nmessage: \"Cut '%s'.\"\ntokens:\n  - reportedly\n", encoding="utf-8")
    files = loader.rule_files(tmp_path / "styles")
    ruleset_cache.put(files, [("House.Hedge", loader.load_rule_file("House.Hedge", rule))])
    assert ruleset_cache.get(files)[0][0] == "House.Hedge"
    rule.write_text("extends: existence\nmessage: \"Cut '%s'.\"\ntokens:\n  - allegedly\n", encoding="utf-8")
    assert ruleset_cache.get(files) is None


def test_the_command_reports_the_same_with_the_cache_built_used_and_turned_off(cache, tmp_path):
    from testkit import SEED, lintnews_command

    article = tmp_path / "story.txt"
    article.write_text(SEED.read_text(encoding="utf-8") + "\n" + TEXT, encoding="utf-8")
    outputs = []
    for off in ("", "", "1"):
        env = dict(os.environ, LINTNEWS_DATA_CACHE=str(cache), LINTNEWS_NO_RULE_CACHE=off)
        done = subprocess.run([*lintnews_command(), "check", "--isolated", "--no-cache", "--format", "json",
                               str(article)], capture_output=True, text=True, env=env)
        assert done.returncode == 1, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] == outputs[2] and '"News.DoubledWord"' in outputs[0]
    assert len(list(cache.glob("ruleset-*.pkl"))) == 1
