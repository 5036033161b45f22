"""Token patterns: a sequence of constraints on the words of one sentence.

A pattern is a list of token constraints, each a mapping with any of
``word``, ``lemma``, ``pos``, ``regex``, ``case`` and ``not`` (all must
hold), plus ``optional``, ``skip`` / ``skip-over`` and ``mark``. Tokens are
the words of a sentence as the tagger splits them (``read/tokenizer.py``):
clitics are tokens of their own, so "it's" is ``it`` + ``'s`` and "can't"
is ``ca`` + ``n't``; curly apostrophes count as straight ones.

Matching runs twice. First *loosely*, on the words alone: a ``pos``
constraint is tested against the tags the word was seen with in the
tagger's training data (any tag for a word it never saw), and ``lemma`` is
taken as possible. Only a sentence where some pattern loosely matches is
tagged, and the pattern is then matched on the real tags and lemmas.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, NamedTuple, NoReturn

from ..read.tagged import Fixed, Word
from .patterns import compile_pattern, fullmatch
from .schema import Option, Schema

# The universal tags (UD); anything else in ``pos`` is a Penn tag (NNS, VBZ, MD...).
UPOS = frozenset("ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X".split())

TOKEN = Schema({
    "word": Option("str|list", None, "the word, or any of these words (case-insensitive)"),
    "lemma": Option("str|list", None, "the dictionary form (be, have, lose), or any of these"),
    "pos": Option("str|list", None, "a part-of-speech tag, universal (NOUN, AUX, ADJ) or Penn (NNS, VBZ, MD); "
                                    "'VB*' for every tag that starts so; a list for any of them"),
    "regex": Option("str", None, "a regex the whole word must match (case-sensitive unless it says (?i))"),
    "case": Option("str", None, "the word's capitals: lower, upper or title", choices=("lower", "upper", "title")),
    "not": Option("dict|records", None, "a token this one must not be (the same keys); a list: none of them"),
    "optional": Option("bool", False, "the token may be absent"),
    "skip": Option("int", 0, "up to this many other tokens may stand before this one (on the first token: the match may start with them)"),
    "skip-over": Option("dict", None, "what each skipped token must be (the same keys; default any token)"),
    "mark": Option("bool", False, "the token is flagged and replaced by the suggestion (default: the whole match)"),
})


def _words(value) -> frozenset[str]:
    items = [value] if isinstance(value, str) else value
    return frozenset(str(v).lower().replace("’", "'") for v in items)


@dataclass
class Constraint:
    words: frozenset[str] | None = None
    lemmas: frozenset[str] | None = None
    tags: tuple[str, ...] = ()
    regex: object = None
    case: str | None = None
    negated: tuple[Constraint, ...] = ()
    optional: bool = False
    skip: int = 0
    over: Constraint | None = None
    mark: bool = False
    upos_of: dict = field(default_factory=dict)  # Penn tag -> the universal tags it comes with
    rule_id: str = ""
    # Whether a word the tagger always tags one way is tested loosely with that tag (not for a token a
    # pattern reads as other words, which then takes their tags: rules/reading.py).
    fixed: bool = True
    # The loose test's answer by word text (it depends on nothing else): a sentence's words are tried
    # at several starts and by several patterns, and the same words come back in every article.
    _loose: dict = field(default_factory=dict, repr=False, compare=False)
    _exact: bool | None = field(default=None, repr=False, compare=False)

    def test(self, w: Word, loose: bool = False) -> bool:
        if not loose and not self.exact:
            return self._test(w, False)
        # Loosely, or for a constraint on the word alone (then the loose answer is the answer): by text.
        got = self._loose.get(w.text)
        if got is None:
            if len(self._loose) >= _LOOSE_KEPT:
                self._loose.clear()
            got = self._loose[w.text] = self._test(w, True)
        return got

    def _test(self, w: Word, loose: bool) -> bool:
        # Cheapest first (each test stands alone): set lookups, then the regex.
        if self.words is not None and w.low not in self.words:
            return False
        if self.case is not None and not _CASES[self.case](w.text):
            return False
        if self.tags and not self._tag_ok(w, loose):
            return False
        if self.lemmas is not None and (not loose or (self.fixed and type(w.seen) is Fixed)):
            lemma = w.lemma if not loose else w.seen.lemma
            if (lemma or "").lower() not in self.lemmas:
                return False
        if self.regex is not None and not fullmatch(self.regex, w.text, self.rule_id):
            return False
        if any((not loose or n.exact) and n.test(w) for n in self.negated):
            return False
        return True

    def _tag_ok(self, w: Word, loose: bool) -> bool:
        if not loose:
            return any(_tag_is(t, w.upos, w.xpos) for t in self.tags)
        seen = w.seen
        if type(seen) is Fixed:
            if self.fixed:  # the tag it will get, whatever the words around it
                return any(_tag_is(t, seen.upos, seen.xpos) for t in self.tags)
            seen = seen.classes
        if seen is None:
            return True
        return any(u in seen for t in self.tags for u in self.upos_of.get(t, (t,)))

    @property
    def exact(self) -> bool:
        """Whether the constraint can be decided on the word alone, before tagging."""
        got = self._exact
        if got is None:
            got = self._exact = not self.tags and self.lemmas is None and all(n.exact for n in self.negated)
        return got


_LOOSE_KEPT = 20_000  # answers kept by one constraint


def _tag_is(tag: str, upos: str | None, xpos: str | None) -> bool:
    if tag.endswith("*"):
        return (xpos or "").startswith(tag[:-1]) or (upos or "").startswith(tag[:-1])
    return tag == upos or tag == xpos


_CASES: dict[str, Callable[[str], bool]] = {
    "lower": lambda s: s == s.lower() and s != s.upper(),
    "upper": lambda s: s == s.upper() and s != s.lower(),
    "title": lambda s: s[:1].isupper() and s[1:] == s[1:].lower(),
}


def compile_token(spec, where: str, fail: Callable[[str], NoReturn], *, rule_id: str, path: str,
                  tag_pairs: list[tuple[str, str]]) -> Constraint:
    """One token constraint from its mapping; ``where`` names it in problems ("patterns[2].tokens[1].")."""
    if not isinstance(spec, dict):
        fail(f"key '{where.rstrip('.')}' must be a mapping of token keys (word, lemma, pos...)")
    v = TOKEN.validate(spec, fail, prefix=where, context=f" in '{where.rstrip('.')}'")

    def sub(value, at: str) -> Constraint:
        return compile_token(value, at, fail, rule_id=rule_id, path=path, tag_pairs=tag_pairs)

    nots = v["not"] if isinstance(v["not"], list) else [] if v["not"] is None else [v["not"]]
    tags, upos_of = _tags(v["pos"], f"{where}pos", fail, tag_pairs)
    return shared(Constraint(
        words=None if v["word"] is None else _words(v["word"]),
        lemmas=None if v["lemma"] is None else _words(v["lemma"]),
        tags=tags,
        regex=None if v["regex"] is None else compile_pattern(v["regex"], where=path, rule_id=rule_id, key=f"{where}regex"),
        case=v["case"],
        negated=tuple(sub(n, f"{where}not[{i}]." if isinstance(v["not"], list) else f"{where}not.")
                      for i, n in enumerate(nots)),
        optional=v["optional"], skip=max(v["skip"], 0),
        over=None if v["skip-over"] is None else sub(v["skip-over"], f"{where}skip-over."),
        mark=v["mark"], upos_of=upos_of, rule_id=rule_id,
    ))


# Constraints that test the same (the agreement rules repeat theirs through YAML anchors in pattern
# after pattern) -> the one dict of loose answers by word text they share.
_ANSWERS: dict[tuple, dict] = {}


def shared(c: Constraint) -> Constraint:
    """``c``, keeping its loose answers with every other constraint that tests a word the same way."""
    key = _test_key(c)
    got = _ANSWERS.get(key)
    if got is None:
        if len(_ANSWERS) >= 10_000:
            _ANSWERS.clear()
        got = _ANSWERS[key] = c._loose
    c._loose = got
    return c


def _test_key(c: Constraint) -> tuple:
    """What a constraint's test reads (not optional, skip or mark, which are the pattern's business)."""
    return (c.fixed, c.words, c.lemmas, c.tags, tuple(sorted(c.upos_of.items())),
            None if c.regex is None else (c.regex.pattern, c.regex.flags), c.case, tuple(_test_key(n) for n in c.negated))


def _tags(value, key: str, fail, tag_pairs) -> tuple[tuple[str, ...], dict[str, frozenset]]:
    """The ``pos`` tags, checked, and for each of them (a "VB*" too) the universal tags it comes with,
    which the loose match tests against a word's possible tags."""
    upos_of, known = _upos_table(tuple(tag_pairs))
    tags = () if value is None else tuple(str(t) for t in ([value] if isinstance(value, str) else value))
    for t in tags:
        starred = t.endswith("*") and any(k.startswith(t[:-1]) for k in known)
        if not starred and t not in known:
            fail(f"key '{key}': unknown tag {t!r} (universal: {', '.join(sorted(UPOS))}; or a Penn tag)")
    out = {t: upos_of[t] for t in tags if t in upos_of}  # a constraint looks up its own tags only
    for t in tags:
        if t.endswith("*"):
            out[t] = frozenset(u for k, us in upos_of.items() if k.startswith(t[:-1]) for u in us)
    return tags, out


