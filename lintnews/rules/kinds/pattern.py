"""pattern: a sequence of words constrained by word, lemma, part of speech and regex.

For the errors a spelling checker cannot see because every word is real,
and that the words around them give away: "might loose the seat" (a modal
verb wants the verb "lose"), "more then 50" (a comparative wants "than"),
"there was no formal ties" (a plural noun after "there was"). Each entry of
``patterns`` is a list of ``tokens`` (each token's keys are listed below),
the ``suggest``-ion for the marked tokens, and optionally its own
``message``, ``fix`` and ``unless`` (token sequences that, matching over
the marked tokens, cancel the finding: "could of course"). In a message,
``{suggestion}`` is the suggestion already in quotes. A whole rule with its
examples: the README's "Rules are data" (House/CouldCare), and the
built-in pattern rules (``lintnews rules show News.Agreement``).

Only sentences holding one of a pattern's required words are looked at,
and only those where a pattern can match by the words' possible tags are
tagged, so a rule costs little on text without its words. The fix keeps
the capitals of the text it replaces and the article's apostrophes.
"""
# For maintainers: the token keys are matched in rules/token_pattern.py, sentences tagged once per
# document in read/tagged.py.

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from ...findings import Applicability, Edit
from ...read import compiled as _compiled, tagged
from ...read.tagger import model
from .. import reading, rule_checks, start_places
from ..base import Option, Rule, preserve_case
from ..anchored import readable
from ..outline import (anchor, gates, gates_pass, head_taker, literal_head, near_places, neighbours, outline_regex,
                       taker, word_finder)
from ..patterns import finditer, match_each
from ..pattern_scan import quoted_sentences, scan, shared_scans
from ..schema import Schema
from ..token_pattern import TOKEN, TokenPattern, compile_token, shared

PATTERN = Schema({
    "tokens": Option("records", None, "the token constraints, in order", required=True),
    "suggest": Option("str|list|map", None, "the text for the marked tokens ({1} is the first token's text); "
                                            "a list: choices, shown only; a mapping: by the marked text"),
    "message": Option("str", None, "this pattern's message (default: the rule's); %s is the marked text, "
                                   "{suggestion} the suggestion"),
    "fix": Option("str", None, "lower this pattern's fix: unsafe, display or none",
                  choices=("unsafe", "display", "none")),
    "read-as": Option("str", None, "match on the tags the sentence has with the marked tokens read as these words "
                                   "(the intended ones: their, its), not as written (rules/reading.py)"),
    "prefilter": Option("str", None, "a regex that finds where the pattern may match, for speed (default: "
                                     "the pattern's required words in order)"),
    "unless": Option("records", [], "token sequences ({tokens: [...]}) that cancel a finding they overlap"),
    "after": Option("records", [], "the token just before the match must be one of these (token keys); "
                                   "a match at the start of a sentence always is"),
    "not-after": Option("dict", None, "what the token just before the match must not be (token keys)"),
    "not-before": Option("dict", None, "what the token just after the match must not be (token keys)"),
})

_TEMPLATE = _compiled.compile(r"\{(\d+)\}")
_PLAIN = _compiled.compile(r"\w+")


