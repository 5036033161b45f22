"""repetition: the same token twice in a row ("the the", "said Assad said").

``tokens`` are the words that must not repeat (any word by default);
``between`` is what may stand between the two (just space by default, or a
name for a doubled speech verb); ``followed-by`` is what must come after the
second one. The fix deletes one of the two: ``keep: first`` deletes the
second with the space before it, ``keep: last`` deletes the first with the
space after it.
"""

from __future__ import annotations

import operator
import re
from itertools import islice

from ...findings import Applicability, Edit
from ...read import tagged
from ..base import Option, Rule
from .. import particles
from ..repeat_grammar import (PREPOSITIONAL, can_be_auxiliary, ends_clause, leads_plural, may_strand, mentioned_before,
                              opens_sentence_only, verb_before, word_pair, written_undoubled)
from ..patterns import finditer, match
from ..vale import excepted, exceptions_pattern
from ..vale_rendered import blocks
from ..wordlist import WordList, ascii_words, attached, is_plain

# Word edges: "\b" is fast; apostrophes and hyphens ("well-known known") are checked on matches.
_WORD_START = r"\b"
_WORD_END = r"\b"
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*(?:\s|$)")  # between two repeats: they stand in two sentences
_DETERMINERS = frozenset("the a an this these those his her its their our my your".split())
# A ``between`` built only of spaces, tabs, line ends and quantifiers: what it matches is white space.
_BLANK_BETWEEN = re.compile(r"(?:\[(?: |\\[trn])+\]|\\[trns]|[ ?*+|()]|\(\?:)+")
# Any word twice with white space between, in text of ASCII words (ignoring case, or not). Kept here, not on
# the rule: the rule cache (rules/ruleset_cache.py) builds no standard-library pattern.
_ASCII_PROBES = {case: re.compile(r"\b([A-Za-z]+)\b\s+\1\b", re.I if case else 0) for case in (True, False)}
# Before that probe (a back-reference tried at every word): the lower-cased text's runs of letters and
# of other characters but white space, in C; a pair the probe finds is two equal runs in a row (only white
# space stands between them), so an article with none is done without it.
_RUNS = re.compile(r"[a-z]+|[^a-z\s]+")
_WRITTEN = "written"  # a doubled name the article writes undoubled elsewhere (``_slip_in_name``)


