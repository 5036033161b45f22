"""The LanguageTool backend: grammar and spelling findings from a LanguageTool server.

Configured by the ``languagetool`` key of the configuration::

    languagetool:
      url: http://localhost:8081        # required; the server (with or without /v2)
      language: en-US                   # default: the configuration's language
      disabled-rules: [WHITESPACE_RULE]
      enabled-rules: []
      disabled-categories: []
      enabled-categories: [STYLE]
      timeout: 5                        # seconds per request
      quotes: skip                      # skip (default) or include direct quotations
      overlaps: {EN_QUOTES: News.Quotes} # LanguageTool rule id -> lintnews rule id(s)

:func:`backend_rule` validates those options and returns a
:class:`LanguageToolRule` (id ``LanguageTool``, kind ``languagetool``). Its
``check`` sends each body block (every block but the title) to the server's
``/v2/check`` once, and reports each match as a finding with rule id
``LanguageTool.<RULE_ID>``.

The HTTP client is :mod:`.client`; the options are :mod:`.options`.

Behaviour:

* **Offsets.** LanguageTool counts UTF-16 code units; they are converted to
  Python code points per block, so text with emoji before (or inside) a match
  maps to the right span.
* **Severity** from the rule's ``issueType``: misspelling, grammar and other
  errors of meaning (:data:`WARNING_ISSUE_TYPES`) are warnings; style,
  typography, whitespace, register and anything else are suggestions.
* **Fixes.** Exactly one replacement: an ``unsafe`` fix (applied only with
  ``--unsafe-fixes``). Several: a ``display`` fix showing the first (the
  server's best guess; the others in the fix title), never applied, since a
  spelling suggestion list is a guess. None: no fix.
* **Cache.** Answers are cached process-wide by server, request parameters and
  block text, as offsets relative to the block; a repeated paragraph, a second
  article with the same paragraph and the re-checks of ``fix`` passes cost no
  request.
* **Markup.** A block that overlaps skip zones (Markdown markup, code, URLs)
  is sent as LanguageTool annotated text (``data=``) with those zones as
  markup, which LanguageTool ignores but keeps offsets for. Matches touching
  skip zones or (with ``quotes: skip``) direct quotations are dropped, as for
  every rule.
* **Outage.** The first failed request (connection refused, timeout, HTTP
  error, bad JSON) adds one message naming the URL to ``rule.problems`` and
  turns the backend off for the rest of the run (this process): no further
  requests, no findings, no exception; every other rule still runs.
"""

from __future__ import annotations

import dataclasses
import json
import threading
from collections.abc import Iterable, Iterator, Mapping

from ....findings import Applicability, Edit, Finding, Fix, Severity
from ....read.document import Block, Document
from ...base import Rule
from . import client, local
from .client import Match, ServerProblem, clear_cache, utf16_to_index  # noqa: F401 (part of this module's API)
from .options import CONFIG_KEY, BackendOptions, parse_options  # noqa: F401

RULE_ID = "LanguageTool"
KIND = "languagetool"

WARNING_ISSUE_TYPES = frozenset({
    "misspelling", "grammar", "duplication", "inconsistency", "mistranslation", "omission",
    "addition", "untranslated", "terminology", "legal", "non-conformance", "characters",
})

# LanguageTool rules that do what a built-in lintnews rule does: their matches are
# dropped where a finding of that rule (id or prefix) overlaps them.
DEFAULT_OVERLAPS: dict[str, tuple[str, ...]] = {
    "ENGLISH_WORD_REPEAT_RULE": ("News.DoubledWord",),
    "WHITESPACE_RULE": ("News.MultipleSpaces",),
    "CONSECUTIVE_SPACES": ("News.MultipleSpaces",),
    "UPPERCASE_SENTENCE_START": ("News.ParagraphStart",),
}


