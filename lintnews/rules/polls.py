"""Poll findings: a share of people who say, think or back something, read from tags.

Used by the ``attribution`` kind through ``claims.Features``. A poll figure
("74 percent said they would vote for him", "a majority of Americans say",
"seven in 10 voters back the plan") carries a verb of speech or stance whose
subject is the share of respondents. That verb is the respondents' and names
no source: the sentence still needs the poll that asked them. Every word list
comes from the rule file (``shares``, ``stances``, ``populations``); this
module holds only the mechanism.

* A **share** is a figure with a share word ("74 percent", "45%", "82%"), a
  share word that stands for a figure ("a majority", "half", "two-thirds"),
  or a ratio ("seven in 10", "three out of four"). It heads the subject only
  when it is the last word before the verb or is followed by "of" or a
  population noun: "the majority leader said" and "a 5 percent rise was
  reported" hold no share of people.
* A verb's **subject** is read back from the verb over adverbs and
  auxiliaries ("would strongly oppose"), then over one noun phrase (nouns,
  numbers, adjectives, determiners, "of", "in"), stopping at any other word:
  a comma, a conjunction or another verb ends it ("He won 40 percent and said"
  has no share for a subject).
* A verb right after "they" or "we" that follows a respondents' verb is the
  respondents' too ("a majority say they believe ...").
* A **margin** sets two shares against each other after a word of leading
  ("Clinton leads Trump 46 percent to 41 percent", "By 58%-33%, those
  surveyed ..."); a sentence that reports a result ("won 52% to 48%") or a
  range or change ("from 1.9% to 1.8%") holds none.
"""

from __future__ import annotations

_SKIP = ("ADV", "AUX", "PART")
_PHRASE = ("NOUN", "PROPN", "NUM", "ADJ", "DET", "SYM")
_PHRASE_LINKS = ("of", "in", "out")


def _share_at(lex, tokens, j: int) -> bool:
    """Token j is a share: a unit of shares after a figure ("74 percent", "45 %"), a figure glued
    to one ("82%") or a portion ("majority", "half")."""
    t = tokens[j]
    if lex["portions"].has(t):
        return True
    if lex["shares"].has(t):
        return j > 0 and tokens[j - 1].xpos == "CD"
    return t.text.endswith("%") and any(c.isdigit() for c in t.text)


def _ratio_at(tokens, j: int) -> bool:
    """Token j closes a ratio: "seven in 10", "three out of four"."""
    if tokens[j].xpos != "CD" or j < 2:
        return False
    if tokens[j - 1].lemma.lower() == "in" and tokens[j - 2].xpos == "CD":
        return True
    return (j >= 3 and tokens[j - 1].lemma.lower() == "of" and tokens[j - 2].lemma.lower() == "out"
            and tokens[j - 3].xpos == "CD")


def _heads(lex, tokens, j: int, end: int) -> bool:
    """The share at j heads the phrase that ends before ``end``: it is the phrase's last word, or
    "of" or a population noun follows it ("51 percent of respondents", "seven in 10 voters")."""
    if j + 1 >= end:
        return True
    nxt = tokens[j + 1]
    if nxt.lemma.lower() == "of" or lex["populations"].has(nxt) or nxt.xpos == "NNPS":
        return True
    # A ratio before a noun phrase that ends in a plural: "nine out of 10 Xbox Live members".
    return (_ratio_at(tokens, j) and tokens[end - 1].xpos == "NNS"
            and all(t.upos in ("NOUN", "PROPN", "ADJ") for t in tokens[j + 1:end]))


def share_subject(lex, tokens, k: int) -> int | None:
    """The index of the share that heads the subject of the verb at k, or None."""
    j = k - 1
    while j >= 0 and tokens[j].upos in _SKIP:
        j -= 1
    end = j + 1
    found = None
    while j >= 0 and k - j <= 12:
        t = tokens[j]
        if not (t.upos in _PHRASE or t.xpos == "HYPH" or t.lemma.lower() in _PHRASE_LINKS and t.upos == "ADP"):
            break
        if (_share_at(lex, tokens, j) or _ratio_at(tokens, j)) and _heads(lex, tokens, j, end):
            found = j
        j -= 1
    if j >= 0 and tokens[j].upos == "ADP" and tokens[j + 1].xpos != "CD":
        return None  # a preposition's object, not the subject: "among the 98% agreed" (not "over 60%")
    return found


def respondent_verbs(lex, tokens) -> set[int]:
    """Indices of the verbs of stance whose subject is a share of respondents, and of a verb
    after "they" or "we" that follows one ("a majority say they believe"). Other verbs keep
    their subject ("54 percent of the electorate voted" is a result, and "voted" its source), but
    any verb right after "said they" is the respondents' ("said they would vote")."""
    out: set[int] = set()
    for k, t in enumerate(tokens):
        if t.upos not in ("VERB", "AUX") and not t.xpos.startswith("VB"):
            continue
        j = k - 1
        while j >= 0 and tokens[j].upos in _SKIP:
            j -= 1
        if j >= 1 and tokens[j].lemma.lower() in ("they", "we") and j - 1 in out:
            out.add(k)  # what the respondents say they would do is theirs too
        elif lex["stances"].has(t) and share_subject(lex, tokens, k) is not None:
            out.add(k)
    return out


def poll_claim(lex, tokens):
    """(start, end) of the first poll figure: a share of respondents with a verb of speech or
    stance ("74 percent said", "a 45% plurality of Democrats oppose"); None when there is none.
    A process word or a modal before it (a hypothetical, a forecast) cancels nothing here: the
    share is reported either way."""
    for k in sorted(respondent_verbs(lex, tokens)):
        s = share_subject(lex, tokens, k) if lex["stances"].has(tokens[k]) else None
        if s is not None:
            return _share_start(lex, tokens, s), k + 1
    return None


