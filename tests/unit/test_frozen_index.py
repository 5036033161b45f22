"""The frozen string index the tagger looks its feature names up in (read/frozen_index.py)."""

import pytest

from lintnews.read import frozen_index
from lintnews.read.frozen_index import FrozenIndex, freeze

# Feature names as the tagger writes them: a template, then words, suffixes or tags (any script).
NAMES = [f"w-1,w {a} {b}" for a in ("said", "the", "officials", "Müller", "São", "—") for b in ("was", "were", "has")]
NAMES += ["s3 ing", "p3 Reu", "t-1,s3 NNP ers", "first-cap", "w \udcff"]  # a lone surrogate survives


def test_every_name_gets_its_number_and_others_none():
    index = FrozenIndex(freeze(NAMES))
    assert len(index) == len(NAMES)
    assert [index.get(name) for name in NAMES] == list(range(len(NAMES)))
    assert index.names() == NAMES
    for absent in ("w-1,w said", "said", "", "w-1,w said was ", "s3 in"):
        assert index.get(absent) is None
    assert index.get("nope", -1) == -1


def test_read_in_place_from_a_larger_blob():
    blob = b"12345678" + freeze(NAMES) + b"tail"
    assert frozen_index.size_of(blob, 8) == len(blob) - 12
    assert FrozenIndex(blob, 8).get("first-cap") == NAMES.index("first-cap")


def test_an_empty_index():
    index = FrozenIndex(freeze([]))
    assert len(index) == 0 and index.get("w said") is None


@pytest.mark.parametrize("damage", [lambda b: b[:-40], lambda b: b"XXXXXXXX" + b[8:]])
def test_a_damaged_blob_is_refused(damage):
    with pytest.raises(ValueError):
        FrozenIndex(damage(freeze(NAMES)))


def test_after_many_lookups_the_answers_stay_the_same(monkeypatch):
    monkeypatch.setattr(frozen_index, "BUILD_AFTER", 5)
    index = FrozenIndex(freeze(NAMES))
    for _ in range(3):
        assert [index.get(name) for name in NAMES] == list(range(len(NAMES)))
        assert index.get("said was") is None
    assert index._dict is not None  # built once the lookups passed BUILD_AFTER
    assert index.get == index._dict.get and index.get("said was", -1) == -1  # then asked directly
