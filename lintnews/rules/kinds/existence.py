"""existence: words or patterns that should not appear (Vale's kind of that name)."""

from __future__ import annotations

from ...errors import RuleError
from ...findings import Applicability, Edit
from ..base import Option, Rule
from ..anchored import finder, heads, matches_from, readable
from ..patterns import finditer, word_alternation
from ..vale import exceptions_pattern, excepted, word_pattern
from .. import vale_scopes
from ..vale_rendered import read


class Existence(Rule):
    name = "existence"
    summary = "Flags words or patterns that should not appear."
    OPTIONS = {
        "tokens": Option("words", [], "words or regex fragments to flag, matched as whole words"),
        "raw": Option("words", [], "regex fragments joined as they are into one pattern"),
        "ignorecase": Option("bool", False, "match regardless of case"),
        "nonword": Option("bool", False, "do not require word boundaries around tokens"),
        "exceptions": Option("words", [], "matched texts to accept (in Vale's format: patterns looked for in the "
                                           "matched text)"),
        "append": Option("bool", False, "in Vale's format: put raw after the tokens, not before"),
    }
    default_fix = Applicability.UNSAFE

    def compile(self):
        tokens, raw = self["tokens"], self["raw"]
        if not tokens and not raw:
            self.fail("needs 'tokens' or 'raw'")
        self._compile_action()
        self.lower_regex = None
        if self.vale:
            self._compile_vale([str(t) for t in tokens if str(t).strip()], [str(r) for r in raw])
            return
        for token in tokens:
            self.pattern(str(token), "tokens")  # a bad token is named by itself, not inside the joined pattern
        parts = []
        if tokens:
            parts.append(word_alternation([str(t) for t in tokens], nonword=self["nonword"], ignorecase=False))
        if raw:
            parts.append("".join(str(r) for r in raw))
        source = "|".join(f"(?:{p})" for p in parts)
        self.regex = self.pattern(("(?i)" if self["ignorecase"] else "") + source, "tokens")
        # Lower-case tokens, ignoring case: the same pattern, case-sensitive, over the article in lower
        # case finds the same matches a fifth faster (no case folding at each position).
        if self["ignorecase"] and tokens and not raw and all(_caseless(str(t)) for t in tokens):
            self.lower_regex = self.pattern(source, "tokens")
        # Tokens that each open with plain words ("critics say", "(?:many|some) fear") are matched only
        # where those words stand (rules/anchored.py), not tried at every position.
        self.heads = finder(heads([str(t) for t in tokens])) if self.lower_regex is not None else None
        fold = str.lower if self["ignorecase"] else str
        self.exceptions = {fold(str(e)) for e in self["exceptions"]}
        self.fold = fold

    def _compile_vale(self, tokens, raw):
        """Vale's one pattern (rules/vale.py) and its exceptions.

        The tokens are checked inside the joined pattern only, as Vale compiles them: a token's
        back-reference may name a group an earlier token opened (``(.)\\1`` then ``(.)\\2``). Only
        when the joined pattern fails is a token that fails by itself named. A ``nonword`` rule takes
        no exceptions from the vocabulary (check/existence.go: accepted words would excuse any span
        that merely contains one)."""
        source = word_pattern(tokens, raw, word=not self["nonword"] and bool(tokens),
                              ignorecase=self["ignorecase"], append=self["append"])
        try:
            self.regex = self.pattern(source, "tokens" if tokens else "raw")
        except RuleError:
            for token in tokens:
                self.pattern(token, "tokens")
            raise
        if self["nonword"]:
            self.values["vocab"] = False
        self.except_re = exceptions_pattern(self["exceptions"], self.path, self.id)

    def _compile_action(self):
        action = self["action"] or {}
        self.action = action.get("name")
        params = action.get("params") or []
        self.replacement = str(params[0]) if self.action == "replace" and params else None
        self.suggest = None  # a suggest action's Tengo script (Vale's check/action.go), parsed
        self.suggested: dict[str, list[str]] = {}  # its suggestions by matched text, once each
        if self.action == "suggest" and params and str(params[0]).endswith(".tengo"):
            from ..tengo import ScriptError, parse
            from .script import script_file

            try:
                self.suggest = parse(script_file(self, str(params[0]), "actions", "action"), predefined=("match",))
            except ScriptError as exc:
                self.fail(f"key 'action': script does not parse: {exc}")
            except RecursionError:
                self.fail("key 'action': script does not parse: nested too deeply")
        elif self.action not in ("remove", "replace"):
            self.applicability = None  # nothing to apply: the rule only reports

    def _matches(self, doc):
        """(start, end, matched text or None) of each match, in text order; the matched text is given when
        Vale reads it from a Markdown block's rendered text and the file does not have it there as written."""
        if not self.vale:
            lower = doc.lower_text if self.lower_regex is not None and readable(doc.text, doc.lower_text) else None
            compiled, text = (self.regex, doc.text) if lower is None else (self.lower_regex, lower)
            places = None if lower is None or self.heads is None else \
                self.heads.places(doc.text, lower, bounded=not self["nonword"])
            matches = finditer(compiled, text, self.id) if places is None else matches_from(compiled, text, self.id, places)
            for m in matches:
                if not self.fold(doc.text[m.start():m.end()]) in self.exceptions:
                    yield *m.span(), None
            return
        # Each block read as Vale reads it (a Markdown block's inline markup left out); a paragraph's
        # sentences only where they could find what the paragraph does not (rules/vale_scopes.py pruned).
        same = vale_scopes.edge_free_pattern(self.regex)
        yield from vale_scopes.pruned(self, doc, lambda unit: self._block(read(doc, unit)), same)

    def _block(self, block) -> list[tuple[int, int, str | None]]:
        out = []
        for m in finditer(self.regex, block.text, self.id):
            if not excepted(self.except_re, m.group(), self.id):
                start, end, as_written, probe = block.place(*m.span())
                if as_written:
                    out.append((start, end, None))
                elif self.in_scope(block.doc, *probe):
                    out.append((start, end, m.group()))
        return out

    def check(self, doc):
        text = doc.text
        for start, end, shown in self._matches(doc):
            if start == end:
                continue
            if shown is not None:  # markup inside the match (its scope checked): as Vale reports it, no fix
                yield self.finding(doc, start, end, self.format_message(shown), None)
                continue
            if not self.in_scope(doc, start, end):
                continue
            edits = None
            if self.action == "remove":
                # Take one neighbouring space with the words, so no double space is left.
                if end < len(text) and text[end] == " ":
                    end_edit, start_edit = end + 1, start
                elif start > 0 and text[start - 1] == " ":
                    end_edit, start_edit = end, start - 1
                else:
                    end_edit, start_edit = end, start
                edits = [Edit(start_edit, end_edit, "")]
            elif self.replacement is not None:
                edits = [Edit(start, end, self.replacement)]
            elif self.suggest is not None:
                edits = self._suggested(start, end, text[start:end])
            yield self.finding(doc, start, end, self.format_message(text[start:end]), edits)

    def _suggested(self, start: int, end: int, matched: str):
        """The edit of the action script's first suggestion for the matched text (none: no fix); a script
        that fails is an error naming the rule file for this article."""
        from ..tengo import ScriptError, suggestions

        offered = self.suggested.get(matched)  # the script's answer depends on the matched text alone
        if offered is None:
            try:
                offered = suggestions(self.suggest, matched, rule_id=self.id)
            except ScriptError as exc:
                raise RuleError(self.path, f"rule {self.id}: action script failed: {exc}") from None
            if len(self.suggested) < 1000:
                self.suggested[matched] = offered
        return [Edit(start, end, offered[0])] if offered and offered[0] != matched else None


def _caseless(token: str) -> bool:
    """Whether a token matches the same in a lower-cased text without ignoring case: ASCII with no
    capital (so no ``\\S``, ``\\W`` or ``\\P``). Lower-casing keeps every offset (``Document.lower_text``
    is None otherwise) and a letter's class; the one character ignoring case reads as an ASCII
    letter that ``str.lower`` leaves alone, the long s ("ſ" as "s"), sends the article to the
    pattern that ignores case."""
    return token.isascii() and token == token.lower()
