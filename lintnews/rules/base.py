"""What every rule shares: its keys, validation, scope and quotation handling.

A rule is an instance of a *kind* (``lintnews/rules/kinds/<kind>.py``) built from
one YAML file. The kind declares its own keys in ``OPTIONS``; the keys below
are shared by all. Loading is strict: an unknown key, a wrong type or a bad
value is a one-line :class:`RuleError` naming the file and the rule.
"""

from __future__ import annotations

from typing import Any, Iterator

from ..errors import RuleError
from ..findings import Applicability, Edit, Finding, Fix, Severity
from ..read.document import Document
from . import budget, rule_checks, vale_scopes
from .patterns import compile_pattern
from .schema import Option, Schema
from .vale import code_points, is_vale_rule, merged_mapping, other_kinds_keys

# Letters in the longest token a word-level rule judges. A longer one is no word anyone misspelled
# (a pasted hash, a keyboard run), and judging it costs work by the square of its length (one-letter
# edits by the thousand, every split into two words).
MAX_WORD = 50

SCOPES = ("text", "body", "title", "heading", "paragraph", "sentence")
# Vale's scope names that mean one of ours in an article ("heading.h1" -> heading).
VALE_SCOPES = {"raw": "text", "summary": "text", "list": "paragraph", "blockquote": "paragraph",
               "alt": "text", "table": "paragraph"}


# Vale's negated scopes, read as the nearest of ours until scopes are read as Vale reads them.
VALE_NEGATED = {"heading": "paragraph", "title": "body"}


def _scope_name(scope: str) -> str:
    if "&" in scope:  # Vale's "heading & ~heading.h1": read as its first part for now
        parts = [p.strip() for p in scope.split("&") if p.strip()]
        scope = next((p for p in parts if not p.startswith("~")), parts[0] if parts else "text")
    if scope.startswith("~"):
        return VALE_NEGATED.get(scope[1:].split(".")[0], "text")
    base = scope.split(".")[0]
    return VALE_SCOPES.get(base, base)

SHARED = Schema({
    "extends": Option("str", required=True, help="the kind of check this rule is"),
    "message": Option("str", required=True, help="what the user reads; %s is the matched text"),
    "level": Option("str", "warning", "error, warning or suggestion", choices=("error", "warning", "suggestion")),
    "description": Option("str", "", "why the rule exists, shown by `lintnews rules show`"),
    "link": Option("str", "", "where to read more"),
    "scope": Option("str|list", "text", "where the rule looks: " + ", ".join(SCOPES) + "; a rule in Vale's format "
                                        "takes Vale's scopes (heading.h2, list, blockquote, table.cell, alt, raw, ~, &)"),
    "quotes": Option("str", None, "skip: never flag inside quotations (any marks, stripped marks, block quotes, "
                                  "[sic]); include: flag there, a word-level rule as a suggestion; check: flag there "
                                  "at the rule's level (a fix there is never safe); default: the kind's, and check "
                                  "for a rule in Vale's format", choices=("skip", "include", "check")),
    "posts": Option("str", None, "skip: never flag inside embedded social-media posts, which are quoted as posted; "
                                 "include: flag there, a word-level rule as a suggestion; check: flag there at the "
                                 "rule's level; unset: a word-level rule does not (a rule in Vale's format does), "
                                 "others do", choices=("skip", "include", "check")),
    "fix": Option("str", None, "override the fix: safe, unsafe, display or none", choices=("safe", "unsafe", "display", "none")),
    "limit": Option("int", 0, "report at most this many findings per article (0: no limit)"),
    "enabled": Option("bool", True, "false: the rule runs only when selected by its full id (extend-select), "
                                    "or by its style's name when no rule of the style is on by default"),
    "languages": Option("list", [], "the article languages the rule applies to (en-US, en-GB); empty: all"),
    "action": Option("dict", None, "Vale's editor hint; accepted for compatibility"),
    "vocab": Option("bool", None, "Vale's: whether accepted vocabulary is an exception (it always is here)"),
    "examples": Option("dict", None, "bad, good and fixed examples (lists of text)"),
    "tests": Option("records", None, "Vale's test cases for `vale test` (Vale 3.24); not read when linting"),
})