class _Pattern:
    def __init__(self, rule: Pattern, spec, index: int, pairs):
        where = f"patterns[{index}]"
        if not isinstance(spec, dict):
            rule.fail(f"key '{where}' must be a mapping with 'tokens'")
        v = PATTERN.validate(spec, rule.fail, prefix=f"{where}.", context=f" in '{where}'")
        self.tokens = self._tokens(rule, v["tokens"], f"{where}.tokens", pairs)
        if v["prefilter"] is None and not self.tokens.outline():
            rule.fail(f"key '{where}.tokens': one token that is not optional needs 'word', or the pattern a "
                      "'prefilter' (sentences without it are never looked at)")
        self.unless = []
        for i, u in enumerate(v["unless"]):
            if set(u) != {"tokens"}:
                rule.fail(f"key '{where}.unless[{i}]' must be a mapping with just 'tokens'")
            self.unless.append(self._tokens(rule, u["tokens"], f"{where}.unless[{i}].tokens", pairs))
        self.around = [None if v[key] is None else
                       compile_token(v[key], f"{where}.{key}.", rule.fail, rule_id=rule.id, path=rule.path, tag_pairs=pairs)
                       for key in ("not-after", "not-before")]
        self.after = [compile_token(t, f"{where}.after[{i}].", rule.fail, rule_id=rule.id, path=rule.path,
                                    tag_pairs=pairs) for i, t in enumerate(v["after"])]
        # What the text must show for the pattern to be tried: the user's prefilter, else the
        # pattern's required words in order.
        # Where to look first: the text around each place one of the rarest required words stands (a
        # lookup in the document's word index), or, with a prefilter, wherever the prefilter matches.
        self.start_words: frozenset[str] | None = None
        self.outline_lower = None  # the outline without (?i), for the lower-cased text (a start word not plain)
        self.start_order: list[str] | None = None  # the words whose places a match starts at (shortest first)
        # With the outline, a hit is the word of one required list: how many tokens a match may hold
        # before the token that takes it (fewest, most), so only those starts are tried.
        self.anchor: tuple[int, int] | None = None
        if v["prefilter"] is None:
            source, start_words, k = outline_regex(self.tokens.outline())
            self.anchor, hit = anchor(self.tokens, k), taker(self.tokens, k)
            self.outline = rule.pattern("(?i)" + source, f"{where}.tokens")
            self.start_words = start_words
            # A word that starts with another of the list ("effects", "effect") is looked for among its places.
            self.start_order = sorted(start_words, key=lambda w: (len(w), w))
            self.start_prefix = {w: min(shorter, key=len) for w in start_words
                                 if (shorter := [x for x in start_words if x != w and w.startswith(x)])}
            self.start_finders = {w: word_finder(w) for w in start_words if w not in self.start_prefix}
            # What the characters next to each start word must be for the outline to match there.
            self.near = {w: near for w in start_words
                         if (near := neighbours(self.tokens.outline(), k, w)) != (None, None)}
            if not all(_PLAIN.fullmatch(w) for w in start_words):  # a clitic ('s, 're) or a mark: its words are
                self.outline_lower = rule.pattern(source, f"{where}.tokens")  # lower case, matched on the lower text
        else:
            self.outline = rule.pattern(v["prefilter"], f"{where}.prefilter")
            # A prefilter that opens with one word ("(?i)\bthen\b(?<=...)") is matched where that word stands,
            # found with the start words, as an outline is; else over the whole text.
            word = literal_head(v["prefilter"])
            if word is not None:
                self.start_order, self.start_prefix, self.near = [word], {}, {}
                self.start_finders = {word: word_finder(word)}
            k = head_taker(self.tokens, v["prefilter"])
            self.anchor, hit = (None, None) if k is None else (anchor(self.tokens, k), taker(self.tokens, k))
        # Its scan's, shared by outline; a shared scan leaves out sentences quoted whole for a rule that skips them.
        # (A string: its hash is kept, and it is looked up for every pattern in every document.)
        self.key = repr((self.outline.pattern, self.outline.flags,
                         None if self.start_words is None else sorted(self.start_words), rule.skips_quoted))
        self.suggest = v["suggest"]
        if isinstance(self.suggest, dict):
            self.suggest = {str(k).lower().replace("’", "'"): str(x) for k, x in self.suggest.items()}
        for ref in _TEMPLATE.findall(" ".join(self._suggestions())):
            if not 1 <= int(ref) <= len(self.tokens.tokens):
                rule.fail(f"key '{where}.suggest': {{{ref}}} names no token (there are {len(self.tokens.tokens)})")
        self.message = v["message"]
        problem = None if self.message is None else rule_checks.message(self.message, 1, "s", "pattern", f"{where}.message")
        if problem:
            rule.fail(problem)
        self.read_as = None if v["read-as"] is None else str(v["read-as"]).split()
        if self.read_as is not None and (not self.read_as or not self.tokens.marked):
            rule.fail(f"key '{where}.read-as' needs words, and a pattern with marked tokens")
        if self.read_as is not None:  # the marked tokens take the tags of the words read instead
            for i in self.tokens.marked:
                self.tokens.tokens[i] = shared(replace(self.tokens.tokens[i], fixed=False, _loose={}))
        # What the tokens either side of a hit must pass for a loose match, before the sentence is tokenized
        # (the tokens as read-as leaves them).
        self.gates = gates(self.tokens.tokens, hit)
        self.fix = {None: None, "unsafe": Applicability.UNSAFE, "display": Applicability.DISPLAY, "none": "none"}[v["fix"]]

    def fits(self, words, m, loose: bool = False) -> bool:
        """Whether the words around the match allow it (``after``, ``not-after``, ``not-before``); loosely,
        before tagging, a tag is any the word can have and a ``not-`` that needs tags is not tested."""
        taken = [t for t in m.taken if t is not None]
        not_after, not_before = self.around
        first, last = m.start, taken[-1]
        if self.after and first > 0 and not any(c.test(words[first - 1], loose) for c in self.after):
            return False
        if not_after is not None and first > 0 and (not loose or not_after.exact) and not_after.test(words[first - 1]):
            return False
        return not (not_before is not None and last + 1 < len(words) and (not loose or not_before.exact)
                    and not_before.test(words[last + 1]))

    @staticmethod
    def _tokens(rule, specs, where, pairs) -> TokenPattern:
        if not isinstance(specs, list) or not specs:
            rule.fail(f"key '{where}' must be a non-empty list of token mappings")
        return TokenPattern([compile_token(t, f"{where}[{i}].", rule.fail, rule_id=rule.id, path=rule.path,
                                           tag_pairs=pairs) for i, t in enumerate(specs)])

    def _suggestions(self) -> list[str]:
        s = self.suggest
        return [] if s is None else [s] if isinstance(s, str) else list(s.values()) if isinstance(s, dict) else list(s)

    def suggestions(self, words, m, marked: str) -> list[str]:
        """What the marked text should be, with {N} filled in (empty: the pattern suggests nothing)."""
        s = self.suggest
        if isinstance(s, dict):
            got = s.get(marked.lower().replace("’", "'"))
            options = [] if got is None else [got]
        else:
            options = self._suggestions()

        def fill(t: str) -> str:
            return _TEMPLATE.sub(lambda r: words[m.taken[int(r.group(1)) - 1]].text
                                 if m.taken[int(r.group(1)) - 1] is not None else "", t)
        return [" ".join(fill(o).split()) for o in options]


