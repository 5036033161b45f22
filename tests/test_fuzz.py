"""Property tests over generated articles (issue 13, item 8).

Hypothesis writes articles from the pieces news copy and its scraped
versions are made of (words, defects the rules fix, quotation marks of every
kind, Markdown, code, URLs, front matter, invisible and control characters,
odd line endings) and checks what must hold for every one of them:

* ``check`` never fails: no exception and no rule error;
* every finding's span and line/column point at its text;
* ``fix`` reaches a fixed point that a second ``fix`` leaves alone;
* ``fix`` never changes text inside quotations, code, URLs or front matter.

Examples are bounded (a count per test, in ``SETTINGS``) so the suite stays quick in CI; a
failure prints the shrunk article, which belongs in a regular test once fixed.
"""

from __future__ import annotations

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import lintnews  # noqa: E402
import yaml  # noqa: E402
from lintnews.run.engine import Linter  # noqa: E402

def SETTINGS(examples: int):
    return settings(max_examples=examples, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

LINTER = Linter(lintnews.load_rules())

WORDS = ["the", "The", "minister", "said", "police", "were", "was", "its", "it's", "their", "there",
         "affect", "effect", "then", "than", "lose", "loose", "of", "have", "should", "Mr", "Smith",
         "accomodate", "recieved", "goverment", "May", "may", "had", "that", "2003", "450.000", "12,5",
         "percent", "€12.500", "US", "Nato", "on", "Monday", "a", "an", "in", "2003.The", "don", "t",
         "GarcÃ\u00ada", "â€™", "said", "told", "reporters", "@handle", "#tag", "COVID-19", "e.g.", "U.S."]
ODD = ["\u200b", "\u00a0", "\u00ad", "\u202e", "\ufeff", "\x1b[31m", "\x07", "\r", "\r\n", "\t", "  ",
       "\u2028", "\u0301", "…", "—", "–", "'", "\"", "“", "”", "‘", "’", "«", "»", "(", ")", "[sic]",
       "*", "_", "`", "#", ">", "|", "<!--", "-->", "<b>", "</b>", "[", "](http://x.y/a_b)", "\\", "¹"]
PUNCT = [".", ",", ":", ";", "?", "!", " ", " ", " ", "\n", "\n\n"]

word = st.sampled_from(WORDS)
piece = st.one_of(word, word, word, st.sampled_from(ODD), st.sampled_from(PUNCT),
                  st.text(max_size=6))
articles = st.lists(piece, max_size=60).map("".join)


def sentence(words: list[str]) -> str:
    return " ".join(words).capitalize() + "."


sentences = st.lists(word, min_size=3, max_size=12).map(sentence)


def _positions_ok(result, text: str) -> None:
    # A line ends at LF, CR LF or a lone CR.
    line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n" or (c == "\r" and text[i + 1:i + 2] != "\n")]
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(text)
        if f.text:
            assert text[f.start:f.end] == f.text, f
        assert line_starts[f.line - 1] + f.column - 1 == f.start, f
        assert line_starts[f.end_line - 1] + f.end_column - 1 == f.end, f


@SETTINGS(300)
@given(articles)
def test_check_never_fails_and_positions_are_exact(text):
    result = LINTER.check(text, "fuzz.md")
    assert result.errors == []
    _positions_ok(result, text)


@SETTINGS(150)
@given(articles)
def test_fix_reaches_a_fixed_point(text):
    first = LINTER.fix(text, "fuzz.md")
    if not first.converged:
        return  # reported to the user as an error, file left unchanged
    second = LINTER.fix(first.text, "fuzz.md")
    assert second.text == first.text and second.applied == 0
    _positions_ok(first.result, first.text)


# Protected pieces: each holds defects the rules would fix in prose.
QUOTED = st.builds(lambda open_, body, close: f"{open_}{body}{close}",
                   st.sampled_from(["“", "\""]), sentences.map(lambda s: s[:-1] + ","),
                   st.sampled_from(["”", "\""]))
CODE = sentences.map(lambda s: f"`{s}  the the`")
URL = st.sampled_from(["https://example.com/the_the--recieved//a%20b?x=1&y=2",
                       "http://news.example.org/2003.The/teh-goverment.html"])


def _front_data(source: str):
    try:
        return yaml.safe_load(source)
    except yaml.YAMLError:
        return None


@SETTINGS(100)
@given(st.lists(sentences, min_size=1, max_size=4), QUOTED, CODE, URL, sentences,
       st.sampled_from(["\n", "\r\n"]))
def test_fix_leaves_quotations_code_urls_and_front_matter_alone(prose, quoted, code, url, title, nl):
    # The title is a headline field (prose, fixed in place); the other keys are metadata.
    meta = f"slug: recieved-goverment  the the{nl}note: 'the the  mayor s'{nl}---{nl}"
    front = f"---{nl}title: {title}  the the{nl}{meta}"
    body = (f"{prose[0]} {quoted} said Mr Smith.{nl}{nl}"
            f"See {code} and {url} for the the details.{nl}{nl}" + " ".join(prose[1:]) + nl)
    text = front + title + nl + nl + body
    fixed = LINTER.fix(text, "fuzz.md", unsafe=False).text
    for kept in (meta, quoted, code, url):
        assert kept in fixed, (kept, fixed)
    # A fix in the title never changes what the front matter says besides the title.
    before, after = (_front_data(t.split(f"---{nl}")[1]) for t in (text, fixed))
    if isinstance(before, dict):
        assert isinstance(after, dict) and isinstance(after["title"], type(before["title"]))
        assert {k: v for k, v in after.items() if k != "title"} == {k: v for k, v in before.items() if k != "title"}
