"""News.UnattributedClaim: a contested claim with no source in its sentence."""

import pytest

import lintnews

RULE = "News.UnattributedClaim"
RULES = lintnews.load_rules(select=[RULE])


def found(text):
    return [(f.rule_id, f.text, f.line, f.column, f.end_line, f.end_column)
            for f in lintnews.check_text(text, rules=RULES)]


@pytest.mark.parametrize("body, category, cue", [
    ("It is believed that the minister knew about the payments for years.", "hedge", "It is believed"),
    ("It is feared dozens more remain trapped under the rubble.", "hedge", "It is feared"),
    ("More than 200 civilians were killed in the shelling of the city last week.",
     "casualties", "200 civilians were killed"),
    ("450,000 Syrians lost their lives in the past five years.", "casualties", "450,000 Syrians lost their lives"),
    ("The unrest began with a strike at the port and spread to the capital.", "cause", "unrest began with"),
    ("The army used force against protesters in the capital on Sunday.", "accusation", "army used force"),
    # Vague sources do not count.
    # (Both an accusation and a hedge cue: which one the message names is not specified.)
    ("Critics say the government used force against protesters in the capital.", None, None),
    ("Many believe that the minister knew about the payments for years.", "hedge", "Many believe"),
])
def test_flags_unattributed_claim(body, category, cue):
    text = f"Title\n\n{body}\n"
    findings = lintnews.check_text(text, rules=RULES)
    assert [(f.text, f.line, f.column) for f in findings] == [(body, 3, 1)]
    if category is not None:
        assert findings[0].message == (f"Unattributed claim ({category}, cue '{cue}'): "
                                       "no source in this sentence. Who says so?")
    assert findings[0].message.endswith("no source in this sentence. Who says so?")
    assert findings[0].fix is None


def test_flags_each_sentence_with_its_position():
    text = ("Syria\n\nThe Syrian crisis began as a peaceful demonstration against the injustice in Syria. "
            "Assad regime used to fire power and violence against the civilians and led to armed resistance.\n")
    assert [(t, l, c) for _, t, l, c, _, _ in found(text)] == [
        ("The Syrian crisis began as a peaceful demonstration against the injustice in Syria.", 3, 1),
        ("Assad regime used to fire power and violence against the civilians and led to armed resistance.", 3, 85),
    ]


def test_only_the_unsourced_sentence_is_flagged():
    text = ("Minister\n\nThe opposition has long argued the point. "
            "It is believed that the minister knew about it.\n")
    assert found(text) == [(RULE, "It is believed that the minister knew about it.", 3, 43, 3, 90)]


@pytest.mark.parametrize("text", [
    "Title\n\n450,000 Syrians lost their lives in the past five years according to UN estimates.\n",
    "Title\n\nThe crisis began as a peaceful demonstration, the opposition said.\n",
    "Title\n\n“The crisis began as a peaceful demonstration,” he told reporters.\n",
    'Title\n\n"The army used force against protesters," a witness told Reuters.\n',
    "Title\n\nThe army used force against protesters in the capital, police said.\n",
    "Title\n\nMore than 200 civilians were killed in the shelling of the city last week, the UN reported.\n",
    "Title\n\nIt is widely believed that the minister knew about the payments, Reuters reported.\n",
    "Title\n\nAt least 40 people were killed in the blast, the health ministry said in a statement.\n",
    "Title\n\nAt least 40 people were killed in the blast, the ministry says.\n",
    "Title\n\nAt least 40 people were killed in the blast, a UN survey found.\n",
    "KABUL (Reuters) - At least 40 people were killed in the blast, officials told Reuters.\n\nMore later.\n",
    # Short sentences and headings are not checked.
    "Title\n\nIt is believed he knew.\n",
    "It is believed that the minister knew\n\nHe denied it.\n",
    "Title\n\nIt is believed that the minister knew\n\nHe denied it.\n",
    # No claim cue at all.
    "Title\n\nThe minister opened a new bridge over the river on Sunday.\n",
])
def test_does_not_flag(text):
    assert found(text) == []
