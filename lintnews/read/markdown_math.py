"""Display math in Markdown (``$$`` ... ``$$``): a block that is not prose.

Vale has skipped display math since June 2026 (its internal/lint/math.go, Vale issue #878): its
Markdown parser takes a block opened by a line that starts with two or more ``$`` and closed by a
line of two or more ``$`` and nothing else, and reads it as code. The block may interrupt a
paragraph; the opening line's rest is part of it; a block never closed runs to the end of its
container. Inline ``$...$`` stays prose ("a price of $5"), as in Vale.

The rule is registered with markdown-it (read/markdown_inline.py) after fences; its token,
``math_block``, is a skip zone for every rule, as a code block is.
"""

from __future__ import annotations

NAME = "math_block"


def _dollars(src: str, pos: int, end: int) -> int:
    """How many ``$`` stand at ``src[pos:end]``'s start."""
    n = pos
    while n < end and src[n] == "$":
        n += 1
    return n - pos


def math_block(state, start_line: int, end_line: int, silent: bool) -> bool:
    """markdown-it block rule: ``$$`` opens a display-math block, a line of ``$$`` alone closes it."""
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False
    pos = state.bMarks[start_line] + state.tShift[start_line]
    end = state.eMarks[start_line]
    if _dollars(state.src, pos, end) < 2:
        return False
    if silent:
        return True
    line = start_line
    while True:
        line += 1
        if line >= end_line:
            break
        start = state.bMarks[line] + state.tShift[line]
        stop = state.eMarks[line]
        if start < stop and state.sCount[line] < state.blkIndent:
            break  # a less indented line ends the container (a list item), and the block with it
        if state.sCount[line] - state.blkIndent < 4:
            n = _dollars(state.src, start, stop)
            if n >= 2 and not state.src[start + n:stop].strip():
                line += 1
                break
    state.line = line
    token = state.push(NAME, "math", 0)
    token.block = True
    token.map = [start_line, line]
    token.markup = "$$"
    return True


def register(md) -> None:
    """Add the rule to a markdown-it parser, after fences; it may interrupt a paragraph or a list."""
    md.block.ruler.after("fence", NAME, math_block, {"alt": ["paragraph", "reference", "blockquote", "list"]})
