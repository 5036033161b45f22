"""A small LanguageTool HTTP client: one form POST to ``/v2/check``, answers cached.

Why not ``language_tool_python.LanguageTool(remote_server=...)``: its remote
client never downloads anything, but its request timeout is a class constant
of 300 seconds (no public setting) and ``check`` tries every request twice, so
one hung server stalls a run for ten minutes per paragraph; its constructor
makes a blocking ``/v2/languages`` request with the same timeout; and its
``Match`` corrects the offset for characters outside the BMP but not the
length (a match containing an emoji ends in the wrong place), keeping that
correction in class-level state shared by all threads. The protocol is one
form-encoded POST, so this module speaks it with :mod:`urllib` and needs no
extra dependency; nothing here can start, download or look for LanguageTool
or Java.

Offsets: LanguageTool counts UTF-16 code units; :func:`utf16_to_index` maps
them to Python code points, so text with emoji maps to the right span.
"""

from __future__ import annotations

import bisect
import json
import threading
from dataclasses import dataclass
from typing import Any


# ------------------------------------------------------------------ offsets
def utf16_to_index(text: str):
    """A function mapping a UTF-16 code-unit offset in ``text`` to a code-point offset."""
    if len(text.encode("utf-16-le")) == 2 * len(text):  # no surrogate pairs: offsets agree
        return lambda offset: max(0, min(offset, len(text)))
    starts = []  # UTF-16 offset of each code point, then the end
    pos = 0
    for c in text:
        starts.append(pos)
        pos += 2 if ord(c) >= 0x10000 else 1
    starts.append(pos)

    def convert(offset: int) -> int:
        # An offset inside a surrogate pair (never sent by LanguageTool) rounds down.
        return max(0, bisect.bisect_right(starts, offset) - 1)

    return convert


# ------------------------------------------------------------------ the server
@dataclass(frozen=True)
class Match:
    """One LanguageTool match, in code points relative to the text sent."""

    start: int
    end: int
    rule_id: str
    message: str
    issue_type: str
    category: str
    replacements: tuple[str, ...]


class ServerProblem(Exception):
    """The server could not be asked (unreachable, too slow, an error answer)."""


_CACHE: dict[tuple, tuple[Match, ...]] = {}
_CACHE_LOCK = threading.Lock()
_CACHE_MAX = 20000


def clear_cache() -> None:
    with _CACHE_LOCK:
        _CACHE.clear()


def _post(url: str, form: dict[str, str], timeout: float) -> Any:
    import urllib.error  # with urllib.request, 25 ms of imports a run without LanguageTool never needs
    import urllib.parse
    import urllib.request

    body = urllib.parse.urlencode(form).encode("utf-8")
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
        "Accept": "application/json",
    })
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read(300).decode("utf-8", "replace").strip().splitlines()
        more = f": {detail[0]}" if detail else ""
        raise ServerProblem(f"answered HTTP {exc.code}{more}") from None
    except TimeoutError:
        raise ServerProblem(f"did not answer within {timeout:g} s") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):  # socket.timeout is TimeoutError
            raise ServerProblem(f"did not answer within {timeout:g} s") from None
        text = getattr(reason, "strerror", None) or str(reason)
        raise ServerProblem(f"is unreachable ({text})") from None
    except OSError as exc:  # connection reset while reading, etc.
        raise ServerProblem(f"is unreachable ({exc.strerror or exc})") from None
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ServerProblem("did not answer with LanguageTool JSON") from None


def _matches(payload: Any, text: str) -> tuple[Match, ...]:
    if not isinstance(payload, dict) or not isinstance(payload.get("matches"), list):
        raise ServerProblem("did not answer with LanguageTool JSON (no 'matches')")
    convert = utf16_to_index(text)
    out = []
    for m in payload["matches"]:
        try:
            offset, length = int(m["offset"]), int(m["length"])
            rule = m.get("rule") or {}
            start, end = convert(offset), convert(offset + length)
            out.append(Match(
                start=start,
                end=max(start, end),
                rule_id=str(rule.get("id") or "UNKNOWN"),
                message=str(m.get("message") or m.get("shortMessage") or rule.get("description") or ""),
                issue_type=str(rule.get("issueType") or ""),
                category=str((rule.get("category") or {}).get("id") or ""),
                replacements=tuple(str(r.get("value", "")) for r in m.get("replacements") or [] if isinstance(r, dict)),
            ))
        except (KeyError, TypeError, ValueError, AttributeError):
            continue  # a match we cannot place: skip it rather than guess
    return tuple(out)


def cached(url: str, form: dict[str, str]) -> tuple[Match, ...] | None:
    """The cached answer for this request, if any."""
    with _CACHE_LOCK:
        return _CACHE.get((url, tuple(sorted(form.items()))))


def check(url: str, form: dict[str, str], text: str, timeout: float) -> tuple[Match, ...]:
    """Ask the server at ``url`` (its base URL) about ``text``; raises :class:`ServerProblem`."""
    matches = _matches(_post(url + "/v2/check", form, timeout), text)
    with _CACHE_LOCK:
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.clear()
        _CACHE[(url, tuple(sorted(form.items())))] = matches
    return matches
