"""boilerplate: a leftover line of web page furniture ("Read more: ...").

A paragraph that starts with one of ``patterns`` and is short is page
furniture copied with the article; the fix deletes the paragraph. In a
paragraph of several lines (scraped copy often keeps one sentence a line),
each short line that starts so is furniture too, and the fix deletes the line.

A poll left by a scraper is a run of such lines with the poll's own between
them: a line that opens it (``poll-patterns``: "take our poll"), its question
(repeated, often), its answers, then the form's lines ("Email *", "You may opt
out at any time"). The lines between the opening line and the next flagged
line, when the first of them asks a question and there are at most
``poll-max-lines`` of them, each of at most ``poll-max-words``, are the poll's: one more finding,
whose fix deletes them.
"""

from __future__ import annotations

from ...findings import Applicability, Edit
from ..base import Option, Rule, shown
from ..patterns import match
from ...read.lines import line_spans


class Boilerplate(Rule):
    name = "boilerplate"
    summary = "Flags a leftover web page line (Read more, Share this...); the fix deletes it."
    OPTIONS = {
        "patterns": Option("list", required=True, help="regexes matched at the start of a paragraph"),
        "ignorecase": Option("bool", True, "match regardless of case"),
        "max-words": Option("int", 25, "longer paragraphs are prose, not furniture"),
        "poll-patterns": Option("list", [], "regexes, matched as patterns are, for a line that opens a poll "
                                "('take our poll'): flagged like the rest, and the short lines after it, up to "
                                "the next flagged line, are the poll's question and answers when the first asks "
                                "a question"),
        "poll-max-lines": Option("int", 8, "at most this many lines of a poll's question and answers"),
        "poll-max-words": Option("int", 25, "longer lines are prose, not a poll's question or answers"),
        "poll-message": Option("str", "A poll's question and answers, left with its form: not part of the article.",
                               "the message for a poll's question and answers"),
    }
    default_fix = Applicability.SAFE
    fix_nature = "blocks"
    default_quotes = "include"

    def compile(self):
        flags = "(?i)" if self["ignorecase"] else ""
        every = [*self["patterns"], *self["poll-patterns"]]
        self.regex = self.pattern(flags + "(?:{})".format("|".join(f"(?:{p})" for p in every)), "patterns")
        polls = "|".join(f"(?:{p})" for p in self["poll-patterns"])
        self.polls = self.pattern(flags + f"(?:{polls})", "poll-patterns") if polls else None

    def check(self, doc):
        for block in doc.body:
            m = match(self.regex, doc.text, self.id, block.start, block.end)
            if not m or len(block.text(doc).split()) > self["max-words"]:
                yield from self._lines(doc, block)
                continue
            if not self.in_scope(doc, block.start, block.end):
                continue
            start, end = doc.block_removal(block)
            yield self.finding(doc, block.start, block.end, self.format_message(m.group().strip()),
                               [Edit(start, end, "")],
                               fix_title=f"Delete the line {shown(block.text(doc))}")

    def _lines(self, doc, block):
        """Furniture on a line of its own inside a longer paragraph; the fix takes the line and its newline.
        After a line that opens a poll, the poll's own lines up to the next furniture line (``_poll``)."""
        text = doc.text
        poll: list[tuple[int, int]] | None = None  # the lines (start, end) since a poll's opening line
        for start, end in line_spans(text, block.start, block.end):
            last = end == block.end
            line = text[start:end].rstrip("\r")
            if start == block.start and last:
                return  # a paragraph of one line: check() judged it whole
            m = match(self.regex, text, self.id, start, start + len(line))
            # A poll's opening line may hold its question too ("take our poll - story continues below Will ...?").
            opens = m is not None and self.polls is not None and match(
                self.polls, text, self.id, start, start + len(line)) is not None
            longest = self["poll-max-words"] if opens else self["max-words"]
            if m and len(line.split()) <= longest and self.in_scope(doc, start, start + len(line)):
                if poll:
                    yield from self._poll(doc, poll, start)
                poll = [] if opens and not last else None
                cut = (start, end + 1) if not last else (_line_break_before(text, start), end)
                yield self.finding(doc, start, start + len(line), self.format_message(m.group().strip()),
                                   [Edit(*cut, "")], fix_title=f"Delete the line {shown(line)}")
            elif poll is not None:
                poll.append((start, start + len(line)))
                if len(poll) > self["poll-max-lines"] or len(line.split()) > self["poll-max-words"]:
                    poll = None

    def _poll(self, doc, lines: list[tuple[int, int]], upto: int):
        """The finding for a poll's question and answers (``lines``), when the first line asks a question;
        its fix deletes them up to ``upto``, where the next furniture line starts."""
        first, last = lines[0], lines[-1]
        question = doc.text[first[0]:first[1]].rstrip().rstrip("\"'”’")
        if not question.endswith("?") or not self.in_scope(doc, first[0], last[1]):
            return
        yield self.finding(doc, first[0], last[1], self["poll-message"], [Edit(first[0], upto, "")],
                           fix_title=f"Delete the poll's question and answers {shown(question)}")


def _line_break_before(text: str, start: int) -> int:
    """Where the line ending before ``start`` begins ("\n", or "\r\n" taken whole)."""
    i = start - 1
    return i - 1 if i > 0 and text[i - 1] == "\r" else i
