"""Bare web addresses and e-mail addresses in running text: skip zones, never prose to correct."""

from __future__ import annotations

from . import compiled as _compiled

# Bare web addresses and e-mail addresses: never prose to correct.
_BARE_URL = _compiled.compile(r"(?<![\p{L}\p{N}_@/.-])(?:(?:https?|ftp)://|www\.)[^\s<>\"“”‘’]+")
_EMAIL = _compiled.compile(r"(?<![\p{L}\p{N}_.+-])[\p{L}\p{N}_.+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+")
_URL_TAIL = ".,;:!?'"


def bare_link_zones(text: str) -> list[tuple[int, int]]:
    """Spans of bare URLs and e-mail addresses, without trailing sentence punctuation."""
    zones = []
    # Most articles have neither: skip the scans (the e-mail one is costly) unless a marker is there.
    matches = []
    if "://" in text or "www." in text:
        matches += _BARE_URL.finditer(text)
    if "@" in text:
        matches += _EMAIL.finditer(text)
    for m in sorted(matches, key=lambda m: m.start()):
        s, e = m.span()
        while e > s:
            ch = text[e - 1]
            if ch in _URL_TAIL or (ch == ")" and text.count("(", s, e) < text.count(")", s, e)):
                e -= 1
            else:
                break
        if e > s:
            zones.append((s, e))
    return zones