class Pattern(Rule):
    name = "pattern"
    summary = "Flags a sequence of words by word, lemma, part of speech and regex (grammar-aware)."
    OPTIONS = {
        "patterns": Option("records", None, "the patterns, each a mapping with tokens (keys below)", required=True),
        "define": Option("dict", {}, "named parts to reuse in the patterns with YAML anchors (&name, *name); "
                                     "not read otherwise"),
    }
    default_fix = Applicability.UNSAFE
    PARTS = {"Keys of each entry of patterns": PATTERN, "Keys of each token (in tokens, unless, after, not-after, "
                                                        "not-before, not, skip-over)": TOKEN}

    def compile(self):
        # A finding that overlaps a quotation is never reported (in_scope; a Vale-format rule's raw scope
        # would be the exception): then a sentence quoted whole need not be read.
        self.skips_quoted = self.skip_quotes and not self.vale
        pairs = model().pairs
        self.patterns = [_Pattern(self, spec, i, pairs) for i, spec in enumerate(self["patterns"])]
        if not self.patterns:
            self.fail("key 'patterns' is empty")
        self._shared_scans = shared_scans(self, self.patterns)
        self._start_finders = {w: f for p in self.patterns if p.start_order is not None
                               for w, f in p.start_finders.items()}
        # Which patterns a document's start words call for: a pattern whose words are all absent has no
        # spans, found without a call (most patterns, in most articles).
        self._always = [k for k, p in enumerate(self.patterns) if p.start_order is None]
        self._by_word: dict[str, list[int]] = {}
        for k, p in enumerate(self.patterns):
            for w in {p.start_prefix.get(w, w) for w in p.start_order or ()}:  # "effects" is among "effect"'s places
                self._by_word.setdefault(w, []).append(k)

    def check(self, doc):
        # Cheapest first: each pattern's required words in order, searched over the whole text (one
        # scan per pattern); then, in the sentences they fall in, the words' possible tags; then tags.
        start_places.register(self._start_finders)  # found with every pattern rule's words in one pass
        hopeful: dict[int, dict[int, list[tuple[int, int]]]] = {}  # sentence -> pattern -> hits
        sentences = {}
        # The sentence each hit starts in, kept for the document: the patterns of a head scan (and of
        # several rules) hit the same words.
        sentence_of = doc.__dict__.setdefault("_pattern_sentence_of", {})
        shared = doc.__dict__.setdefault("_pattern_outline_spans", {})
        # A rule that skips quotations reports nothing in a sentence quoted whole (pattern_scan.py).
        quoted = quoted_sentences(doc)[1] if self.skips_quoted else ()
        for k in self._called_for(doc):
            p = self.patterns[k]
            spans = shared.get(p.key)
            for span in self._spans(p, doc) if spans is None else spans:
                a = span[0]
                sentence = sentence_of.get(a, False)
                if sentence is False:
                    sentence = sentence_of[a] = doc.sentence_at(a)
                if sentence is None or span[1] > sentence.end or sentence.start in quoted:
                    continue
                if p.gates is not None and not gates_pass(doc, sentence, a, p.gates):
                    continue
                hopeful.setdefault(sentence.start, {}).setdefault(k, []).append(span)
                sentences[sentence.start] = sentence
        for start in sorted(hopeful):
            yield from self._check_sentence(doc, sentences[start], hopeful[start])

    def _called_for(self, doc):
        """The patterns that may have spans in the document, in order: those with a prefilter, and those
        one of whose start words stands in it (all of them where the lower-cased text cannot be read)."""
        got = doc.__dict__.get("_pattern_present")
        if got is None or got[0] != start_places.generation():  # once per document for every pattern rule
            low, present = doc.lower_text, None
            if readable(doc.text, low):
                places = doc.__dict__.setdefault("_pattern_word_places", {})
                start_places.fill(places, low)
                present = frozenset(w for w, at in places.items() if at)
            got = doc.__dict__["_pattern_present"] = (start_places.generation(), present)
        present = got[1]
        if present is None:
            return range(len(self.patterns))
        called = [ks for w, ks in self._by_word.items() if w in present]
        if not called:
            return self._always
        return sorted({*self._always, *(k for ks in called for k in ks)})

    def _spans(self, p: _Pattern, doc) -> list[tuple[int, int]]:
        """Where the pattern's outline matches in the document. Patterns (of any rule) with the same
        outline share one scan of a document: several of the agreement rules' patterns look for the
        same verbs."""
        shared = doc.__dict__.setdefault("_pattern_outline_spans", {})
        key = p.key
        spans = shared.get(key)
        if spans is None:
            together = self._shared_scans.get(key)
            if together is not None:  # one scan for all the patterns with this head word
                found = scan(doc, together, self.id, self.skips_quoted)
                shared.update(found)
                return found[key]
            spans = shared[key] = self._hits(p, doc)
        return spans

    def _hits(self, p: _Pattern, doc) -> list[tuple[int, int]]:
        text = doc.text
        low = doc.lower_text
        if p.start_order is None:  # a prefilter that does not open with a word
            return [hit.span() for hit in finditer(p.outline, text, self.id, overlapped=True)]
        # Matching the lower-cased text case-sensitively finds what (?i) finds in the text (for every
        # character but the long s, which (?i) takes for an s): a pattern starting from a clitic is
        # matched so ("it" + "'s"), as it would be in the text.
        lower = p.outline_lower is not None
        if not readable(text, low):  # lower-casing moved offsets (rare scripts), a long s: the regex
            return [hit.span() for hit in finditer(p.outline, text, self.id, overlapped=True)]
        # Where each word starts (a word, a clitic), found once per document for all the patterns starting
        # from it (most of them are not in a given article: then a pattern costs a few lookups).
        places = doc.__dict__.setdefault("_pattern_word_places", {})
        out = []
        for word in p.start_order:
            at = places.get(word)
            if at is None:
                prefix = p.start_prefix.get(word)
                if prefix is None:
                    start_places.fill(places, low)
                    at = places.get(word)
                    if at is None:  # not registered (a rule not checked through check())
                        at = places[word] = p.start_finders[word].places(text, low)
                else:
                    at = places[word] = [i for i in places[prefix] if low.startswith(word, i)]
            near = p.near.get(word)
            if at and near is not None:
                at = near_places(low, at, len(word), *near)
            if at:
                out.extend(hit.span() for hit in (match_each(p.outline_lower, low, self.id, at) if lower
                                                  else match_each(p.outline, text, self.id, at)))
        return out

    def _check_sentence(self, doc, sentence, hopeful):
        plain = tagged.words(doc, sentence)
        offsets = [w.start for w in plain]
        stretches, candidates = [], []
        for k, hits in hopeful.items():
            p = self.patterns[k]
            if p.anchor is not None:  # the hit is the token of one required list: the starts that put it there
                fewest, most = p.anchor
                near = sorted({j for a, _ in hits for h in (bisect_right(offsets, a) - 1,)
                               for j in range(max(0, h - most), max(0, h - fewest + 1))})
            else:  # a prefilter's hit: a match holds it, so it starts at most its length before it
                near = sorted({j for a, b in hits
                               for j in range(max(0, bisect_right(offsets, a) - 1 - p.tokens.longest),
                                              bisect_right(offsets, b))})
            starts = [m.start for m in p.tokens.search(plain, loose=True, starts=near) if p.fits(plain, m, loose=True)]
            if starts:
                candidates.append((p, starts))
                if p.read_as is None:  # a pattern read another way tags its own window (rules/reading.py)
                    reach = max((u.longest for u in p.unless), default=0)  # an unless may look further
                    stretches.extend((max(0, j - reach), j + p.tokens.longest - 1 + reach) for j in starts)
        if not candidates:
            return
        words = tagged.tagged_around(doc, sentence, stretches)
        done = set()
        for p, starts in candidates:
            found = (((m, words) for m in p.tokens.search(words, starts=starts)) if p.read_as is None
                     else reading.matches(p.tokens, p.read_as, plain, starts))
            for m, ws in found:
                a, b = p.tokens.span(ws, m)
                start, end = ws[a].start, ws[b].end
                if (start, end) in done or not p.fits(ws, m) or self._cancelled(p, ws, a, b):
                    continue
                if not self.in_scope(doc, start, end):
                    continue
                done.add((start, end))
                yield self._finding(doc, p, ws, m, start, end)

    @staticmethod
    def _cancelled(p: _Pattern, words, a: int, b: int) -> bool:
        for u in p.unless:
            for m in u.search(words):
                taken = [t for t in m.taken if t is not None]
                if taken and taken[0] <= b and taken[-1] >= a:
                    return True
        return False

    def _finding(self, doc, p: _Pattern, words, m, start: int, end: int):
        marked = doc.text[start:end]
        options = [preserve_case(marked, self._apostrophes(doc, s)) for s in p.suggestions(words, m, marked)]
        message = self.format_message(marked) if p.message is None else _format(p.message, marked)
        message = message.replace("{suggestion}", " or ".join(f"'{o}'" for o in options) or "another word")
        if len(options) != 1 or p.fix == "none":
            return self.finding(doc, start, end, message)
        return self.finding(doc, start, end, message, [Edit(start, end, options[0])], applicability=p.fix,
                            fix_title=f"Replace with '{options[0]}'")

    @staticmethod
    def _apostrophes(doc, text: str) -> str:
        if "'" in text and doc.text.count("’") > doc.text.count("'"):
            return text.replace("'", "’")
        return text


def _format(message: str, marked: str) -> str:
    return message.replace("%s", marked, 1)
