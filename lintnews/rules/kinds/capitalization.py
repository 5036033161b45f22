"""capitalization: a heading (or any block) not in the case it should be (Vale's kind).

As in Vale: ``match`` is ``$title`` (title case, ``style: AP`` or ``Chicago``), ``$sentence``
(sentence case), ``$lower``, ``$upper`` or a pattern the text must contain. For title and
sentence case the block's words are compared one by one with the text converted to that
case; the block passes when at least ``threshold`` (0.8) of them agree. ``exceptions`` are
words kept as written (brand names, acronyms); ``indicators`` are endings (":") after which
the next word starts a sentence. The finding covers the block; the message's ``%s`` is the
block's text, then the text as it should be. The case lists are the style guides' own
(articles, coordinating conjunctions, and prepositions: of three letters or fewer for AP,
all of them for Chicago).
"""

from __future__ import annotations


from ...findings import Applicability, Edit
from ..base import Option, Rule, shown
from ..patterns import finditer, search
from ..vale import blocks_in_scope, excepted, exceptions_pattern, decoded_text, guessed_start
from ...read import compiled as _compiled

_ARTICLES = {"a", "an", "the"}
_AP_SMALL = _ARTICLES | {"and", "but", "for", "nor", "or", "so", "yet", "as", "at", "by", "in", "of", "off",
                         "on", "out", "per", "to", "up", "via", "vs", "vs."}
_CHICAGO_SMALL = _ARTICLES | {"and", "but", "for", "nor", "or", "as", "to"} | set(
    "about above across after against along amid among around at before behind below beneath beside besides "
    "between beyond by despite down during except from in inside into like near of off on onto opposite out "
    "outside over past per since than through throughout till toward towards under underneath unlike until "
    "up upon via with within without".split())
_WORD = _compiled.compile(r"[\p{N}\p{L}*]+\S*")
_NUMBERED = _compiled.compile(r"\d+\.")


