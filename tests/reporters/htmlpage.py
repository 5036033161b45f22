"""The HTML report tests' articles, and a small reader of the page built on the stdlib's html.parser."""

from __future__ import annotations

from html.parser import HTMLParser

# A Markdown article as a regional site keeps it: front matter, a headline, a quotation with
# a doubled word and a block quote with bad grammar (both quoted as written: not flagged),
# a confusable, a number with a decimal thousands separator, a doubled speech verb, a
# British spelling and a "Read more" leftover with a no-break space inside it (a finding in a finding).
MARKDOWN_ARTICLE = """---
title: "Council approves new budget"
date: 2026-03-02
---

# Council approves new budget

The city council approved a budget of 450.000 dollars on Monday, ending weeks of
debate that began in the first days of hi elections campaign over the harbour.

"We have done what the the voters asked," the mayor said. "Its a fair budget."

> Residents said they was not consulted, according to a letter
> read out at the meeting.

The mayor said said the new budget would take effect in April.

Read more:\u00a0Harbour plans face new delays
"""

# Spaces only: two between words, three at the end of a line (a mark that must still show).
SPACES_ARTICLE = ("Storm closes roads\n\nThe storm closed  three roads on Monday.   \n"
                  "Police said the roads would reopen on Tuesday.\n")

# Text that would be markup if it were not escaped, in the article and in its file name.
HOSTILE_ARTICLE = (
    "Officials posted <script>window.pwned = 1</script> on the council site\n\n"
    "The page said \"><img src=x onerror=\"window.pwned = 2\"> and &amp; more since the first days of hi "
    "elections campaign.\n\n"
    "A photo at https://example.com/photo.jpg showed </div></section><script>window.pwned = 3</script> "
    "the\u202e reversed \u200b text.\r\n"
)
HOSTILE_NAME = "<img src=x onerror=alert(1)>.txt"

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Element:
    def __init__(self, tag: str, attrs: dict, parent: "Element | None"):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list = []  # Elements and strings

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, Element):
                yield from c.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs) -> list["Element"]:
        return [e for e in self.iter() if (tag is None or e.tag == tag)
                and (cls is None or cls in e.attrs.get("class", "").split())
                and all(e.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())]

    def find(self, *args, **kw) -> "Element":
        found = self.find_all(*args, **kw)
        assert found, (args, kw)
        return found[0]


class Page(HTMLParser):
    """The page as a tree of Elements; raises on an end tag that closes nothing open."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.current = self.root
        self.feed(source)
        self.close()
        assert self.current is self.root, f"unclosed <{self.current.tag}>"

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {k: v if v is not None else "" for k, v in attrs}, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_endtag(self, tag):
        assert self.current.tag == tag, f"</{tag}> closes <{self.current.tag}>"
        self.current = self.current.parent

    def handle_data(self, data):
        self.current.children.append(data)

    def marks(self) -> dict[str, str]:
        """data-f -> the text of all the mark's pieces, in page order."""
        texts: dict[str, str] = {}
        for mark in self.root.find_all("mark"):
            texts[mark.attrs["data-f"]] = texts.get(mark.attrs["data-f"], "") + mark.text
        return texts
