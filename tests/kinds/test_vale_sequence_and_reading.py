"""Vale's sequence and readability kinds, counted and located as Vale's source does.

Sequence: Vale reports a run where its words, joined as Vale joins them, stand in the sentence: single
spaces but none before a comma or other closing punctuation ("opinion, he"), since March 2025
(internal/check/sequence.go stepsToString); a run not written that way is dropped.
"""

from __future__ import annotations

AMBIG = ("extends: sequence\nmessage: \"Avoid ambiguous pronouns\"\nlevel: warning\nignorecase: true\n"
         "tokens:\n  - tag: NN|NNP|NNPS|NNS\n    skip: 7\n  - tag: PRP|PRP$\n    pattern: he|she|its?|they|his|her|their\n")


def check(run_cli, tmp_path, rule_name: str, rule: str, text: str):
    style = tmp_path / "styles" / "House"
    style.mkdir(parents=True, exist_ok=True)
    (style / f"{rule_name}.yml").write_text(rule, encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text(text, encoding="utf-8")
    proc = run_cli("check", "--no-default-rules", "--styles", tmp_path / "styles", "--format", "concise", article)
    return proc, [line[len(str(article)) + 1:] for line in proc.stdout.decode().splitlines()
                  if line.startswith(str(article))]  # "line:column: Style.Rule message"


def test_a_sequence_run_with_a_comma_inside_is_reported_as_current_vale_does(run_cli, tmp_path):
    text = ("# Council vote\n\nIn my opinion, he is still the best mayor the city has had.\n\n"
            "The mayor said he would not resign.\n")
    # "opinion, he" (line 3) and "mayor said he" (line 5)
    assert check(run_cli, tmp_path, "AMBIG", AMBIG, text)[1] == ["3:7: warning: House.AMBIG Avoid ambiguous pronouns",
                                                                  "5:5: warning: House.AMBIG Avoid ambiguous pronouns"]


MEETUP = ("extends: sequence\nmessage: \"Use 'meetup(s)' instead of 'meet-up'\"\n"
          "tokens:\n  - tag: NN|NNS\n    pattern: meet-ups?\n")


def test_a_hyphenated_compound_is_one_sequence_word_as_in_vales_tokenizer(run_cli, tmp_path):
    text = ("# Community news\n\nAll of our local meet-ups are organised by residents. "
            "Residents meet up at the library.\n")
    assert check(run_cli, tmp_path, "Meetup", MEETUP, text)[1] == [
        "3:18: warning: House.Meetup Use 'meetup(s)' instead of 'meet-up'"]


GRADE = "extends: readability\nmessage: \"Grade level (%s) too high!\"\ngrade: 4\nmetrics:\n  - Flesch-Kincaid\n"


def test_readability_counts_the_words_a_reader_sees_not_link_targets_or_code(run_cli, tmp_path):
    easy = ("# Council vote\n\nThe council [approved](https://example.com/municipal-infrastructure-reorganisation"
            "-consultation-documentation) the plan. It met on `Tuesday`.\n")
    proc, lines = check(run_cli, tmp_path, "Grade", GRADE, easy)
    assert (proc.returncode, lines) == (0, [])
    hard = ("# Council vote\n\nThe municipal administration approved comprehensive infrastructure "
            "reorganisation after considerable deliberation.\n")
    proc, lines = check(run_cli, tmp_path, "Grade", GRADE, hard)
    assert proc.returncode == 1 and len(lines) == 1 and lines[0].startswith("1:1: warning: House.Grade Grade level (")


def test_syllables_are_counted_as_vales_summarize_package_counts_them():
    from lintnews.rules.syllables import syllables
    counts = {"the": 1, "people": 2, "council": 2, "approved": 2, "community": 4, "readability": 5,
              "business": 2, "created": 2, "interesting": 4, "ology": 3}
    assert {word: syllables(word) for word in counts} == counts
