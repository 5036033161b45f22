"""Texts and paths the reporter tests share (a module of its own, so tests can import it)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_c63858ed88562771.txt"

# Astral characters (a flag is two of them, the face one) before the findings on
# their lines: in UTF-16 each counts two units, for us one column. CRLF endings too.
EMOJI_ARTICLE = (
    "Troops leave northern Syria\r\n"
    "\r\n"
    "\U0001F1FA\U0001F1F8 \U0001F600 The ministry said 450.000 people fled since the first days of hi campaign.\r\n"
    "\r\n"
    "The ministry said \U0001D400 more\u00a0troops would  follow."
)
CLEAN_ARTICLE = "Troops leave northern Syria\n\nThe ministry said the troops left on Monday.\n"

PATHS = {
    "seed": "seeds/000_c63858ed88562771.txt",
    "emoji": "articles/emoji, crlf: 100%.txt",  # a path with characters every format must escape
    "clean": "articles/clean.txt",
}
