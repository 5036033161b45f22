"""Which part of a rule file is its first YAML document (Vale reads only that one)."""

from lintnews.read.datafile import first_yaml_document

RULE = "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens:\n  - very unique\n"


def test_one_document_is_the_whole_file():
    assert first_yaml_document(RULE) is None
    assert first_yaml_document("---\n" + RULE) is None
    assert first_yaml_document("# a house rule\n%YAML 1.1\n--- # first\n" + RULE) is None


def test_a_second_document_is_cut_off():
    text = RULE + "---\nextends: substitution\nswap:\n  utilize: use\n"
    assert first_yaml_document(text) == RULE
    assert first_yaml_document("---\n" + text) == "---\n" + RULE


def test_a_document_end_marker_then_a_new_document():
    text = RULE + "...\n---\nlevel: error\n"
    assert first_yaml_document(text) == RULE + "...\n"


def test_dashes_inside_a_block_scalar_are_not_a_marker():
    text = "extends: existence\nmessage: |\n  ---\n  Who says so?\ntokens: [alleged]\n"
    assert first_yaml_document(text) is None


def test_a_file_with_no_second_marker_is_not_parsed(monkeypatch):
    # PyYAML's pure-Python parser took 5 s of CPU over 5,000 nested brackets before the loader's depth
    # limit could refuse them; a file with no marker of a second document is not handed to it at all.
    import yaml

    def parse(*args, **kwargs):
        raise AssertionError("parsed")

    monkeypatch.setattr(yaml, "parse", parse)
    text = "extends: existence\nmessage: m\ntokens: " + "[" * 5000 + "]" * 5000 + "\n"
    assert first_yaml_document(text) is None
    assert first_yaml_document("---\n" + RULE) is None
