"""Sources that point at a sentence from the layout of the text around it, for the ``attribution`` kind.

A claim is attributed when a source points at it. Besides the words of its
neighbours (the rule's ``next-sources`` and ``previous-sources``), the layout of
news copy points at whole paragraphs. Every test here reads structure (marks,
colons, brackets, capitals, the rule's own source cues), never an article's
words:

* **an introduced block**: the paragraph before ends with a colon and holds a
  source cue ("Hewitt writes:", "Fox News reports:", "Soerens argued that:"):
  the paragraphs after it are what the source says, up to the first one with
  a source cue of its own, ``INTRODUCED`` paragraphs at most;
* **a speaker label**: the paragraph opens with a speaker's name and a colon,
  as a transcript does ("Chris Matthews: Seriously ...", "A: I came home ...");
  a one-word name ("Matthews:") counts in a transcript, two speakers with a
  label that comes back (not "Update:", nor a scrape's title "Never Hike
  Alone: A Fan Film" twice). In a transcript the unlabelled paragraphs right
  after a labelled one (``INTRODUCED`` at most) are still its speaker's;
* **a bracketed credit**: the paragraph ends with a short bracketed name
  ("... of all time. [ESPN.]"), as a news digest credits each item;
* **a quotation across paragraphs**: a quotation left open at the end of a
  paragraph and closed in a later one ("... for office.\\"" after paragraphs
  with no mark at all): the paragraphs between are quoted too (the document
  model runs an open quotation only to the end of its own paragraph);
* **first person after a source** (sentence level): a sentence in the first
  person outside any quotation, after a sentence of its paragraph that names
  a source, is the speaker's words with the marks lost ("..., she said. I
  didn't know how to deal with it."); a reporter's copy has no first person.
"""

from __future__ import annotations

from ..read import compiled as _compiled
from ..read.transcripts import is_transcript, label as _label

INTRODUCED = 3     # paragraphs an introduction ending in a colon may carry
QUOTE_REACH = 6    # paragraphs a quotation may stay open across

# "[ESPN.]", "[Mollie Reilly.]" ending a paragraph: one to four words in brackets.
_CREDIT = _compiled.compile(r"\[[ \u00a0]*\p{Lu}[\p{L}\p{N}.'’&-]*(?:[ \u00a0][\p{L}\p{N}.'’&-]+){0,3}[ \u00a0]*\][\s.]*\Z")
# A double quotation mark that closes: after a word or a sentence's end, before a space or the end.
_CLOSER = _compiled.compile(r"(?<=[\p{L}\p{N}.,!?…—-])[\"”](?=[\s)\]]|\Z)")
_MARK = _compiled.compile(r"[\"“”]")
# Case matters: "US" is no pronoun, "Our Principles PAC" a name; only "I" is capitalised inside a sentence.
_FIRST_PERSON = _compiled.compile(r"(?<![\p{L}’'-])(?:I|I['’](?:m|ve|d|ll)|we|we['’](?:re|ve|d|ll)|my|our|us|me)(?![\p{L}’'-])")
_FIRST_WORD = _compiled.compile(r"\W*(?:We|We['’](?:re|ve|d|ll)|My|Our)(?![\p{L}’'-])")


def carried_blocks(doc, paragraphs, has_source, quote_zones) -> set[int]:
    """Indexes of the body paragraphs whose every sentence a source points at, by layout.

    ``paragraphs`` are the body blocks of kind "paragraph", in order; ``has_source(start, end)``
    says whether a source cue starts in text[start:end]; ``quote_zones`` are the document's
    quotations (sorted spans)."""
    text = doc.text
    carried: set[int] = set()
    # Outside a transcript, a label or a credit speaks for a paragraph of one line: a block of many
    # lines (scraped copy, one sentence a line) that opens "Editor's Note:" is no speaker's turn.
    labels = [_label(text, b.start, b.end) for b in paragraphs]
    transcript = is_transcript(text, doc.body)  # every body block: a short question is a heading
    speaker = 0  # paragraphs since the last labelled one, in a transcript
    for k, block in enumerate(paragraphs):
        words = text[block.start:block.end]
        label = labels[k]
        if label is not None and (transcript or label.group("one") is None and "\n" not in words):
            carried.add(block.index)
            speaker = INTRODUCED if transcript else 0
        elif speaker > 0 and not has_source(block.start, block.end):
            carried.add(block.index)
            speaker -= 1
        else:
            speaker = 0
        if "[" in words and "\n" not in words and _CREDIT.search(words):
            carried.add(block.index)
        if words.rstrip().endswith(":") and has_source(block.start, block.end):
            for later in paragraphs[k + 1:k + 1 + INTRODUCED]:
                if has_source(later.start, later.end):
                    break
                carried.add(later.index)
    carried |= _quoted_across(text, paragraphs, quote_zones)
    return carried


def _quoted_across(text: str, paragraphs, quote_zones) -> set[int]:
    """Paragraphs between a quotation left open at a paragraph's end and the later paragraph whose
    first mark closes it."""
    ends = {e for _, e in quote_zones}
    out: set[int] = set()
    for k, block in enumerate(paragraphs):
        if block.end not in ends or text[block.end - 1] in "\"”":
            continue  # no quotation left open at this paragraph's end
        between = []
        for later in paragraphs[k + 1:k + 1 + QUOTE_REACH]:
            words = text[later.start:later.end]
            mark = _MARK.search(words)
            if mark is None:
                between.append(later.index)
                continue
            closer = _CLOSER.match(words, mark.start())
            if closer is not None and mark.start() > 0:
                out.update(between)
                out.add(later.index)
            break
    return out


def first_person_after_source(text: str, sentences, i: int, attributed, spoken) -> bool:
    """Sentence i is in the first person, outside any quotation, and the sentence before it in its
    paragraph names a source or is in the first person after one: the speaker's words, their
    marks lost."""
    for k in range(i, 0, -1):
        sentence = sentences[k]
        if spoken(sentence) or (_FIRST_PERSON.search(text, sentence.start, sentence.end) is None
                                and _FIRST_WORD.match(text, sentence.start, sentence.end) is None):
            return False
        if attributed(sentences[k - 1]):
            return True
    return False
