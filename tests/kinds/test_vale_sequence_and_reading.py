"""Vale's sequence and readability kinds, counted and located as Vale's source does.

Sequence: Vale reports a run at its words joined by single spaces, so a run with punctuation
between its words ("opinion , he") is not in the text and Vale drops it (internal/check/sequence.go).
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
    return proc, [line.split(": ", 1)[1] for line in proc.stdout.decode().splitlines()
                  if line.startswith(str(article))]


def test_a_sequence_run_with_a_comma_inside_is_dropped_as_vale_does(run_cli, tmp_path):
    text = ("# Council vote\n\nIn my opinion, he is still the best mayor the city has had.\n\n"
            "The mayor said he would not resign.\n")
    proc, lines = check(run_cli, tmp_path, "AMBIG", AMBIG, text)
    assert proc.returncode == 1
    assert lines == ["House.AMBIG Avoid ambiguous pronouns"]
    assert ":5:5:" in proc.stdout.decode()  # "mayor said he", not "opinion, he"