class Repetition(Rule):
    name = "repetition"
    summary = "Flags a token repeated in a row, with a fix that deletes one."
    OPTIONS = {
        "tokens": Option("list", [r"\p{L}+"], "regexes for the tokens that must not repeat"),
        "ignorecase": Option("bool", None, "'The the' counts as a repeat (default: true; false in Vale's format)"),
        "max": Option("int", 0, "in Vale's format: repeats allowed before one is reported"),
        "alpha": Option("bool", False, "accepted for Vale compatibility (tokens are words anyway)"),
        "between": Option("str", r"[ \t]+|[ \t]*\r?\n[ \t]*", "regex for what may stand between the two tokens"),
        "followed-by": Option("str", "", "regex that must follow the second token"),
        "preceded-by": Option("str", "", "regex that must come just before the first token"),
        "exceptions": Option("list", [], "tokens that may repeat ('had had', 'that that')"),
        "clause-words": Option("list", [], "words that may end one clause and open the next ('what it is is', 'if "
                                           "he said it it would'): a repeat of one stands only where the tagger "
                                           "reads a clause that closes on the first"),
        "skip-names": Option("bool", False, "accept repeats whose second token is capitalised (Walla Walla)"),
        "names-zipf": Option("float", 0.0, "with skip-names: a capitalised repeat is still a slip when the word is "
                                          "this common in lower case (Zipf scale) and the article doubles it only "
                                          "once ('the Labour Labour government'); 0: never"),
        "names-after-mention": Option("bool", False, "with skip-names: a capitalised repeat doubled once is still a "
                                                     "slip when the article has written the word alone, mid-sentence, "
                                                     "in a paragraph before it ('Pelosi said ... Pelosi Pelosi said'), "
                                                     "or writes it elsewhere undoubled beside the same capitalised "
                                                     "word ('the Golden Globes ... the Golden Globes Globes')"),
        "same-part-of-speech": Option("bool", False, "accept repeats whose two words the tagger reads as different "
                                                     "parts of speech ('that that', 'had had', 'May may')"),
        "allowed-pairs": Option("list", [], "with same-part-of-speech: only these pairs of Penn tags make a repeat "
                                            "English allows ('VBD VBN' for 'had had'; '*' stands for any tag, but two "
                                            "words of one tag stand only where that pair is written out: "
                                            "'UH UH'); empty: any two different tags"),
        "particles": Option("bool", False, "with allowed-pairs: a particle or adverb then a preposition, the same word "
                                           "('came in in 1979'), stands only where the verb before takes the word as "
                                           "a particle that ends its phrase, as the UD treebanks count it ('relied on "
                                           "on the report' is a slip)"),
        "auxiliaries": Option("bool", False, "with allowed-pairs: two forms of a verb ('had had', 'do do') stand only "
                                             "where the first can be an auxiliary ('the ball fell fell' is a slip)"),
        "two-objects": Option("bool", False, "with allowed-pairs: a pronoun then the same word as a possessive "
                                             "('gave her her due') stands only after a verb the UD treebanks show "
                                             "with an indirect object ('kept her her pregnancy' is a slip)"),
        "determiners": Option("bool", False, "with allowed-pairs: a singular determiner, the second word, before a "
                                             "plural noun phrase is a slip ('now that that relations have "
                                             "improved'), not a determiner English allows ('that that vote')"),
        "sentence-start": Option("bool", False, "a capital that only opens a sentence ('Fire fire crews') is no name "
                                                "when the word is common (names-zipf) and the article never writes "
                                                "it with a capital mid-sentence"),
        "keep": Option("str", "first", "which of the two the fix keeps", choices=("first", "last")),
        "keep-first-before": Option("str", "", "regex: with keep: last, the fix keeps the first token instead "
                                               "where the text after the second matches it"),
    }
    default_fix = Applicability.SAFE

    def compile(self):
        if self.values["ignorecase"] is None:
            self.values["ignorecase"] = not self.vale
        tokens = "|".join(f"(?:{t})" for t in self["tokens"])
        if self.vale:  # Vale's way: consecutive matches of the tokens, whatever stands between them
            self.regex = self.pattern(("(?i)" if self["ignorecase"] else "") + f"({tokens})", "tokens")
            self.except_re = exceptions_pattern(self["exceptions"], self.path, self.id)
            return
        follow = f"(?={self['followed-by']})" if self["followed-by"] else ""
        precede = f"(?<={self['preceded-by']})" if self["preceded-by"] else ""
        source = (
            f"{precede}{_WORD_START}(?P<tok>{tokens}){_WORD_END}(?P<sep>{self['between']})"
            f"(?P<again>(?P=tok)){_WORD_END}{follow}"
        )
        self.regex = self.pattern(("(?i)" if self["ignorecase"] else "") + source, "tokens")
        self.exceptions = {str(e).lower() for e in self["exceptions"]}
        self.keep_first_before = self.pattern(self["keep-first-before"], "keep-first-before") \
            if self["keep-first-before"] else None
        self.clause_words = {str(e).lower() for e in self["clause-words"]}
        self.allowed_pairs = set()
        for pair in self["allowed-pairs"]:
            tags = str(pair).split()
            if len(tags) != 2:
                self.fail(f"key 'allowed-pairs': '{pair}' is not two tags separated by a space")
            self.allowed_pairs.add(tuple(tags))
        # Any word, white space between: in an ASCII article (most news copy), the standard library's
        # engine decides in a fifth of the time whether the scan can find anything. It finds a pair
        # wherever the pattern does (the same words and edges in ASCII; any white space between).
        self.probe_ascii = bool([str(t) for t in self["tokens"]] == [r"\p{L}+"] and _BLANK_BETWEEN.fullmatch(
            self["between"]) and not (self["followed-by"] or self["preceded-by"]))
        # Plain word tokens ("said", "told"): find them by string search, match only there.
        plain = all(is_plain(str(t)) for t in self["tokens"])
        self.words = WordList([str(t) for t in self["tokens"]], self["ignorecase"]) if plain else None

    @property
    def ascii_probe(self):
        """The quick scan for an ASCII article, or None (see ``compile``)."""
        return _ASCII_PROBES[bool(self["ignorecase"])] if getattr(self, "probe_ascii", False) else None

    def _matches(self, text, doc):
        probe = self.ascii_probe
        if probe is not None and ascii_words(text) and (not _equal_neighbours(doc.lower_text or text.lower())
                                                         or probe.search(text) is None):
            return
        if self.words is None:
            yield from finditer(self.regex, text, self.id)
            return
        last_end = 0
        for start, _ in self.words.spans(doc):
            if start < last_end:
                continue
            m = match(self.regex, text, self.id, start)
            if m is not None:
                last_end = m.end()
                yield m

    def _check_vale(self, doc):
        """Vale's repetition: a match equal to the one before it, on one line, is reported from the first.
        A Markdown block is read rendered (rules/vale_rendered.py): "in](https://...) in" repeats "in"."""
        for block in blocks(self, doc):
            text = block.text

            def counts(start: int, end: int) -> bool:
                return not excepted(self.except_re, text[start:end], self.id) and self.in_scope(
                    doc, *block.place(start, end)[3])

            for start, end, curr, cut in self._repeats(text, counts):
                s, e, as_written, _ = block.place(start, end)
                # no fix where markup stands inside: it would take the markup too
                edits = [Edit(block.at(cut), e, "")] if as_written else None
                # Vale reports every repeat. The deletion is offered (unsafe) only for a function word the
                # tagger reads the same both times ("the the", "of of"); any other ("said that that would",
                # "had had", "if he said it it would", "what it is is") may be the sentence's own or speech as
                # spoken: shown, never applied.
                slip = edits is not None and _doubled_function_word(doc, s, e - len(curr))
                yield self.finding(doc, s, e, self.format_message(curr), edits,
                                   Applicability.UNSAFE if slip else Applicability.DISPLAY,
                                   fix_title=f"Delete the repeated '{curr}'")

    def _repeats(self, text: str, counts):
        """(start, end, word, end of the first one) of each repeat in ``text`` (a block, read alone) within
        one sentence that ``counts`` (not excepted, in scope); the count of repeats starts again after each. As
        current Vale has it (check/repetition.go), the two may stand on two lines of a sentence, but
        not in two sentences ("a Personal plan. Plans ...")."""
        fold = str.lower if self["ignorecase"] else str
        prev, before, count = "", None, 0
        for m in finditer(self.regex, text, self.id):
            curr = m.group().strip()
            hit = curr != "" and fold(curr) == fold(prev) and (not self["alpha"] or curr.isalpha())
            count += hit
            if hit and count > self["max"] and not _SENTENCE_END.search(text, before[1], m.start()) \
                    and counts(before[0], m.end()):
                yield before[0], m.end(), curr, before[1]
                count = 0
            before, prev = m.span(), curr

    def check(self, doc):
        if self.vale:
            yield from self._check_vale(doc)
            return
        text = doc.text
        for m in self._matches(text, doc):
            start, end = m.span()
            if attached(text, start, m.end("again")):
                continue  # part of a longer word: "well-known known", "don't t"
            if m.group("tok").lower() in self.exceptions:
                continue
            # A name the article writes undoubled elsewhere is a slip whatever the tags say.
            named = self["skip-names"] and m.group("again")[:1].isupper()
            name_slip = named and self._slip_in_name(doc, m)
            if named and not name_slip:
                continue
            if not self.in_scope(doc, start, end):
                continue
            if m.group("tok").lower() in self.clause_words and ends_clause(doc, m.start("tok"), m.start("again")):
                continue
            if self["same-part-of-speech"] and name_slip != _WRITTEN \
                    and self._allowed(doc, m.start("tok"), m.start("again")):
                continue
            sep = m.group("sep")
            if self["keep"] == "first" or (self.keep_first_before is not None and match(
                    self.keep_first_before, text, self.id, m.end("again")) is not None):
                # the second token with the white space before it; a name between stays ("said Ode said,")
                edit = Edit(m.start("sep") + len(sep.rstrip()), m.end("again"), "")
            else:
                gap = len(sep) - len(sep.lstrip())
                edit = Edit(m.start("tok"), m.start("sep") + gap, "")
            # "Wait wait", "For for this cause": a capitalised first word may be
            # emphasis or a verse; a person should look. "The the" is a slip.
            # Two capitals ("Labour Labour") may still be a name: unsafe too.
            # "her her" (the one English word that is an object and a possessive): the verb list
            # (two-objects) is the treebanks' few dozen, and "won her her first title" may be English.
            unsure = (m.group("tok")[:1].isupper() and m.group("again") not in _DETERMINERS) or (
                self["two-objects"] and m.group("tok").lower() == "her")
            yield self.finding(doc, start, end, self.format_message(m.group()), [edit],
                               Applicability.UNSAFE if unsure else None,
                               fix_title=f"Delete the repeated '{m.group('tok')}'")

    def _slip_in_name(self, doc, m) -> bool | str:
        """A capitalised repeat that is no name: a common word, doubled once in the article
        ("the Labour Labour government", "Tsunami Tsunami Aid"); "Walla Walla", "Sirhan Sirhan"
        are not common words, and a name that doubles is written so each time. With
        ``names-after-mention``, also any word the article has written alone as a name before (a name
        is written in full at its first mention: "Pelosi ... Pelosi Pelosi said"), and a name the
        article writes elsewhere with the same capitalised neighbour, undoubled ("the Golden Globes
        ... the Golden Globes Globes"; ``_WRITTEN``: the tags need not be asked)."""
        text = doc.text
        word = m.group("tok")
        if word != m.group("again") or "\n" in m.group("sep"):
            return False  # "prosecutors\nProsecutors": a line that starts with the word another ended on
        if text.count(m.group()) != 1:
            return False
        if self["names-after-mention"]:
            if written_undoubled(text, m.start("tok"), m.end("again")):
                return _WRITTEN
            if mentioned_before(doc, word, m.start()):
                return True
        if not self["names-zipf"]:
            return False
        from ..frequencies import lexicon  # the word frequencies, loaded only when a capitalised repeat is seen

        return lexicon().zipf(word.lower()) >= self["names-zipf"]

    def _allowed(self, doc, first: int, second: int) -> bool:
        """Whether the tagger reads the words at the two offsets as a repeat English allows: different
        parts of speech (Penn tags: 'had had' is VBD VBN, 'came in in May' RP IN), and, when
        ``allowed-pairs`` lists them, a listed pair ('to to', TO IN, is a slip the tagger bends to)
        unless a word is capitalised."""
        found = word_pair(doc, first, second)
        if found is None:
            return False
        sentence, plain, i, j = found
        # Three words before: the verb a particle belongs to ("let him in in"); five after: the noun
        # phrase a determiner leads ("that that House Republicans").
        words = tagged.tagged_around(doc, sentence, [(max(0, i - 3), min(len(plain) - 1, j + 5))])
        pair = (words[i].xpos, words[j].xpos)
        if pair[0] == pair[1]:
            # One tag twice is a slip, unless ``allowed-pairs`` names that very pair and the treebanks
            # know the word in that part of speech: two interjections ("please please", "oh oh", UH UH)
            # are speech doubled on purpose; "of of" read as UH UH in a stutter of tags is not.
            seen = words[i].seen
            return pair in self.allowed_pairs and seen is not None and words[i].upos in seen
        # A capital in either word: a name or title ("The Late Late Show") or a sentence opening in
        # emphasis ("Wait wait, he said"), where the tagger's reading is all there is to go on.
        capitalised = words[j].text[:1].isupper() or (
            words[i].text[:1].isupper()
            and not (self["sentence-start"] and opens_sentence_only(doc, words, i, self["names-zipf"])))
        if not self.allowed_pairs or capitalised:
            return True
        if not any(a in ("*", pair[0]) and b in ("*", pair[1]) for a, b in self.allowed_pairs):
            return False
        if self["particles"] and pair[0] in PREPOSITIONAL and pair[1] in PREPOSITIONAL \
                and particles.known(words[i].low):
            verb = verb_before(words, i)
            if verb is None:
                return False
            if particles.ends_phrase(words[verb].lemma, words[i].low) is not False:
                return True
            # A verb that takes the word only before its object: a slip, unless the object went to the
            # front of a clause the tagger reads from its start ("the report they relied on on Monday").
            return may_strand(tagged.tagged_around(doc, sentence, [(0, j)]), verb)
        if self["two-objects"] and pair == ("PRP", "PRP$"):
            verb = verb_before(words, i)
            return verb is not None and particles.takes_two_objects(words[verb].lemma)
        if self["auxiliaries"] and pair[0].startswith("VB") and pair[1].startswith("VB"):
            return can_be_auxiliary(words[i])
        if self["determiners"] and pair[1] == "DT" and leads_plural(words, j):
            return False
        return True


def _equal_neighbours(lower: str) -> bool:
    """Two equal runs (see ``_RUNS``) stand next to each other in the lower-cased text."""
    runs = _RUNS.findall(lower)
    return any(map(operator.eq, runs, islice(runs, 1, None)))


# Function words whose doubling is a slip when the tagger reads both alike: determiners, prepositions,
# "to", conjunctions, modals, possessive pronouns ("the the", "of of", "and and", "will will", "his his").
_FUNCTION_TAGS = frozenset(("DT", "PDT", "IN", "TO", "CC", "MD", "PRP$"))


def _doubled_function_word(doc, first: int, second: int) -> bool:
    """Whether the words at ``first`` and ``second`` are one function word, tagged alike both times."""
    found = word_pair(doc, first, second)
    if found is None:
        return False
    sentence, plain, i, j = found
    words = tagged.tagged_around(doc, sentence, [(max(0, i - 3), min(len(plain) - 1, j + 3))])
    return words[i].xpos == words[j].xpos and words[i].xpos in _FUNCTION_TAGS