def _share_start(lex, tokens, s: int) -> int:
    """Where the share ending at s begins: its figure and ratio words ("seven in 10", "74 percent")."""
    start = s
    while start > 0 and (tokens[start - 1].xpos in ("CD", "HYPH") or _share_at(lex, tokens, start - 1)
                         or tokens[start - 1].lemma.lower() in ("in", "out", "of")
                         and start >= 2 and tokens[start - 2].xpos == "CD"):
        start -= 1
    return start


def _percent_at(lex, tokens, j: int) -> int:
    """The end index of a figure with a share unit at j ("57 percent", "45 %", "82%"), or -1."""
    t = tokens[j]
    if t.text.endswith("%") and any(c.isdigit() for c in t.text):
        return j + 1
    if t.xpos == "CD" and any(c.isdigit() for c in t.text) and j + 1 < len(tokens):
        end = lex["shares"].match_at(tokens, j + 1)
        if end > j + 1:
            return end
    return -1


def _points_after(lex, tokens, j: int) -> int:
    """The end index of "by [about] 13 [percentage] points" from "by" at j, or -1."""
    k = j + 1 + (j + 1 < len(tokens) and tokens[j + 1].upos == "ADV")
    if k >= len(tokens) or tokens[k].xpos != "CD":
        return -1
    k += 1
    if k < len(tokens) and tokens[k].upos in ("ADJ", "NOUN") and not lex["margins"].has(tokens[k]):
        k += 1  # "percentage"
    return k + 1 if k < len(tokens) and lex["margins"].has(tokens[k]) else -1


def margin_claim(lex, tokens):
    """(start, end) of a poll margin: a lead in points ("leads Sanders by 13 points", ``margins``)
    or two shares set against each other ("leads 57 percent to 33 percent", "by 58%-33%") after a
    word of leading (``leads``: lead, ahead, trail, margin) or
    opening the sentence with "by"; None when the sentence reports a result (``results``: won,
    lost, voted) or the pair is a range or a change ("from 1.9% to 1.8%", "edged up 0.1% to 4.7%":
    "from" or another verb just before it)."""
    if any(lex["results"].has(t) for t in tokens):
        return None
    for i, t in enumerate(tokens):
        if lex["leads"].has(t):  # "leads Sanders by 13 points", "trails by 4 percentage points"
            for j in range(i + 1, min(len(tokens), i + 5)):
                if tokens[j].lemma.lower() == "by":
                    end = _points_after(lex, tokens, j)
                    if end > 0:
                        return i, end
                    break
    for i in range(len(tokens)):
        a = _percent_at(lex, tokens, i)
        if a < 0 or a + 1 >= len(tokens) or tokens[a].lemma.lower() not in ("to", "-", "–", "versus", "vs", "vs."):
            continue
        b = _percent_at(lex, tokens, a + 1)
        if b < 0:
            continue
        before = tokens[max(0, i - 8):i]
        if any(t.lemma.lower() == "from" or t.upos == "VERB" and not lex["leads"].has(t) for t in before[-3:]):
            continue
        opening = i <= 3 and tokens[0].lemma.lower() == "by"
        if opening or any(lex["leads"].has(t) for t in before):
            return i, b
    return None


def group_claim(lex, tokens):
    """(start, end) of a share of a group as the subject of a verb: "over 60% of mobiles sold
    featured cameras", "40 percent of the homes were flooded" (a share, "of", a plural noun, then
    the verb), "about 70% were using it" (the share alone), "nine out of 10 members have played"
    (a ratio of a group); None when there is none. A share of one thing ("5 percent of its budget went"), a
    result (``results``: "54 percent of members voted") and a forecast (a modal between the share
    and its verb: "30% of jobs could go") are left."""
    for k, t in enumerate(tokens):
        if not (t.upos in ("VERB", "AUX") or t.xpos.startswith("VB")) or lex["results"].has(t) or t.xpos == "MD":
            continue
        s = share_subject(lex, tokens, k)
        if s is None or s + 1 >= k:
            continue
        if tokens[s + 1].lemma.lower() == "of":
            j = s + 2
            if j < k and tokens[j].lemma.lower() == "a":
                continue  # "a quarter of a million students": a figure, not a share of a group
            while j < k and tokens[j].upos in ("DET", "ADJ", "NUM"):
                j += 1
            if j == k or tokens[j].xpos not in ("NNS", "NNPS") and not lex["populations"].has(tokens[j]):
                continue
        elif not (_ratio_at(tokens, s) or tokens[s + 1].upos in ("AUX", "VERB")):
            continue  # the share alone heads the subject ("about 70% were using"), or a ratio of a group
        elif _after_a_noun(tokens, s):
            continue  # "a record turnout of 37% was set": the share measures a noun before it
        if any(x.xpos == "MD" or lex["modals"].has(x) and x.upos in ("AUX", "VERB") for x in tokens[s:k]):
            continue
        return _share_start(lex, tokens, s), k + 1
    return None


def _after_a_noun(tokens, s: int) -> bool:
    """A noun stands before the share at s in its phrase ("a turnout of 37%"): the noun heads it."""
    j = s - 1
    while j >= 0 and (tokens[j].xpos in ("CD", "HYPH") or tokens[j].lemma.lower() in ("in", "out", "of")):
        j -= 1  # the share's own figure and ratio words
    while j >= 0 and tokens[j].upos in ("ADV", "ADJ", "DET", "ADP", "NUM") and tokens[j].lemma.lower() != "of":
        j -= 1
    return j >= 0 and (tokens[j].lemma.lower() == "of" or tokens[j].upos in ("NOUN", "PROPN"))
