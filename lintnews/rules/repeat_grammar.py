"""What the tagger's reading of a sentence says about a doubled word, for the repetition kind:
the verb a particle follows ("came in in 1979") and whether its object went to the front ("the
report they relied on on Monday"), whether a verb form can be an auxiliary ("had had"), whether the
first of two words closes a clause that the second opens the next of ("what it is is", "if he said
it it would"), whether a determiner leads a plural ("now that that relations"), and whether the
article writes a doubled name alone or undoubled elsewhere ("Pelosi ... Pelosi Pelosi").
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..read import tagged

# The tags of a word that is a preposition or a particle ("in", "on", "over").
PREPOSITIONAL = frozenset(("RP", "RB", "IN"))
# Words that open a clause: wh-words and relatives (and IN read as SCONJ: "if", "because", "that").
_OPENERS = frozenset(("WP", "WRB", "WDT"))
# Marks that close a clause before a pronoun, or stand outside one.
_MARKS = frozenset((",", ":", ".", "-LRB-", "-RRB-", "``", "''", "HYPH", "NFP"))


def verb_before(words, i: int) -> int | None:
    """The index of the verb that word ``i`` follows, past an adverb or an object pronoun ("came in",
    "let him in"), or None."""
    for k in range(i - 1, max(-1, i - 4), -1):
        xpos = words[k].xpos or ""
        if xpos.startswith("VB"):
            return k
        if xpos not in ("RB", "PRP"):
            return None
    return None


def may_strand(words, verb: int) -> bool:
    """Whether the verb at ``verb`` stands where a preposition after it may have lost its object to
    the front, as the tagger reads the sentence (tagged from its start): a passive ("the report was
    relied on on Monday"), a clause opened by a relative or wh-word with no mark between ("which the
    council relied on on Monday", "what he was looking at at the time"), or a relative clause with no
    relative word, a noun then its subject ("the report the council relied on on Monday")."""
    if words[verb].xpos == "VBN":
        for w in reversed(words[max(0, verb - 3):verb]):
            if w.lemma in ("be", "get"):
                return True
            if (w.xpos or "") != "RB":
                break
    for k in range(verb - 1, -1, -1):
        xpos = words[k].xpos or ""
        if xpos in _OPENERS:
            # with a subject of its own between ("which the council relied on"): "which finished in in
            # second place" has the relative word for its subject, and nothing went to the front
            return any(w.upos != "AUX" for w in words[k + 1:verb])
        if xpos in _MARKS or (xpos.startswith("VB") and words[k].upos != "AUX"):
            return False  # a mark, or another clause's verb ("said it relied on on the report")
        if xpos in ("NN", "NNS") and k + 1 < verb and (words[k + 1].xpos or "") in ("DT", "PRP", "PRP$"):
            return True  # "the report the council relied on"; not "spokesman Raj Shah said"
    return False


def can_be_auxiliary(word) -> bool:
    """Whether the treebanks have the word as an auxiliary ("had", "do", "got"; not "fell", "made")."""
    return word.seen is not None and "AUX" in word.seen


def word_pair(doc, first: int, second: int):
    """(sentence, its untagged words, i, j) for the words that start at ``first`` and ``second`` in one
    sentence, or None. Found by bisection: a map of the whole sentence, built for each repeat, was
    quadratic in a sentence of thousands of words."""
    sentence = doc.sentence_at(first)
    if sentence is None or second >= sentence.end:
        return None
    plain = tagged.words(doc, sentence)
    i, j = (bisect_left(plain, offset, key=lambda w: w.start) for offset in (first, second))
    if j >= len(plain) or plain[i].start != first or plain[j].start != second:
        return None
    return sentence, plain, i, j


# What a noun phrase holds before its head, and its head: nouns, adjectives, participles, numbers.
_NOMINAL = frozenset(("NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "VBN", "VBG", "CD", "HYPH"))


def leads_plural(words, j: int) -> bool:
    """Whether word ``j`` is a singular determiner (its lemma is the word: "that", "this"; not
    "those") whose noun phrase has a plural head ("that relations", "that House Republicans"):
    no determiner English allows, so not the second of a repeat English allows."""
    if words[j].lemma is None or words[j].low != words[j].lemma.lower():
        return False
    head = None
    for w in words[j + 1:j + 7]:
        if (w.xpos or "") not in _NOMINAL:
            break
        if head is not None and head.xpos.startswith("NN") and _can_be_verb(w):
            break  # after a noun, a word that can be a verb may be the verb: "that vote counts"
        head = w
    return head is not None and head.xpos in ("NNS", "NNPS")


def _can_be_verb(word) -> bool:
    """Whether the tagger's lexicon has the word, or else its lemma, as a verb ("counts": "count")."""
    seen = word.seen if word.seen is not None else tagged.word(word.lemma or word.text).seen
    return seen is not None and "VERB" in seen


def ends_clause(doc, first: int, second: int) -> bool:
    """Whether the word at ``first`` closes a clause opened earlier in its sentence and the same word
    at ``second`` begins the next part, as the tagger reads them: a verb that ends a wh-clause with
    its subject ("What the problem is is that ...", not "which is is expected"), or a pronoun that is
    the object ending a subordinate or relative clause and then the subject of a verb ("if he said it
    it would", "people that hate you you have to", not "which it it restored" or "see it it as")."""
    found = word_pair(doc, first, second)
    if found is None:
        return False
    sentence, plain, i, j = found
    words = tagged.tagged_around(doc, sentence, [(0, min(len(plain) - 1, j + 2))])
    tag = words[i].xpos or ""
    if tag.startswith("VB"):
        # The nearest wh-pronoun before, with a subject between it and the verb and no other verb: a
        # free relative that is the next verb's subject ("what the problem is is"); "when he was was
        # unmarked" opens an adverbial clause instead.
        for k in range(i - 1, -1, -1):
            xpos = words[k].xpos or ""
            if xpos == "WP":
                return k < i - 1
            if xpos.startswith(("VB", "MD")) or xpos in (",", ":", "."):
                return False
        return False
    if tag != "PRP":
        return False
    before = (words[i - 1].xpos or "") if i else ""
    if not before.startswith("VB"):
        return False  # no verb it is the object of: "which it it restored", "about it it last year"
    # The clause's opener, with no mark between it and the pronoun: "charges that it favors the rich,
    # saying it it will be" closed that clause at the comma.
    opened = False
    for w in reversed(words[:i - 1]):
        xpos = w.xpos or ""
        if xpos in _OPENERS or (xpos == "IN" and w.upos == "SCONJ"):
            opened = True
            break
        if xpos in _MARKS:
            break
    after = [w for w in words[j + 1:j + 3] if (w.xpos or "") != "RB"]
    return opened and bool(after) and (after[0].xpos or "").startswith(("VB", "MD"))


def whole_word(text: str, phrase: str):
    """Each place ``phrase`` stands in ``text`` as a whole word (no letter, digit, apostrophe or hyphen
    joined to either end)."""
    return re.finditer(rf"(?<![\w'’-]){re.escape(phrase)}(?![\w'’-])", text)


def _lead(text: str, at: int) -> str:
    """The few characters before ``at``, spaces and tabs dropped."""
    return text[max(0, at - 8):at].rstrip(" \t")


def mid_sentence(text: str, at: int) -> bool:
    """Whether the word at ``at`` follows a lower-case word or a comma, semicolon or colon: it stands
    inside a sentence, so its capital is its own (a name's), not the sentence's."""
    lead = _lead(text, at)
    return bool(lead) and (lead[-1].islower() or lead[-1] in ",;:")


def mentioned_before(doc, word: str, before: int) -> bool:
    """Whether the article writes ``word`` (as written, capital and all) alone before offset ``before``,
    mid-sentence, in a paragraph: a name met before, not a word that opens a sentence ("The") or one in
    the headline ("Sirhan denied parole" above "Sirhan Sirhan, 74, ...")."""
    text = doc.text
    for m in whole_word(text, word):
        if m.start() >= before:
            return False
        ahead = text[m.end():m.end() + 1 + len(word)]
        if ahead == " " + word:
            continue  # the name doubled, as written there
        lead = _lead(text, m.start())
        block = doc.block_at(m.start())
        if lead and lead[-1] not in ".!?\n\"“”'‘’" and block is not None and block.kind == "paragraph":
            return True
    return False


# A capitalised word right before a doubled name, or right after it, one space between.
_NEIGHBOUR_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*) $")
_NEIGHBOUR_AFTER = re.compile(r" ([A-Z][\w'’-]*)(?![\w'’-])")


