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
    ("Some say the army used force against protesters in the square.", "accusation", "army used force"),
    ("The former governor is a pathological liar who cheated the state for years.",
     "accusation", "is a pathological liar"),
    ("He will be remembered as the worst mayor in American history by the town.", "superlative",
     "the worst mayor in American history"),
    ("At least 30 civilians were killed when the militia raided the market town.",
     "casualties", "30 civilians were killed"),
    # A scare quote is not a source.
    ("The council was a \"partner\" in the cover-up of the spill for a decade.", "accusation", "the cover-up"),
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
    # A vague source is not a claim by itself.
    "Title\n\nMany believe that the minister knew about the payments for years.\n",
    "Title\n\nAnalysts say interest rates will rise again before the end of the year.\n",
    # A record, not a judgement.
    "Title\n\nThe storm was the worst hurricane in recorded history for the small island.\n",
    # Wire copy that quotes with doubled apostrophes.
    "Title\n\n''The army used force against protesters in the square,'' a witness recalled.\n",
    # No claim cue at all.
    "Title\n\nThe minister opened a new bridge over the river on Sunday.\n",
])
def test_does_not_flag(text):
    assert found(text) == []


# ---------------------------------------------------------------- the window
# A neighbour's source counts only when it points at the claim: the next
# sentence opens with a pronoun or a statement and a speech verb, or the
# previous one introduces what follows.

@pytest.mark.parametrize("text", [
    "Title\n\nThe army used force against protesters in the capital on Sunday. He said it twice.\n",
    "Title\n\nIt is believed that the minister knew about the payments for years. "
    "That is according to two former aides.\n",
    "Title\n\nMore than 200 civilians were killed in the shelling of the city last week. "
    "The agency's statement added that the toll could rise.\n",
    "Title\n\nThe aid group described the night as follows. "
    "More than 200 civilians were killed in the shelling of the city last week.\n",
])
def test_a_neighbour_that_points_at_the_claim_attributes_it(text):
    assert found(text) == []


def test_an_unrelated_source_next_door_does_not_attribute():
    # As in the seed: the next sentence is sourced, but about something else.
    text = ("Title\n\nThe army used force against protesters in the capital on Sunday. "
            "Twelve people were arrested, police said.\n")
    assert [t for _, t, *_ in found(text)] == [
        "The army used force against protesters in the capital on Sunday."]


def test_a_source_two_sentences_away_does_not_attribute():
    text = ("Title\n\nIt is believed that the minister knew about the payments for years. "
            "The payments stopped in March. He said so in a letter.\n")
    assert [t for _, t, *_ in found(text)] == [
        "It is believed that the minister knew about the payments for years."]


def test_a_neighbour_in_another_paragraph_does_not_attribute():
    text = ("Title\n\nThe army used force against protesters in the capital on Sunday.\n\n"
            "He said the army had no choice.\n")
    assert len(found(text)) == 1


def test_window_zero_ignores_neighbours(tmp_path):
    style = tmp_path / "House"
    style.mkdir()
    (style / "Claim.yml").write_text(
        "extends: attribution\nmessage: \"%s %s\"\nclaims:\n  hedge: ['it is believed']\n"
        "sources: [said]\nnext-sources: ['he said']\nwindow: 0\n")
    rules = lintnews.load_rules(styles=[str(tmp_path)], builtin=False)
    text = "Title\n\nIt is believed that the minister knew about the payments. He said so.\n"
    assert len(lintnews.check_text(text, rules=rules)) == 1
