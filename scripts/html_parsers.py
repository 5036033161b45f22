#!/usr/bin/env python3
"""Which HTML parser can give lintnews true positions: lxml, selectolax, html5lib, html.parser.

    python scripts/html_parsers.py [FILE.html ...] [--repeat 20]

For each parser, over the files given (default: the CMS exports in tests/html/):

- placed: of the text nodes with words in them (what a reader would take as
  prose), how many can be put at their exact offset in the source. html.parser
  (``convert_charrefs=False``) reports each text token's line and column and
  hands the text over as written; the others give no column (lxml gives an
  element's line, selectolax and html5lib nothing), so each of their text nodes
  is looked for in the source after the previous one, starting from the
  element's line where lxml gives one. A node is placed when the text found
  there is the node's text, character for character.
- ms per 100 kB: median parse time of the files joined 20 times (~the size of
  a long feature), ``--repeat`` runs.

The three third-party parsers are imported if installed (``pip install lxml
selectolax html5lib`` in a scratch environment); none is a dependency of
lintnews. Figures of the run that chose html.parser are in the commit that
added lintnews/read/html.py.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = {"script", "style", "head", "title", "pre", "code", "template", "noscript"}


def words(text: str) -> bool:
    return any(c.isalnum() for c in text)


def place_in_order(source: str, nodes) -> tuple[int, int]:
    """(placed, total): each (text, line or None) looked for after the previous one found."""
    line_starts = [0] + [i + 1 for i, c in enumerate(source) if c == "\n"]
    cursor = placed = total = 0
    for text, line in nodes:
        if not words(text):
            continue
        total += 1
        start = max(cursor, line_starts[line - 1]) if line and line <= len(line_starts) else cursor
        at = source.find(text, start)
        if at != -1:
            placed += 1
            cursor = at + len(text)
    return placed, total


def lxml_nodes(source: str):
    import lxml.html
    root = lxml.html.document_fromstring(source)
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in SKIP or any(a.tag in SKIP for a in el.iterancestors()):
            continue
        if el.text:
            yield el.text, el.sourceline
        for child in el:
            if child.tail:
                yield child.tail, child.sourceline


def selectolax_nodes(source: str):
    from selectolax.lexbor import LexborHTMLParser
    tree = LexborHTMLParser(source)
    for node in tree.root.traverse(include_text=True):
        if node.tag == "-text" and not any(p.tag in SKIP for p in _parents(node)):
            yield node.text_content, None


def _parents(node):
    p = node.parent
    while p is not None:
        yield p
        p = p.parent


def html5lib_nodes(source: str):
    import html5lib
    root = html5lib.parse(source, namespaceHTMLElements=False)
    skip = set()
    for el in root.iter():
        if el.tag in SKIP:
            skip.update(id(x) for x in el.iter())
        if id(el) in skip:
            continue
        if el.text:
            yield el.text, None
        for child in el:
            if child.tail:
                yield child.tail, None


def stdlib_placed(source: str) -> tuple[int, int]:
    """html.parser: each text token's (line, column) turned to an offset and checked against the source."""
    line_starts = [0] + [i + 1 for i, c in enumerate(source) if c == "\n"]
    counts = [0, 0]

    class P(HTMLParser):
        skipping = 0

        def handle_starttag(self, tag, attrs):
            self.skipping += tag in SKIP

        def handle_endtag(self, tag):
            self.skipping -= tag in SKIP and self.skipping > 0

        def handle_data(self, data):
            if self.skipping or not words(data):
                return
            line, col = self.getpos()
            counts[1] += 1
            at = line_starts[line - 1] + col
            counts[0] += source[at:at + len(data)] == data

    p = P(convert_charrefs=False)
    p.feed(source)
    p.close()
    return counts[0], counts[1]


def stdlib_parse(source: str) -> None:
    p = HTMLParser(convert_charrefs=False)
    p.feed(source)
    p.close()


PARSERS = {
    "html.parser": (stdlib_placed, stdlib_parse),
    "lxml": (lambda s: place_in_order(s, lxml_nodes(s)), lambda s: list(lxml_nodes(s))),
    "selectolax": (lambda s: place_in_order(s, selectolax_nodes(s)), lambda s: list(selectolax_nodes(s))),
    "html5lib": (lambda s: place_in_order(s, html5lib_nodes(s)), lambda s: list(html5lib_nodes(s))),
}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args(argv)
    files = args.files or sorted((ROOT / "tests" / "html").glob("*.html"))
    sources = [f.read_text(encoding="utf-8") for f in files]
    big = "\n".join(sources) * 20
    print(f"{len(files)} files; timing on {len(big) / 1000:.0f} kB")
    for name, (placed_of, parse) in PARSERS.items():
        try:
            placed = total = 0
            for s in sources:
                p, t = placed_of(s)
                placed, total = placed + p, total + t
            times = []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                parse(big)
                times.append(time.perf_counter() - t0)
        except ImportError as exc:
            print(f"{name:12} not installed ({exc.name})")
            continue
        ms = statistics.median(times) * 1000 * 100_000 / len(big)
        print(f"{name:12} placed {placed}/{total} text nodes ({placed / max(total, 1):.0%}); "
              f"{ms:.1f} ms per 100 kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
