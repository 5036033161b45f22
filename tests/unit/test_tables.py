"""Frozen word tables: the same answers as the dicts they replace, built once, never trusted blindly."""

import os
import sys
from pathlib import Path

import pytest

from lintnews.read import tables

WORDS = {"the": 0.05, "government": 1.2e-4, "naïve": 3e-7, "Zürich": 2e-6, "état": 1e-7, "a b": 7.0, "": 0.5}


def test_table_answers_as_the_dict_does():
    t = tables.Table(tables.encode(WORDS, extra=42))
    assert len(t) == len(WORDS)
    for word, f in WORDS.items():
        assert word in t and t.get(word) == f and t[word] == f
    for missing in ["th", "thee", "governments", "naive", "zürich", "zzz", "\U0001f600"]:
        assert missing not in t and t.get(missing, 0.0) == 0.0
    with pytest.raises(KeyError):
        t["nope"]
    assert sorted(t.keys()) == sorted(WORDS)
    assert t.extra == 42
    assert 3 not in t  # only strings are keys


def test_integer_values_stay_integers():
    t = tables.Table(tables.encode({"of the": 177045273024, "in a": 3}))
    assert t.get("of the") == 177045273024 and isinstance(t.get("in a"), int)


def test_built_once_then_read_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("LINTNEWS_DATA_CACHE", str(tmp_path))
    builds = []

    def build():
        builds.append(1)
        return {"said": 3, "says": 2}, 0

    key = tables.identity("test", 1)
    assert tables.load("words", key, build).get("said") == 3
    assert tables.load("words", key, build).get("says") == 2
    assert len(builds) == 1
    # What the table is built from changed: a new file, built again.
    assert tables.load("words", tables.identity("test", 2), build).get("said") == 3
    assert len(builds) == 2 and len(list(tmp_path.glob("words-*.tbl"))) == 2


def test_a_damaged_cache_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("LINTNEWS_DATA_CACHE", str(tmp_path))
    key = tables.identity("test", "damaged")
    tables.load("words", key, lambda: ({"said": 3}, 0))
    (path,) = tmp_path.glob("words-*.tbl")
    path.write_bytes(path.read_bytes()[:-2])  # truncated
    assert tables.load("words", key, lambda: ({"said": 4}, 0)).get("said") == 4
    path.write_bytes(b"not a table at all")
    assert tables.load("words", key, lambda: ({"said": 5}, 0)).get("said") == 5


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_cache_folder_that_cannot_be_written_still_gives_the_table(tmp_path, monkeypatch):
    tmp_path.chmod(0o500)
    monkeypatch.setenv("LINTNEWS_DATA_CACHE", str(tmp_path / "sub"))
    try:
        assert tables.load("words", "k", lambda: ({"said": 3}, 0)).get("said") == 3
    finally:
        tmp_path.chmod(0o700)


def test_a_cache_path_that_is_a_file_still_gives_the_table(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("LINTNEWS_DATA_CACHE", str(blocker / "sub"))
    assert tables.load("words", "k", lambda: ({"said": 3}, 0)).get("said") == 3


def test_the_spelling_lists_agree_with_their_sources():
    import wordfreq

    from lintnews.rules.frequencies import lexicon

    lex = lexicon()
    for word in ["government", "recieve", "accommodate", "the", "zeitgeist"]:
        assert lex.freq.get(word, 0.0) == wordfreq.get_frequency_dict("en", wordlist="large").get(word, 0.0)
    assert "government" in lex.curated and "goverment" not in lex.curated


def test_tables_built_from_old_sources_are_swept_after_a_week(tmp_path, monkeypatch):
    monkeypatch.setenv("LINTNEWS_DATA_CACHE", str(tmp_path))
    stale, recent, other = tmp_path / "words-0000.tbl", tmp_path / "words-1111.tbl", tmp_path / "words-more-2222.tbl"
    for path in (stale, recent, other):
        path.write_bytes(b"old")
    os.utime(stale, (0, 0))
    os.utime(other, (0, 0))
    tables.load("words", "3333", lambda: ({"said": 3}, 0))
    assert not stale.exists()  # same table, other sources, long unused
    assert recent.exists()  # another installation may still use it
    assert other.exists()  # another table ("words-more")


def test_every_key_of_a_large_table_is_found_through_its_hash_slots():
    # Enough keys that many share a slot and are found further along; absent look-alikes are not found.
    words = {f"{w}{i}": i * 7 for i, w in enumerate(["said", "Zürich", "naïve", "état", "of the"] * 4000)}
    t = tables.Table(tables.encode(words))
    assert all(t.get(word) == value for word, value in words.items())
    assert not any(f"{word}x" in t or word.upper() in t for word in list(words)[:2000] if word.upper() != word)
    assert sorted(t.keys()) == sorted(words)


def test_a_table_whose_hash_slots_are_damaged_answers_without_hanging():
    words = {f"word{i}": i for i in range(100)}
    data = bytearray(tables.encode(words))
    t = tables.Table(bytes(data))
    at = t._base - 4 * len(t._slots)  # where the slots start (they end where the keys begin)
    data[at:at + 4 * len(t._slots)] = (1).to_bytes(4, sys.byteorder) * len(t._slots)  # every slot taken, none right
    damaged = tables.Table(bytes(data))
    assert damaged.get("word0") == 0
    assert [damaged.get(f"word{i}") for i in range(1, 100)] == [None] * 99


def test_the_same_word_list_in_two_environments_shares_one_table_key(tmp_path):
    # Two virtual environments with the same version of a package hold the same file in two folders.
    words = "".join(f"word{i}\t{i}\n" for i in range(40_000)).encode()
    first, second = tmp_path / "venv1" / "words.txt", tmp_path / "venv2" / "words.txt"
    for path in (first, second):
        path.parent.mkdir()
        path.write_bytes(words)
    os.utime(second, (0, 0))
    assert tables.file_identity(first) == tables.file_identity(second)
    # Another version: a changed first or last line, or another size, is another table.
    second.write_bytes(words.replace(b"word0\t", b"wordX\t", 1))
    assert tables.file_identity(first) != tables.file_identity(second)
    second.write_bytes(words[:-3] + b"9\n\n")
    assert tables.file_identity(first) != tables.file_identity(second)
    # A data file of lintnews's own package keeps its change time in the key (edited in place in a checkout).
    own = Path(tables.__file__).resolve().parent.parent / "data" / "misspellings.txt"
    assert len(tables.file_identity(own)) == 4 and len(tables.file_identity(first)) == 3
