"""sequence: a run of words by pattern and part-of-speech tag (Vale's kind).

As in Vale's source (internal/check/sequence.go), in each sentence: ``tokens`` is a list of
``{pattern, tag, negate, skip}``; ``tag`` is a Penn Treebank tag pattern (MD, VB|VBN), read by
lintnews's own tagger (the one the ``pattern`` kind uses), ``pattern`` a pattern the word must hold;
``negate`` turns the test round; ``skip: N`` lets up to N words stand before the token. The first
token with a pattern anchors the search: the words left of it must match the tokens before
it, the words right of it the tokens after. The message's ``%[n]s`` is the n-th word of the
run (``%s`` in turn). Tags and patterns are looked for inside the tag or word, as Vale does
("VB" holds for "VBZ" too). The anchoring pattern is first searched for in the sentence's text,
so ``^`` and ``$`` there stand for the text's ends, not the word's: write ``\\bwas\\b``, not
``^was$``, for the word "was".
"""

from __future__ import annotations

from dataclasses import dataclass


from ...read import tagged
from ..base import Option, Rule
from ..patterns import compile_pattern, finditer, search
from ..schema import Option as PartOption
from ..schema import Schema
from ..vale import vale_kind
from ...read import compiled as _compiled

_INDEXED = _compiled.compile(r"%\[(\d+)\]s")
TOKEN = Schema({
    "pattern": PartOption("str", "", "a pattern the word must hold"),
    "tag": PartOption("str", "", "a Penn Treebank tag pattern (NN, VB|VBN)"),
    "negate": PartOption("bool", False, "the word must not match"),
    "skip": PartOption("int", 0, "up to this many words may stand before this token"),
})


@dataclass
class _Token:
    pattern: object
    tag: object
    has_pattern: bool
    has_tag: bool
    negate: bool
    skip: int
    optional: bool
    start: bool = False
    end: bool = False


def _hyphened(words: list) -> list:
    """The words with hyphenated compounds made one word ("meet-ups"), as Vale's Treebank tokenizer
    keeps them; the compound takes its last part's tag (NNS for "meet-ups")."""
    if not any(w.text == "-" for w in words):
        return words
    out: list = []
    i = 0
    while i < len(words):
        word = words[i]
        while (i + 2 < len(words) and words[i + 1].text == "-" and word.end == words[i + 1].start
               and words[i + 1].end == words[i + 2].start and words[i + 2].text[:1].isalnum()
               and word.text[-1:].isalnum()):
            last = words[i + 2]
            word = last._replace(start=word.start, text=word.text + "-" + last.text, low=word.low + "-" + last.low)
            i += 2
        out.append(word)
        i += 1
    return out


_CLOSING = frozenset({".", ",", ":", ";", "!", "?", "'", '"', ")"})


def _joined(words: list[str]) -> str:
    """The run's words as Vale writes them (check/sequence.go stepsToString, March 2025): single spaces, none
    before closing punctuation (". , : ; ! ? ' \" )") or a word that starts with an apostrophe, one before
    "(" unless a space stands there."""
    out = ""
    for word in words:
        if word in _CLOSING or word.startswith(("'", "’")):
            out += word
        elif word == "(":
            out += "(" if not out or out.endswith(" ") else " ("
        else:
            out += " " + word if out else word
    return out.strip()


def _located(text: str, sentence, run) -> tuple[int, int] | None:
    """Where Vale reports the run: its words as Vale joins them (:func:`_joined`), found in the sentence.
    Vale drops a run not written that way, so None then."""
    joined = _joined([w.text for w in run])
    if text[run[0].start:run[-1].end] == joined:
        return run[0].start, run[-1].end
    at = text.find(joined, sentence.start, sentence.end)
    return None if at < 0 else (at, at + len(joined))


