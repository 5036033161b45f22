"""Word shapes the dictionary kind reads: one letter left out or two swapped, a doubled "l",
edges kept, two words run together. Pure string tests on a word and a candidate; the frequency
lists come in as an argument."""

from __future__ import annotations

from .frequencies import Lexicon


def dropped_letter(word: str, good: str) -> bool:
    """Whether ``word`` is ``good`` with one letter left out."""
    return len(good) == len(word) + 1 and any(good[:i] + good[i + 1:] == word for i in range(len(good)))


def swapped_letters(word: str, good: str) -> bool:
    """Whether ``word`` is ``good`` with two neighbouring letters swapped."""
    if len(word) != len(good):
        return False
    diff = [i for i, (a, b) in enumerate(zip(word, good)) if a != b]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == good[diff[1]] and word[diff[1]] == good[diff[0]]


def compound(word: str, lex: Lexicon) -> bool:
    """Whether the word is two common words of four letters or more, run together."""
    return any(
        lex.zipf(word[:i]) >= 4.0 and lex.zipf(word[i:]) >= 4.0 for i in range(4, len(word) - 3)
    )


# Short words so frequent that one run into a neighbour is a slip, not a coinage ("reportedby").
_SHORT_WORDS = frozenset("a an the of to in on at by for and or but is was are be it as he we she has had not".split())


# ... but not where the short word is also a prefix or an ending that makes words ("inbound",
# "formator", "urban"): there a word the lists lack is likelier than a slip.
_PREFIX_LIKE = frozenset("a an be in for on at to".split())
_ENDING_LIKE = frozenset("a an or as".split())


def glued_short_word(word: str, lex: Lexicon):
    """("reported by", zipf) when the word is a common word and a short frequent one run together
    (either order: "reportedby", "ofthe"... each side a word), else None."""
    for i in range(1, len(word)):
        left, right = word[:i], word[i:]
        if left in _SHORT_WORDS and right in _SHORT_WORDS:
            glued = True
        elif left in _SHORT_WORDS:
            glued = left not in _PREFIX_LIKE and len(right) >= 3 and lex.zipf(right) >= 4.0
        else:
            glued = right in _SHORT_WORDS and right not in _ENDING_LIKE and len(left) >= 3 and lex.zipf(left) >= 4.0
        if glued:
            return f"{left} {right}", min(lex.zipf(left), lex.zipf(right))
    return None


def l_variant(word: str, suggestion: str) -> bool:
    """Whether the two differ only by a doubled 'l' ("enrolee" / "enrollee")."""
    return suggestion.replace("ll", "l") == word.replace("ll", "l")


def inner_edit(word: str, suggestion: str) -> bool:
    """Whether the suggestion keeps the word's first and last letters, or only swaps a pair: a
    swap is a slip wherever it stands ("ufture"); another edge letter is more often another word."""
    same_edges = word[:1] == suggestion[:1] and word[-1:] == suggestion[-1:]
    return same_edges or (len(word) >= 5 and swapped_letters(word, suggestion))
