"""Vale's substitution, as Vale's source builds and runs it (internal/check/substitution.go).

Every key of ``swap`` is one group of a single alternation, longest key first, inside Vale's
word boundaries (none with ``nonword``); groups inside a key are made non-capturing. A match
is reported unless the replacement, read as a pattern, matches it whole (a phrase is compared
as text) or an exception stands in it. With ``capitalize``, a matched text that starts with a
capital gives the replacement a capital first letter; ``$1`` in a replacement is the key's
group. ``action: {name: replace}`` without params offers each of ``a|b``, and the message
names them as Vale does ("'a' or 'b'").
"""

from __future__ import annotations

from functools import lru_cache, partial

from ..findings import Applicability, Edit
from ..errors import RuleError
from .patterns import compile_pattern, fullmatch, sub
from . import vale_scopes
from .vale import block_matches, cap_first, excepted, exceptions_pattern, is_phrase, to_sentence, word_pattern
from ..read import compiled as _compiled

_CAPTURE = _compiled.compile(r"(?<!\\)\((?!\?)")
_GROUP_REF = _compiled.compile(r"\$(\d+)")  # what makes Vale read a replacement as a template (subMsg)
# .NET's substitutions in a template (regexp2, as Vale runs it): $1, ${name}, $$, $&; all else is literal.
_SUBSTITUTION = _compiled.compile(r"\$(?:(\d+)|\{(\w+)\}|(\$)|(&))")
# An optional ending or letter in parentheses ("chair(s)", "(s)he"): notation for a reader of the message.
_NOTATION = _compiled.compile(r"\w\((?:s|es|e)\)|\((?:s|e)\)\w")


def _message_for_choices(message: str) -> str:
    """Vale's convertMessage: a message quoting both %s drops the quotes round the first."""
    for spec in ("'%s'", '"%s"'):
        if message.count(spec) == 2:
            message = message.replace(spec, "%s", 1)
    return message


class ValeSwap:
    def __init__(self, rule, swap: dict[str, str]):
        self.rule = rule
        self.terms = sorted(swap, key=len, reverse=True)
        self.replacements = [swap[t] for t in self.terms]
        for term in self.terms:
            rule.pattern(term, "swap")  # a bad key is named by itself
        body = "|".join(f"({_CAPTURE.sub('(?:', t)})" for t in self.terms)
        self.regex = rule.pattern(word_pattern([body], word=not rule["nonword"], ignorecase=rule["ignorecase"]),
                                  "swap")
        self.except_re = exceptions_pattern(rule["exceptions"], rule.path, rule.id)
        action = rule["action"] or {}
        self.replace = action.get("name") == "replace"  # the replacement is text, one option per '|'
        self.choose = self.replace and not action.get("params")  # Vale offers each option, named in the message
        self._entries: dict[tuple[int, bool], tuple] = {}  # see _entry

    def expected(self, index: int, observed: str) -> str:
        """Vale's subMsg: the replacement for swap entry ``index`` matched as ``observed``."""
        capital = self.rule["capitalize"] and observed == cap_first(observed)
        entry = self._entries.get((index, capital))
        if entry is None:
            entry = self._entries[(index, capital)] = self._entry(index, capital)
        good, compiled = entry
        return good if compiled is None else sub(compiled, partial(_expand, good), observed, self.rule.id)

    def _entry(self, index: int, capital: bool) -> tuple:
        """Swap entry ``index``'s replacement (with a capital first letter when ``capital``) and None, worked
        out once per entry; with ``$1`` in it, the replacement as a template for the entry's own pattern
        (Vale replaces in the matched text with it: :func:`_template`), and that pattern."""
        good = self.replacements[index]
        good = cap_first(good) if capital else good
        if not _GROUP_REF.search(good):
            return good, None
        term = ("(?i)" if self.rule["ignorecase"] else "") + self.terms[index]
        compiled = compile_pattern(term, where=self.rule.path, rule_id=self.rule.id, key="swap")
        return _template(good, compiled), compiled

    def check(self, doc):
        rule = self.rule
        same = vale_scopes.edge_free_pattern(self.regex)
        for _, _, lo, m in vale_scopes.pruned(rule, doc, lambda unit: self._block(doc, unit), same):
            index = next((i for i in range(len(self.terms)) if m.group(i + 1) is not None), None)
            if index is not None:
                start, end = m.span(index + 1)
                yield from self._judge(doc, index, lo + start, lo + end)

    def _block(self, doc, unit) -> list:
        """(start, end, block start, match) of each match within one block (Vale matches a block alone)."""
        return [(lo + m.start(), lo + m.end(), lo, m)
                for lo, m in block_matches(self.regex, doc, [unit[:2]], self.rule.id)]

    def _judge(self, doc, index, start, end):
        """The finding for swap key ``index`` matched at [start, end), unless the text is already right."""
        rule = self.rule
        observed = doc.text[start:end]  # as matched: Vale no longer trims it ("vs " in the message)
        if not observed.strip():
            return
        good = self.expected(index, observed)
        # With a replace action the replacement is text, one option per '|'; else a pattern (Vale #1038).
        same = observed in _options(good) if self.replace else _same(good, observed, rule.id)
        if same or excepted(self.except_re, observed, rule.id):
            return
        if rule.in_scope(doc, start, end):
            yield self._finding(doc, start, end, observed, good)

    def _finding(self, doc, start, end, observed, good):
        rule = self.rule
        message = rule.message
        choices = _options(good) if self.replace else good.split("|")
        shown = good
        if self.choose:
            if rule["capitalize"] and observed == cap_first(observed):
                choices = [cap_first(c) for c in choices]
            shown = to_sentence(choices)
            message = _message_for_choices(message)
        elif not self.replace:
            shown = choices[0] = _recased(good, observed)
        text = _format(message, shown, observed)
        end = start + len(observed.rstrip())  # the fix replaces the text, not the space matched after it
        if rule.id == "Vale.Terms" and not is_phrase(shown):  # a vocabulary pattern: nothing to put in its place
            return rule.finding(doc, start, end, text)
        sentence = doc.sentence_at(start)
        if observed[:1].isupper() and (sentence is None or sentence.start == start):
            # The message is Vale's; the fix keeps a sentence's capital ("It is" -> "It's", not "it's").
            choices = [cap_first(c) for c in choices]
        if len(choices) <= 1:
            new = choices[0] if choices else ""
            # A suggestion written for a person ("chair(s)", "member(s) of congress") is no text to put in
            # the copy: shown, never applied.
            notation = Applicability.DISPLAY if _NOTATION.search(new) else None
            return rule.finding(doc, start, end, text, [Edit(start, end, new)], notation,
                                fix_title=f"Replace with '{new}'" if new else "Delete it")
        return rule.finding(doc, start, end, text, [Edit(start, end, choices[0])], Applicability.DISPLAY)