@lru_cache(maxsize=4)
def _upos_table(tag_pairs: tuple) -> tuple[dict[str, frozenset], frozenset]:
    """Each tag (Penn or universal) -> the universal tags it comes with, and every tag known."""
    upos_of: dict[str, set[str]] = {}
    for upos, xpos in tag_pairs:
        upos_of.setdefault(xpos, set()).add(upos)
        upos_of.setdefault(upos, set()).add(upos)
    return {t: frozenset(u) for t, u in upos_of.items()}, frozenset(upos_of) | UPOS


class Match(NamedTuple):
    """Which token each constraint took (None: an optional one left out); ``start``: the first
    token of the match, skipped ones included."""
    taken: tuple[int | None, ...]
    start: int


class TokenPattern:
    def __init__(self, tokens: list[Constraint]):
        self.tokens = tokens
        self.marked = [i for i, t in enumerate(tokens) if t.mark]

    def outline(self) -> list[tuple[int, frozenset[str]]]:
        """The required word lists in order, each with how many other tokens may stand before it
        (after the previous list): what any match's text must show, for a cheap search first."""
        out: list[tuple[int, frozenset[str]]] = []
        gap = 0
        for i, t in enumerate(self.tokens):
            gap += t.skip if i else 0
            if t.optional or t.words is None:
                gap += 1
            else:
                out.append((gap if out else 0, t.words))
                gap = 0
        return out

    @property
    def longest(self) -> int:
        """The most tokens a match can take."""
        return sum(1 + (t.skip if i else 0) for i, t in enumerate(self.tokens))

    def match_at(self, words: list[Word], j: int, loose: bool = False) -> Match | None:
        taken = self._match(0, words, j, [], loose)
        return None if taken is None else Match(tuple(taken), j)

    def search(self, words: list[Word], loose: bool = False, starts=None):
        """Matches, one per start token (every token, or those in ``starts``)."""
        first = self.tokens[0]
        # Loosely, a first token that must stand at the start is tested there first, from its answers
        # by word text: most starts fail on it, before any matching is set up.
        known = first._loose if loose and not first.optional and not first.skip else None
        for j in (range(len(words)) if starts is None else starts):
            if known is not None:
                ok = known.get(words[j].text)
                if ok is False or (ok is None and not first.test(words[j], True)):
                    continue
            m = self.match_at(words, j, loose)
            if m is not None:
                yield m

    def _match(self, k: int, words: list[Word], j: int, taken: list, loose: bool):
        if k == len(self.tokens):
            return taken
        c = self.tokens[k]
        for s in range(0, c.skip + 1):
            jj = j + s
            if jj >= len(words):
                break
            if s and c.over is not None and not c.over.test(words[jj - 1], loose):
                break
            if c.test(words[jj], loose):
                found = self._match(k + 1, words, jj + 1, taken + [jj], loose)
                if found is not None:
                    return found
        if c.optional:
            return self._match(k + 1, words, j, taken + [None], loose)
        return None

    def span(self, words: list[Word], m: Match) -> tuple[int, int]:
        """The flagged tokens: the marked ones that matched, else the whole match (first to last token)."""
        chosen = [m.taken[i] for i in self.marked if m.taken[i] is not None] or [t for t in m.taken if t is not None]
        return chosen[0], chosen[-1]
