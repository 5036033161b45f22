"""Compiled patterns kept in the per-user cache (lintnews/read/compiled.py): rebuilt, they match as compiled."""

from __future__ import annotations

import json

import pytest
import regex

from lintnews.errors import RuleError
from lintnews.read import compiled
from lintnews.rules.patterns import compile_pattern

TEXT = ("Police said 1.500 people were held; the Minister says Colour and COLOR differ. "
        "“We will not resign,” said Ms Ardern. a   b")
SOURCES = [
    (r"(?i)\b(?P<verb>said|says)\b\s+(\p{Lu}\p{Ll}+)", 0),
    (r"(?<=\d)\.(?=\d{3}\b)", 0),
    (r"colou?r", regex.IGNORECASE),
    (r"(?x) a \s+ b  # spaced out", 0),
    (r"(?<![\p{L}’'])(?:resign|held)(?=[,.;”])", 0),
]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("LINTNEWS_DATA_CACHE", str(tmp_path))
    compiled._STORE.reload()
    return tmp_path


def new_run(monkeypatch):
    compiled._STORE.reload()


def results(pattern):
    return [(m.span(), m.group(), m.groups(), m.groupdict()) for m in pattern.finditer(TEXT)]


def test_patterns_rebuilt_from_the_cache_match_as_the_ones_compiled(cache, monkeypatch):
    first = [compiled.compile(p, f) for p, f in SOURCES]
    compiled.save()
    (stored,) = cache.glob("regex-*.json")
    digest, body = stored.read_bytes().split(b"\n", 1)
    assert len(json.loads(body)) == len(SOURCES)  # plain JSON

    new_run(monkeypatch)
    parsed = []
    monkeypatch.setattr(regex, "compile", lambda *a, **k: parsed.append(a))
    again = [compiled.compile(p, f) for p, f in SOURCES]
    assert parsed == []  # not one parsed again
    for a, b in zip(first, again):
        assert results(b) == results(a) and results(a)
        assert (b.pattern, b.flags, b.groupindex, b.groups) == (a.pattern, a.flags, a.groupindex, a.groups)


def test_a_damaged_cache_file_is_not_used(cache, monkeypatch):
    compiled.compile(*SOURCES[0])
    compiled.save()
    (stored,) = cache.glob("regex-*.json")
    stored.write_bytes(stored.read_bytes().replace(b"said", b"sand"))  # the hash no longer matches
    new_run(monkeypatch)
    assert results(compiled.compile(*SOURCES[0])) == results(regex.compile(*SOURCES[0]))
    assert [r[1] for r in results(compiled.compile(*SOURCES[0]))] == ["says Colour", "said Ms"]


def test_locale_patterns_are_not_kept_and_bad_patterns_still_fail(cache, monkeypatch):
    compiled.compile(r"(?L)\w+", 0)  # locale rules: never kept
    compiled.save()
    assert not list(cache.glob("regex-*.json"))
    with pytest.raises(RuleError, match="bad regex"):
        compile_pattern(r"(unclosed", where="rules/News/X.yml", rule_id="News.X", key="tokens")
    new_run(monkeypatch)
    with pytest.raises(RuleError, match="bad regex"):
        compile_pattern(r"(unclosed", where="rules/News/X.yml", rule_id="News.X", key="tokens")


def test_the_file_keeps_the_patterns_in_use_first_and_stays_bounded(cache, monkeypatch):
    monkeypatch.setattr(compiled._STORE, "limit", 3)
    for i in range(5):  # a first project's patterns
        compiled.compile(rf"\bold{i}\b", 0)
    compiled.save()
    new_run(monkeypatch)
    compiled.compile(r"\bnew\b", 0)  # another project's: new, so the file is written again
    compiled.compile(r"\bold4\b", 0)
    compiled.save()
    (stored,) = cache.glob("regex-*.json")
    kept = json.loads(stored.read_bytes().split(b"\n", 1)[1])
    assert len(kept) == 3 and {"0:\\bnew\\b", "0:\\bold4\\b"} <= set(kept)


def test_a_second_run_of_the_command_compiles_no_pattern_and_reports_the_same(tmp_path):
    import os
    import subprocess

    from testkit import SEED, lintnews_command

    outputs, files = [], []
    for seed in ("1", "2"):  # another hash seed: a pattern built from a set must come out the same
        env = dict(os.environ, LINTNEWS_DATA_CACHE=str(tmp_path), PYTHONHASHSEED=seed)
        done = subprocess.run([*lintnews_command(), "check", "--isolated", "--no-cache", "--format", "json", str(SEED)],
                              capture_output=True, text=True, env=env)
        assert done.returncode == 1, done.stderr
        outputs.append(done.stdout)
        (stored,) = tmp_path.glob("regex-*.json")
        files.append((stored.read_bytes(), stored.stat().st_mtime_ns))
    assert outputs[0] == outputs[1] and '"News.DuplicateTitle"' in outputs[0]
    assert files[0] == files[1]  # nothing new to keep: not written again