# ------------------------------------------------------------------ the rule
class _State:
    """The server's state in this process: down after the first failed request, and the problems to report."""

    def __init__(self):
        self.down = False
        self.problems: list[str] = []
        self.lock = threading.Lock()

    def __getstate__(self):
        """A copy sent to another process (a Dask worker, ``lintnews batch``) starts afresh there."""
        return {}

    def __setstate__(self, state):
        self.__init__()


class LanguageToolRule(Rule):
    name = KIND
    summary = "grammar and spelling from a LanguageTool server"
    default_quotes = "skip"
    default_fix = Applicability.UNSAFE
    configured = True  # configured by naming a server: runs whatever `select` says, unless ignored

    def __init__(self, options: BackendOptions, where: str):
        self.options = options
        self.where = where
        self._state = _State()
        self._overlaps = {**DEFAULT_OVERLAPS, **dict(options.overlaps)}
        super().__init__(RULE_ID, {
            "extends": KIND,
            "message": "%s",
            "level": "warning",
            "scope": "body",
            "quotes": options.quotes,
            "description": (
                f"Grammar, spelling and style from the LanguageTool server at {options.url} "
                f"({options.language}). Findings are reported as LanguageTool.<RULE_ID>; "
                "misspellings and grammar are warnings, style and typography suggestions; "
                "a single replacement is an unsafe fix, several are shown only."),
            "link": "https://languagetool.org/http-api/",
        }, where)

    @property
    def problems(self) -> list[str]:
        """One message per outage of this rule's server in this run (``path: ...``); empty: all well."""
        return self._state.problems

    @property
    def down(self) -> bool:
        return self._state.down

    @property
    def endpoint(self) -> str:
        return self.options.url + "/v2/check"

    @property
    def status(self) -> str:
        return status(self)

    # ------------------------------------------------------------- requests
    def _ask(self, text: str, annotation: list[dict] | None) -> tuple[Match, ...] | None:
        form = self.options.params()
        if annotation is None:
            form["text"] = text
        else:
            form["data"] = json.dumps({"annotation": annotation}, ensure_ascii=False)
        hit = client.cached(self.options.url, form)
        if hit is not None:
            return hit
        if self._state.down:
            return None
        try:
            return client.check(self.options.url, form, text, self.options.timeout)
        except ServerProblem as exc:
            self._fail(str(exc))
            return None

    def _fail(self, problem: str) -> None:
        state = self._state
        with state.lock:
            state.down = True
            message = (f"{self.where}: LanguageTool server {self.options.url} {problem}; "
                       "LanguageTool checks skipped")
            if message not in state.problems:
                state.problems.append(message)

    def take_problems(self) -> list[str]:
        """The outage messages recorded since the last call (for a worker process to hand back)."""
        state = self._state
        with state.lock:
            out = list(state.problems)
            state.problems.clear()
        return out

    # ---------------------------------------------------------------- check
    def _annotation(self, doc: Document, block: Block) -> list[dict] | None:
        zones = [(max(s, block.start), min(e, block.end)) for s, e in doc.skip_zones
                 if s < block.end and block.start < e]
        if not zones:
            return None
        parts: list[dict] = []
        pos = block.start
        for s, e in zones:
            if s > pos:
                parts.append({"text": doc.text[pos:s]})
            parts.append({"markup": doc.text[s:e]})
            pos = e
        if pos < block.end:
            parts.append({"text": doc.text[pos:block.end]})
        return parts

    def check(self, doc: Document) -> Iterator[Finding]:
        for block in doc.blocks:
            if block.kind == "title" or block.value is not None or block.end <= block.start:
                continue
            text = doc.text[block.start:block.end]
            if not text.strip():
                continue
            matches = self._ask(text, self._annotation(doc, block) if doc.skip_zones else None)
            if matches is None:
                return  # the server is down: one problem recorded, no more requests
            for m in matches:
                start, end = block.start + m.start, block.start + m.end
                if end > block.end or not self.in_scope(doc, start, end):
                    continue
                yield self._finding(doc, m, start, end)

    def _finding(self, doc: Document, m: Match, start: int, end: int) -> Finding:
        # By the match's issue type; a severity set in the configuration replaces it (run.selection).
        severity = Severity.WARNING if m.issue_type in WARNING_ISSUE_TYPES else Severity.SUGGESTION
        fix = None
        if m.replacements:
            first = m.replacements[0]
            if len(m.replacements) == 1:
                fix = Fix((Edit(start, end, first),), Applicability.UNSAFE, f"Replace with '{first}'")
            else:
                others = ", ".join(f"'{r}'" for r in m.replacements[1:4])
                more = ", ..." if len(m.replacements) > 4 else ""
                fix = Fix((Edit(start, end, first),), Applicability.DISPLAY,
                          f"Replace with '{first}' (or {others}{more})")
        return Finding(
            rule_id=f"{RULE_ID}.{m.rule_id}",
            severity=severity,
            start=start,
            end=end,
            message=m.message,
            text=doc.text[start:end],
            fix=fix,
        )

    # ------------------------------------------------------------- overlaps
    def review(self, findings: list[Finding]) -> list[Finding]:
        return self.drop_overlaps(findings)

    def drop_overlaps(self, findings: list[Finding]) -> list[Finding]:
        """All of one document's ``findings``, less LanguageTool's that repeat ours."""
        ours = [f for f in findings if not is_languagetool(f)]
        theirs = [f for f in findings if is_languagetool(f)]
        if not theirs:
            return findings
        kept = {id(f) for f in drop_overlaps(theirs, ours, self._overlaps)}
        return [f for f in findings if not is_languagetool(f) or id(f) in kept]