def _template(replacement: str, compiled) -> tuple:
    """A replacement read as .NET reads a substitution template (Vale's regexp2 Replace): text, and the
    number or name of a group where ``$1``, ``${name}`` stands (``$&``: the whole match, ``$$``: "$");
    a ``$5`` naming no group of the pattern stays as written, and so does a backslash."""
    parts: list = []
    at = 0
    for m in _SUBSTITUTION.finditer(replacement):
        parts.append(replacement[at:m.start()])
        number, name, dollar, _ = m.groups()
        ref = name if name is not None and not name.isdigit() else int(number or name or 0)
        if dollar:
            parts.append("$")
        elif number is None and name is None:
            parts.append(0)  # $&
        elif ref in compiled.groupindex or isinstance(ref, int) and ref <= compiled.groups:
            parts.append(ref)
        else:
            parts.append(m.group())
        at = m.end()
    parts.append(replacement[at:])
    return tuple(parts)


def _expand(parts: tuple, m) -> str:
    """The text :func:`_template`'s ``parts`` give for the match ``m`` (a group that took no part: "")."""
    return "".join(p if isinstance(p, str) else (m.group(p) or "") for p in parts)


def _recased(term: str, observed: str) -> str:
    """Vale's recaseToTerm (#997): a replacement that is a pattern for one spelling (``OAuth2?``) shown as
    that spelling when it is the matched text in another case; otherwise the replacement as written."""
    out, i = [], 0
    while i < len(term):
        c = term[i]
        if c == "\\":
            if i + 1 >= len(term):
                return term
            out.append(term[i + 1])
            i += 2
            continue
        if c in "[](){}|.*+^$":
            return term
        if c != "?":
            out.append(c)
        i += 1
    skeleton = "".join(out)
    return skeleton if skeleton and skeleton.lower() == observed.lower() else term


def _options(replacement: str) -> list[str]:
    """Vale's getOptions: a replacement's choices, split at each '|' not written '\\|', blanks left out."""
    return [part.replace("\0", "|") for part in replacement.replace("\\|", "\0").split("|") if part]


@lru_cache(maxsize=256)
def _as_pattern(expected: str):
    """A replacement read as a pattern (None when it is not one)."""
    try:
        return compile_pattern(f"(?:{expected})", where="replacement")
    except RuleError:
        return None


def _same(expected: str, observed: str, rule_id: str) -> bool:
    """Vale's matchToken: whether the replacement, as a pattern, matches the text whole."""
    compiled = None if is_phrase(expected) else _as_pattern(expected)
    if compiled is None:
        return expected == observed
    return fullmatch(compiled, observed, rule_id) is not None


def _format(message: str, *args: str) -> str:
    for arg in args:
        if "%s" not in message:
            break
        message = message.replace("%s", arg, 1)
    return message