class Sequence(Rule):
    name = "sequence"
    MESSAGE_FILLS = None  # one %s, or %[n]s, per word of the run
    summary = "Flags a run of words given by pattern and part of speech (Vale's sequence)."
    OPTIONS = {
        "tokens": Option("records", required=True, help="the run: each {pattern, tag, negate, skip}"),
        "ignorecase": Option("bool", False, "patterns match regardless of case"),
    }
    PARTS = {"Keys of each token": TOKEN}

    def compile(self):
        self.tokens: list[_Token] = []
        for i, spec in enumerate(self["tokens"]):
            values = TOKEN.validate(spec, self.fail, prefix=f"tokens[{i}].")
            flags = "(?i)" if self["ignorecase"] else ""
            pattern = self.pattern(f"{flags}(?m)(?:{values['pattern']})", "tokens") if values["pattern"] else None
            tag = compile_pattern(values["tag"], where=self.path, rule_id=self.id, key="tokens.tag")
            base = dict(pattern=pattern, tag=tag, has_pattern=bool(values["pattern"]), has_tag=bool(values["tag"]),
                        negate=values["negate"], skip=values["skip"])
            for n in range(values["skip"], 0, -1):  # optional places before the token, as Vale builds them
                self.tokens.append(_Token(**base, optional=True, start=n == values["skip"]))
            if values["pattern"] or values["tag"]:
                self.tokens.append(_Token(**base, optional=False, end=True))
        self.anchor = next((i for i, t in enumerate(self.tokens) if not t.negate and t.has_pattern), None)
        if self.anchor is None:
            self.fail("key 'tokens': one token needs a 'pattern' (without 'negate')")
        self.needs_tags = any(t.has_tag for t in self.tokens)

    def check(self, doc):
        target = self.tokens[self.anchor]
        for block in doc.blocks:
            if vale_kind(block) != "paragraph":
                continue
            for sentence in doc.sentences_in(block):
                hits = list(finditer(target.pattern, doc.text, self.id, sentence.start, sentence.end))
                if not hits:
                    continue
                words = _hyphened((tagged.tagged if self.needs_tags else tagged.words)(doc, sentence))
                history: set[int] = set()
                for _ in hits:
                    run, index = self._run(target, words, history)
                    history.add(index)
                    if not run:
                        continue
                    span = _located(doc.text, sentence, [words[i] for i in run])
                    if span is None:
                        continue
                    start, end = span
                    if self.in_scope(doc, start, end):
                        yield self.finding(doc, start, end, self._message([words[i].text for i in run]))

    def _matches(self, token: _Token, word) -> bool:
        failed_tag = (search(token.tag, word.xpos or "", self.id) is not None) == token.negate
        failed_word = token.pattern is not None and (
            search(token.pattern, word.text, self.id) is not None) == token.negate
        if not token.has_pattern and failed_tag:
            return False
        if not token.has_tag and failed_word:
            return False
        return not (token.has_tag and token.has_pattern and (failed_tag or failed_word))

    def _run(self, target: _Token, words, history: set[int]) -> tuple[list[int], int]:
        """The word indices of the run anchored at the first word matching ``target`` not yet used."""
        idx, toks = self.anchor, self.tokens
        for j, word in enumerate(words):
            if j in history or not self._matches(target, word):
                continue
            run: list[int] = []
            for i in range(1, idx + 1):  # the left side, right to left
                if j - i < 0:
                    return [], j
                tok = toks[idx - i]
                optional = (tok.optional or tok.end) and not tok.start if tok.skip > 0 else tok.optional
                run.insert(0, j - i)
                hit = self._matches(tok, words[j - i])
                if not hit and not optional:
                    return [], j
                if hit and optional:
                    break
            for i in range(len(toks) - idx):  # the anchor and the right side
                if j + i >= len(words):
                    return [], j
                tok = toks[idx + i]
                run.append(j + i)
                hit = self._matches(tok, words[j + i])
                if not hit and not tok.optional:
                    return [], j
                if hit and tok.optional:
                    break
            return run, j
        return [], 0

    def _message(self, steps: list[str]) -> str:
        message = _INDEXED.sub(lambda m: steps[int(m.group(1)) - 1] if 0 < int(m.group(1)) <= len(steps)
                               else m.group(), self.message)
        for step in steps:
            if "%s" not in message:
                break
            message = message.replace("%s", step, 1)
        return message