def written_undoubled(text: str, start: int, end: int) -> bool:
    """Whether the name doubled at ``start``-``end`` ("Globes Globes") is written elsewhere in the
    article undoubled beside the capitalised word that stands next to it here: "the Golden Globes" for
    "the Golden Globes Globes", "Biogen Idec" for "Biogen Idec Idec", "Claire Armistead" for "Claire
    Claire Armistead". A neighbour before must stand mid-sentence ("In May May said" is no name).
    "Sirhan Sirhan, 77" has no such neighbour; "Zsa Zsa Gabor" is not written "Zsa Gabor"."""
    word = text[start:end].split()[0]
    names, here = [], [start, end]
    before = _NEIGHBOUR_BEFORE.search(text, max(0, start - 40), start)
    if before is not None and mid_sentence(text, before.start(1)):  # mid-sentence: a name
        names.append(f"{before.group(1)} {word}")
        here[0] = before.start(1)
    after = _NEIGHBOUR_AFTER.match(text, end)
    if after is not None:
        names.append(f"{word} {after.group(1)}")
        here[1] = after.end(1)
    for name in names:
        for m in whole_word(text, name):
            if here[0] <= m.start() < here[1]:
                continue  # this one
            if text.startswith(" " + word, m.end()) or text.endswith(word + " ", 0, m.start()):
                continue  # doubled there too
            return True
    return False


def opens_sentence_only(doc, words, i: int, zipf: float | None) -> bool:
    """Whether the capital of word ``i`` of tagged ``words`` only opens its sentence: it is the sentence's first
    word (after any opening marks) and the pair goes on into the sentence, the word is common in lower case
    (Zipf frequency ``zipf`` or more; no test when that is unset), and the article never writes it with a
    capital mid-sentence ("Fire fire crews were called"; not "May may", nor "Wait wait, he said")."""
    if not zipf or any(w.text[:1].isalnum() for w in words[:i]):
        return False
    if i + 2 < len(words) and not words[i + 2].text[:1].isalnum():
        return False  # the pair is a phrase of its own, closed by a mark: emphasis ("Wait wait, he said")
    from .frequencies import lexicon  # loaded only when a sentence opens with a repeat

    word = words[i].text
    if not word[1:].islower() or lexicon().zipf(word.lower()) < zipf:
        return False
    return not any(mid_sentence(doc.text, m.start()) for m in whole_word(doc.text, word))