class Capitalization(Rule):
    name = "capitalization"
    MESSAGE_FILLS = 2  # the %s its messages fill
    summary = "Flags a heading (or block) that is not in title case, sentence case, lower or upper case."
    default_fix = Applicability.UNSAFE  # the text recased: a person checks it
    OPTIONS = {
        "match": Option("str", required=True, help="$title, $sentence, $lower, $upper, or a pattern the text "
                                                   "must contain"),
        "style": Option("str", "AP", "for $title: AP or Chicago", choices=("AP", "Chicago")),
        "exceptions": Option("words", [], "words kept as written (patterns, as in Vale)"),
        "indicators": Option("words", [], "for $sentence: endings (':') after which a word may start with a capital"),
        "threshold": Option("float", 0.8, "the share of words that must agree with the case (0.8)"),
        "prefix": Option("str", "", "a pattern for a prefix left out of the comparison (a list number)"),
    }

    def compile(self):
        if self["threshold"] == 0:
            self.values["threshold"] = 0.8
        self.except_re = exceptions_pattern(self["exceptions"], self.path, self.id)
        self.exact = {str(e) for e in self["exceptions"]}
        match = self["match"]
        self.regex = None if match.startswith("$") else self.pattern(match, "match")
        if match.startswith("$") and match not in ("$title", "$sentence", "$lower", "$upper"):
            self.fail(f"key 'match': unknown case {match!r} (use $title, $sentence, $lower, $upper or a pattern)")
        self.prefix = self.pattern(self["prefix"], "prefix") if self["prefix"] else None
        self.words = _WORD if self.except_re is None else self.pattern(
            self.except_re.pattern.removeprefix("(?m)") + "|" + _WORD.pattern, "exceptions")

    def check(self, doc):
        text = doc.text
        for lo, hi in blocks_in_scope(self, doc):
            written = text[lo:hi].rstrip()
            end = lo + len(written)
            block = decoded_text(doc, lo, end)  # as Vale reads it: "&#160;" a no-break space
            if block is None:  # other markup inside: as before, a match must stay off it
                block = written
            if not block.strip():
                continue
            expected, ok = self.judge(block)
            if ok or not self.in_scope(doc, lo, lo if block != written else end):
                continue
            if block != written:  # as Vale places it (rules/vale.py); no edit, which would drop the entities
                lo, expected = guessed_start(text, lo), block
            edits = [Edit(lo, end, expected)] if expected != block and self["match"].startswith("$") else None
            # Lowering a capital may lower a name ("Sen. John Kennedy" -> "Sen. john kennedy"): that
            # change is shown, never applied; raising one (title case) stays the rule's own.
            lowers = edits is not None and _lowers_a_capital(block, expected)
            yield self.finding(doc, lo, end, self.format_message(block, expected), edits,
                               Applicability.DISPLAY if lowers else None,
                               fix_title=f"Write {shown(expected)}")

    def judge(self, s: str) -> tuple[str, bool]:
        """The text as it should be, and whether ``s`` passes."""
        match = self["match"]
        if match == "$lower":
            return s.lower(), s == s.lower() or excepted(self.except_re, s, self.id)
        if match == "$upper":
            return s.upper(), s == s.upper() or excepted(self.except_re, s, self.id)
        if self.regex is not None:
            return match, search(self.regex, s, self.id) is not None or excepted(self.except_re, s, self.id)
        if self.prefix is not None:
            m = search(self.prefix, s, self.id)
            if m is not None and m.start() == 0:
                s = s[m.end():]  # a list number ("a. "): left out of the comparison
        expected = self.title(s) if match == "$title" else self.sentence(s)
        want = self._tokens(expected)
        count = words = 0
        for i, word in enumerate(self._tokens(s)):
            words += 1
            if i >= len(want) or word == want[i] or excepted(self.except_re, word, self.id):
                count += 1
            elif match == "$title" and word == word.upper():
                count += 1
            elif match == "$sentence" and i == 0 and word != word.lower().title():
                return expected, False
        return expected, words == 0 or count / words >= self["threshold"]

    def _tokens(self, s: str) -> list[str]:
        return [m.group() for m in finditer(self.words, s, self.id)]

    def _kept(self, word: str) -> bool:
        return word in self.exact or excepted(self.except_re, word, self.id)

    def _convert(self, s: str, change) -> str:
        """``s`` with each word but the exceptions changed by ``change(word, n, previous word, last)``."""
        tokens = list(finditer(self.words, s, self.id))
        out, at = [], 0
        for n, m in enumerate(tokens):
            out.append(s[at:m.start()])
            word = m.group()
            kept = self._kept(word)
            out.append(word if kept else change(word, n, tokens[n - 1].group() if n else "", n == len(tokens) - 1))
            at = m.end()
        out.append(s[at:])
        return "".join(out)

    def title(self, s: str) -> str:
        small = _CHICAGO_SMALL if self["style"] == "Chicago" else _AP_SMALL

        def change(word, n, prev, last):
            if word.lower() in small and n > 0 and not last and not prev.endswith((":", "?", "!", "—")):
                return word.lower()
            return _cap(word)
        return self._convert(s, change)

    def sentence(self, s: str) -> str:
        indicators = tuple(str(i) for i in self["indicators"])

        def change(word, n, prev, last):
            if n == 0 or (indicators and prev.endswith(indicators)) or (n == 1 and _NUMBERED.fullmatch(prev)):
                return _cap(word)
            return word.lower()
        return self._convert(s, change)


def _cap(word: str) -> str:
    for i, c in enumerate(word):
        if c.isalpha():
            return word[:i] + c.upper() + word[i + 1:]
    return word


def _lowers_a_capital(before: str, after: str) -> bool:
    """Whether ``after`` writes in lower case a letter ``before`` has as a capital (same length: a recasing)."""
    return len(before) == len(after) and any(a.isupper() and b.islower() for a, b in zip(before, after))
