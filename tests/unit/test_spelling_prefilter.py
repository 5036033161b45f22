"""News.Spelling judges the words of a quick scan first and runs its exact word scan only where one is
misspelt (lintnews/rules/kinds/dictionary.py): the quick scan must find every word the exact one does."""

from __future__ import annotations

from lintnews.rules.kinds import dictionary

# Scraped and wire copy at its awkward edges: handles, hashtags, URLs, hyphens at line ends, curly and
# straight apostrophes, accented names, censored words, figures glued to units, a dropped apostrophe.
COPY = """\
WASHINGTON (Reuters) - The goverment's plan, backed by @SenSchumer and #healthcare
groups, was "dead on arrival," said rock 'n' roll fan José Peña-Gómez, 54, who
couldn t attend. Read more at https://www.example.com/news/us-senate-vote.html or
e-mail desk@example.org. The so-called "hi-tech" sector, worth $4.5bn, saw
sh*tstorm-level entrepre- neurs recieve 20pm payouts; l'État and the Smiths' dog
weren’t there. Café owners (ex-officials) said it's "très chic"... accomodation?
"""


def test_the_quick_scan_finds_every_word_the_exact_scan_finds():
    exact = dictionary._WORD.findall(COPY)
    quick = set(dictionary._LOOSE.findall(COPY))
    assert {"goverment's", "recieve", "accomodation", "couldn", "weren’t"} <= set(exact)
    assert set(exact) <= quick


def test_misspellings_are_still_reported_where_the_exact_scan_puts_them():
    from lintnews import check_text

    lines = COPY.splitlines()
    found = {(f.text, f.line, f.column) for f in check_text(COPY) if f.rule_id == "News.Spelling"}
    assert found == {("goverment's", 1, lines[0].index("goverment's") + 1),
                     ("accomodation", 6, lines[5].index("accomodation") + 1)}
