"""News.ThousandsSeparator: "450.000" for "450,000"."""

import pytest

import lintnews
from ruleprobe import probe

RULE = "News.ThousandsSeparator"
RULES, found, fixed = probe(RULE, applicability=True)


@pytest.mark.parametrize("text, flagged, line, column, applicability", [
    ("Syria\n\n450.000 Syrians lost their lives in the past five years.\n", "450.000", 3, 1, "safe"),
    ("City\n\nThe city has 1.250.000 residents.\n", "1.250.000", 3, 14, "safe"),
    ("March\n\nThe march drew 20.000 people, police said.\n", "20.000", 3, 16, "safe"),
    ("March\n\nSome 12.500 people marched on Sunday.\n", "12.500", 3, 6, "unsafe"),
    ("Race\n\nHe ran 1.500 km before collapsing.\n", "1.500", 3, 8, "unsafe"),
    ("Budget\n\nTotal spending: 5.000.\n", "5.000", 3, 17, "safe"),
    ("Syrians flee\n\nThe war drove out many.\n\nAbout 10.000.000 people left.\n", "10.000.000", 5, 7, "safe"),
])
def test_flags_dot_thousands(text, flagged, line, column, applicability):
    assert found(text) == [(RULE, flagged, line, column, line, column + len(flagged), applicability)]


def test_message_gives_the_comma_form():
    (f,) = lintnews.check_text("Syria\n\n450.000 Syrians died.\n", rules=RULES)
    assert f.message == "'450.000': English copy writes thousands with commas ('450,000')."


@pytest.mark.parametrize("text", [
    "Deal\n\nThe deal is worth 1.068 million dollars.\n",
    "Deal\n\nThe deal is worth $1.5 billion, officials said.\n",
    "Coffee\n\nCoffee rose to $2.222 a pound.\n",
    "Rupiah\n\nThe rupiah traded at 43.305 per US dollar.\n",
    "Outage\n\nThe server at 192.168.100.200 went down at 12.30.\n",
    "Update\n\nThe app's version 2.4.1 fixed the bug.\n",
    "Index\n\nThe index rose 3.5 percent to 12.500 points.\n",
    "Index\n\nThe index closed at 1.200 points.\n",
    "Fees\n\nThe fee is €1.500 per month.\n",
    "Fees\n\nThe fee is £ 1.500 per month.\n",
    "Population\n\nThe population is 2.500 million.\n",
    "Vote\n\nHe won 0.500 of the vote.\n",
    "Law\n\nSee section 4.100.a of the code.\n",
    "Race\n\nThe 1.500m race was won in record time.\n",
    "Yield\n\nThe yield was 4.500%.\n",
    "Ratio\n\nThe ratio was 1.500:1.\n",
    "Phone\n\nCall 0845 8 505 505 for details; 2 000 people did.\n",
    "Meeting\n\nThe meeting started at 12.00 and ended at 14.30.\n",
    "War\n\nHe said “450.000 died” in the war.\n",
])
def test_does_not_flag(text):
    assert found(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Syria\n\n450.000 Syrians lost their lives in the past five years.\n",
     "Syria\n\n450,000 Syrians lost their lives in the past five years.\n"),
    ("City\n\nThe city has 1.250.000 residents.\n", "City\n\nThe city has 1,250,000 residents.\n"),
    # The unsafe "12.500" stays without --unsafe-fixes.
    ("March\n\nSome 12.500 people and 20.000 police.\n", "March\n\nSome 12.500 people and 20,000 police.\n"),
    # The quotation keeps its figure.
    ("War\n\nHe said “450.000 died”; 450.000 fled.\n", "War\n\nHe said “450.000 died”; 450,000 fled.\n"),
])
def test_safe_fix(text, expected):
    assert fixed(text) == expected
    assert fixed(expected) == expected


def test_unsafe_fix_only_when_asked():
    text = "March\n\nSome 12.500 people marched on Sunday.\n"
    assert fixed(text) == text
    assert fixed(text, unsafe=True) == "March\n\nSome 12,500 people marched on Sunday.\n"
    again = fixed(text, unsafe=True)
    assert fixed(again, unsafe=True) == again
    assert found(again) == []


DECIMALS = [
    "Deal\n\nThe deal is worth 1.000 million dollars.\n",
    "Loan\n\nThe loan of 2.000 billion euros was signed.\n",
    "Peso\n\nThe peso traded at 20.000 per dollar.\n",
    "Growth\n\nGrowth was 0.000 percent in the quarter.\n",
]


@pytest.mark.parametrize("text", DECIMALS)
def test_decimal_000_before_unit_is_left_alone(text):
    assert fixed(text) == text