class Rule:
    """Base class of every kind. Subclasses set the class attributes below."""

    name: str = ""
    summary: str = ""
    OPTIONS: dict[str, Option] = {}
    PARTS: dict = {}  # title -> Schema of a nested mapping (a pattern, a token), shown by `lintnews kinds KIND`
    default_quotes = "skip"
    default_fix: Applicability | None = None  # None: the kind never fixes
    # What the kind's fixes change, which decides what they may do in text quoted as written
    # (run/protect.py): "words" (editorial choices: spelling, case, wording), "damage" (scraper
    # damage that changes a word's form: a lost apostrophe or break), "encoding" (bytes only:
    # mojibake, invisible characters, no-break spaces), "spacing", "blocks" (whole paragraphs),
    # "claims" (not about words). None: "words" if the kind fixes, else "claims".
    fix_nature: str | None = None
    # True for a rule the configuration asked for by naming its data (a vocab reject list, a
    # LanguageTool server): run/selection.py keeps it whatever `select` says, unless an ignore names it.
    configured: bool = False
    # Configured rules this one reports the same data for (Vale.Avoid: the reject list Vocab.Rejected
    # reads): when this one is selected, they are not added by themselves (run/selection.py).
    covers: frozenset = frozenset()
    # How many %s of the message the kind fills (None: the kind numbers its own), and the verbs it fills.
    MESSAGE_FILLS: int | None = 1
    MESSAGE_VERBS = "s"
    # Keys Vale decodes into one mapping, where a list of mappings is merged (see ``vale_decoded``).
    VALE_MAPPINGS: tuple[str, ...] = ()

    def __init__(self, rule_id: str, spec: dict, path: str, vale: bool | None = None):
        self.id = rule_id
        self.load_warnings: list[str] = []  # what the loader reports about a rule that loads (a kind not supported)
        self.path = path
        # Whether the file is in Vale's format, decided once, by the keys (decoding keeps them): by the
        # loader (``vale``), which also needs it to tell which kind a renamed kind's name means.
        self.vale = is_vale_rule(self.name, spec) if vale is None else vale
        if self.vale:
            if "code" in spec:  # check/definition.go validateDefinition
                self.fail("key 'code' is no longer Vale's: use 'scope: raw' to read code (Vale refuses it too)")
            spec = self.vale_decoded(spec)
            stray = other_kinds_keys(self.name, spec)
            if stray:
                spec = {k: v for k, v in spec.items() if k not in stray}
                self.load_warnings.append(", ".join(f"key '{k}'" for k in stray) + f" is not a key of kind "
                                          f"'{self.name}': ignored, as Vale ignores it")
        self.values: dict[str, Any] = self.schema().validate(spec, self.fail, context=f" for kind '{self.name}'",
                                                                     weak=self.vale)
        self.given = frozenset(spec)  # the keys the rule file sets (its page lists those, not computed values)
        # A rule in Vale's format behaves as Vale's own: it looks inside quotations (rules/vale.py).
        if self.vale:
            for key in ("quotes", "posts"):
                if self.values[key] is None:
                    self.values[key] = "check"
        # The shared keys, typed.
        self.message: str = self.values["message"]
        self.description: str = (self.values["description"] or "").strip()
        self.link: str = self.values["link"]
        self.severity = Severity(self.values["level"])
        self.limit: int = self.values["limit"]
        self.enabled: bool = self.values["enabled"]
        self.languages: tuple[str, ...] = tuple(str(x) for x in self.values["languages"])
        self._check_values()
        scopes = self.values["scope"]
        scopes = (scopes,) if isinstance(scopes, str) else tuple(str(s) for s in scopes)
        if self.vale:  # Vale's scopes, read as Vale reads them (rules/vale_scopes.py)
            for scope in scopes:
                if vale_scopes.problem(scope):
                    self.fail(f"key 'scope': {vale_scopes.problem(scope)}")
            self.scopes = tuple(dict.fromkeys(scopes))
            self.vale_scope = vale_scopes.parse(self.scopes)
            # Vale's raw scope: the file's text as it stands, markup and all
            self.raw = any(not p.negated and "raw" in p.sections for conj in self.vale_scope for p in conj)
        else:
            for scope in scopes:
                if _scope_name(scope) not in SCOPES:
                    self.fail(f"key 'scope': {rule_checks.unknown_scope(scope, SCOPES + tuple(VALE_SCOPES))}")
            self.scopes = tuple(dict.fromkeys(_scope_name(s) for s in scopes))
            self.raw = False
        self.skip_quotes = (self.values["quotes"] or self.default_quotes) == "skip"
        self.skip_posts = (self.values["posts"] or "include") == "skip"
        fix = self.values["fix"]
        if fix == "none":
            self.applicability = None
        elif fix is not None:
            self.applicability = Applicability(fix)
        else:
            self.applicability = self.default_fix
        self._check_examples()
        self.compile()

    # ------------------------------------------------------------ to override
    def compile(self) -> None:
        """Build matchers once from ``self.values``."""

    def check(self, doc: Document) -> Iterator[Finding]:
        raise NotImplementedError

    def review(self, findings: list[Finding]) -> list[Finding]:
        """See every rule's findings on a document; a backend drops those it repeats."""
        return findings

    def take_problems(self) -> list[str]:
        """Warnings about the rule itself (a backend that is down), each reported once."""
        return []

    # --------------------------------------------------------------- helpers
    @classmethod
    def schema(cls) -> Schema:
        """The keys a rule of this kind takes: the shared ones and the kind's own."""
        return SHARED | cls.OPTIONS

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    @property
    def nature(self) -> str:
        """What the rule's fixes change (see ``fix_nature``)."""
        if self.fix_nature is not None:
            return self.fix_nature
        return "words" if type(self).default_fix is not None else "claims"

    @property
    def can_fix(self) -> bool:
        """Whether the rule's findings may carry a fix that ``fix`` applies (safe, or unsafe on request)."""
        return self.applicability in (Applicability.SAFE, Applicability.UNSAFE)

    def applies_to(self, language: str | None) -> bool:
        """Whether the rule runs on articles in ``language`` (None: any)."""
        return language is None or not self.languages or language in self.languages

    @property
    def examples(self) -> dict[str, list[str]]:
        ex = self.values["examples"] or {}
        return {k: list(ex.get(k) or []) for k in ("bad", "good", "fixed")}

    def vale_decoded(self, spec: dict) -> dict:
        """A rule file in Vale's format as Vale's decoder reads it (mapstructure, weakly typed input), for each
        key of ``VALE_MAPPINGS``: a list of mappings is merged into one, later entries winning (Datadog's
        ``- pattern: replacement`` items); no mapping, or one with its entries commented out, is an empty
        one; an entry with no value ("SUSE Linux Enterprise Storage:") has ""."""
        for key in self.VALE_MAPPINGS:
            value = merged_mapping(spec.get(key))
            if isinstance(value, (dict, type(None))):
                spec = {**spec, key: {k: "" if v is None else v for k, v in (value or {}).items()}}
        return spec

    def fail(self, problem: str):
        raise RuleError(self.path, f"rule {self.id}: {problem}")

    def pattern(self, source: str, key: str, flags: int = 0):
        if self.vale:
            source = code_points(source)  # regexp2's \x{2018}
        return compile_pattern(source, where=self.path, rule_id=self.id, key=key, flags=flags)

    def _check_values(self) -> None:
        """The shared keys' values that their types let through (rules/rule_checks.py)."""
        for code in self.languages:
            if rule_checks.language(code):
                self.fail(rule_checks.language(code))
        error, warning = rule_checks.limit(self.limit, self.vale)
        if error:
            self.fail(error)
        if warning:
            self.load_warnings.append(warning)
        problem = rule_checks.message(self.message, self.MESSAGE_FILLS, self.MESSAGE_VERBS, self.name)
        if problem and not self.vale:
            self.fail(problem)
        if problem:  # Vale loads any message (rules/rule_checks.py)
            self.load_warnings.append(f"{problem}; it loads, as in Vale, and shows the placeholder as it stands")

    def _check_examples(self) -> None:
        ex = self.values["examples"]
        if ex is None:
            return
        for key, value in ex.items():
            if key not in ("bad", "good", "fixed"):
                self.fail(f"key 'examples': unknown entry '{key}' (use bad, good, fixed)")
            if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                self.fail(f"key 'examples.{key}' must be a list of strings")
        if ex.get("fixed") and len(ex["fixed"]) != len(ex.get("bad") or []):
            self.fail("key 'examples': 'fixed' must have one entry per 'bad' example")

    def format_message(self, *args: str, template: str | None = None) -> str:
        """The rule's message (or ``template``, another message key's) with ``args`` in its ``%s``."""
        msg = self.message if template is None else template
        for arg in args:
            if "%s" not in msg:
                break
            msg = msg.replace("%s", _clipped(str(arg)), 1)
        return msg

    def in_scope(self, doc: Document, start: int, end: int) -> bool:
        """Whether a match at [start, end) is one this rule may report."""
        budget.check()  # every rule weighs its candidates here: where a run out of time stops it
        if self.vale:
            return self._in_vale_scope(doc, start, end)
        block = doc.block_at(start)
        if block is None or end > block.end:
            return False  # matches never span paragraphs
        if doc.skip_zones and doc.in_skip_zone(start, end):
            return False
        if self.skip_quotes and doc.in_quote(start, end):
            return False
        if self.skip_posts and doc.in_post(start):
            return False
        kind = block.kind
        for scope in self.scopes:
            if scope == "text":
                return True
            if scope == "body" and kind != "title" and block.kind != "field":  # a front matter field is no body
                return True
            if scope == "title" and kind == "title":
                return True
            if scope == "heading" and kind in ("title", "heading"):
                return True
            if scope == "paragraph" and kind == "paragraph":
                return True
            if scope == "sentence" and kind == "paragraph":
                sentence = doc.sentence_at(start)
                if sentence is not None and end <= sentence.end:
                    return True
        return False

    def _in_vale_scope(self, doc: Document, start: int, end: int) -> bool:
        """In a block the rule's Vale scope selects (anywhere for ``raw``), off markup but in a code span it
        selects, and out of quotations and posts when the rule says so."""
        names = vale_scopes.unit_at(self, doc, start, end)
        if names is None:
            return False
        if "raw" in names:
            return True
        if (names.isdisjoint(vale_scopes.READS_SKIPPED)
                and doc.skip_zones and doc.in_skip_zone(start, end)
                and not vale_scopes.in_read_code(doc, start, end)):
            return False
        if self.skip_quotes and doc.in_quote(start, end):
            return False
        return not (self.skip_posts and doc.in_post(start))

    def finding(
        self,
        doc: Document,
        start: int,
        end: int,
        message: str,
        edits: list[Edit] | None = None,
        applicability: Applicability | None = None,
        fix_title: str = "",
    ) -> Finding:
        fix = None
        if edits is not None and self.applicability is not None:
            # The rule's `fix:` key (or the kind's default) sets the level; the kind's judgement
            # of one finding can only lower it ("12.500" is unsafe even in a `fix: safe` rule).
            chosen = self.applicability
            if applicability is not None and _CAUTION[applicability] > _CAUTION[chosen]:
                chosen = applicability
            fix = Fix(tuple(sorted(edits)), chosen, fix_title)
        if self.vale:
            message = message.replace("\n", " ")  # as Vale shows a message: one line (its spaces kept, as Vale since March 2025)
        return Finding(
            rule_id=self.id,
            severity=self.severity,
            start=start,
            end=end,
            message=message,
            text=doc.text[start:end],
            fix=fix,
        )


_CAUTION = {Applicability.SAFE: 0, Applicability.UNSAFE: 1, Applicability.DISPLAY: 2}


def preserve_case(template: str, replacement: str) -> str:
    """Give ``replacement`` the capitalisation pattern of ``template``."""
    letters = [c for c in template if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters) and replacement.lower() == replacement:
        return replacement.upper()
    if letters and letters[0].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def shown(value: str, most: int = 60) -> str:
    """Text a fix deletes, quoted for its title ("Delete the line 'Read more: ...'"): one line, clipped."""
    return "'" + _clipped(" ".join(value.split()), most) + "'"


def _clipped(value: str, most: int = 160) -> str:
    """A value as a message shows it: a long match (a runaway regex's 5,000 characters) by its two ends.
    The finding's own span and text keep the whole match."""
    if len(value) <= most:
        return value
    half = most // 2 - 1
    return f"{value[:half]}\u2026{value[-half:]}"
