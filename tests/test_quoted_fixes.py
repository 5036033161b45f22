"""`lintnews fix` and the words inside quotations, as a user runs it.

A quotation keeps its words whatever the spacing after its opening mark,
in every pass of the fixer.
"""

from __future__ import annotations


def test_fix_keeps_a_quotation_that_opens_with_a_zero_width_space_and_a_space(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text('Council vote delayed\n\n"\u200b Like this,  we will never win," the  mayor said. '
                       "Then she left.\n", encoding="utf-8")
    proc = run_cli("fix", article)
    fixed = article.read_text(encoding="utf-8")
    # The double space inside the quotation is the speaker's as written; the one after it is ours.
    assert "Like this,  we will never win," in fixed
    assert '," the mayor said. Then she left.' in fixed
    assert proc.returncode == 1  # the quoted double space is still reported


def test_fix_keeps_a_quotation_that_opens_with_a_space(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    original = '" It was the council s fault,  not ours," said Smith.\n'
    article.write_text("Council vote delayed\n\n" + original, encoding="utf-8")
    run_cli("fix", article)
    assert article.read_text(encoding="utf-8").endswith(original)