def is_languagetool(finding: Finding) -> bool:
    return finding.rule_id.startswith(RULE_ID + ".")


def drop_overlaps(lt_findings: Iterable[Finding], our_findings: Iterable[Finding],
                  overlaps: Mapping[str, Iterable[str]] | None = None) -> list[Finding]:
    """The LanguageTool findings that do not repeat a lintnews finding.

    One is dropped when a lintnews finding has exactly its span, or when its
    LanguageTool rule id is in ``overlaps`` (default :data:`DEFAULT_OVERLAPS`)
    and a finding of a mapped lintnews rule (id or prefix) overlaps its span.
    """
    overlaps = DEFAULT_OVERLAPS if overlaps is None else overlaps
    ours = list(our_findings)
    spans = {(f.start, f.end) for f in ours}
    out = []
    for f in lt_findings:
        if (f.start, f.end) in spans:
            continue
        lt_rule = f.rule_id[len(RULE_ID) + 1:] if is_languagetool(f) else f.rule_id
        targets = tuple(overlaps.get(lt_rule, ()))
        if targets and any(
            o.rule_id.startswith(t) and o.start < max(f.end, f.start + 1) and f.start < max(o.end, o.start + 1)
            for o in ours for t in targets
        ):
            continue
        out.append(f)
    return out


# ------------------------------------------------------------------ entry points
def backend_rule(options: dict, where: str, default_language: str = "en-US", start: bool = True) -> LanguageToolRule:
    """The LanguageTool rule for a configuration's ``languagetool`` mapping.

    ``where`` names the configuration file in errors; ``default_language`` is
    used when the mapping has no ``language`` (pass ``Settings.language``).
    Raises a one-line :class:`~lintnews.errors.ConfigError` for an unknown key,
    a wrong type or a missing url. Makes no request, except that with
    ``local: true`` (and ``start``) it starts the local server (:mod:`.local`).
    """
    parsed = parse_options(options, where, default_language)
    if parsed.local and start:
        parsed = dataclasses.replace(parsed, url=local.server_url(where, parsed.language))
    return LanguageToolRule(parsed, where)


def status(rule: LanguageToolRule | None) -> str:
    """One line for ``lintnews rules``."""
    if rule is None:
        return "LanguageTool backend: off (no url configured)"
    server = rule.options.url or "a server started on this machine when checking (local: true)"
    line = f"LanguageTool backend: on: {server} ({rule.options.language})"
    if rule.down:
        line += " - unavailable in this run"
    return line
