"""A small stand-in for a LanguageTool HTTP server (``/v2/check``, ``/v2/languages``).

It answers in LanguageTool's JSON shape, with offsets and lengths in UTF-16
code units as the real (Java) server counts them. Its "rules" are fixed
phrases (:data:`RULES`). Every request is recorded; ``delay`` makes
``/v2/check`` sleep before answering.
"""

from __future__ import annotations

import json
import threading
import urllib.parse
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class MockRule:
    phrase: str
    rule_id: str
    issue_type: str
    category: tuple[str, str]
    message: str
    replacements: tuple[str, ...]


RULES = (
    MockRule("teh", "MORFOLOGIK_RULE_EN_US", "misspelling", ("TYPOS", "Possible Typo"),
             "Possible spelling mistake found.", ("the",)),
    MockRule("recieve", "MORFOLOGIK_RULE_EN_US", "misspelling", ("TYPOS", "Possible Typo"),
             "Possible spelling mistake found.", ("receive", "relieve", "recite")),
    MockRule("could of", "COULD_OF", "grammar", ("GRAMMAR", "Grammar"),
             "Did you mean \u201ccould have\u201d?", ("could have",)),
    MockRule("utilize", "UTILIZE", "style", ("STYLE", "Style"),
             "Consider a shorter word.", ("use",)),
    MockRule("very unique", "VERY_UNIQUE", "style", ("REDUNDANCY", "Redundant Phrases"),
             "'Unique' is absolute.", ()),
    MockRule("the the", "ENGLISH_WORD_REPEAT_RULE", "duplication", ("MISC", "Miscellaneous"),
             "Possible typo: you repeated a word.", ("the",)),
    MockRule("\U0001F389\U0001F389", "DOUBLE_EMOJI", "typographical", ("TYPOGRAPHY", "Typography"),
             "One is enough.", ("\U0001F389",)),
)

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
]


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def analyse(form: dict[str, str]) -> dict:
    """The /v2/check answer for a request's form fields."""
    if "data" in form:
        parts = json.loads(form["data"])["annotation"]
        text = "".join(p.get("text", p.get("markup", "")) for p in parts)
        # What the rules see: markup blanked out, offsets kept.
        visible = "".join(p["text"] if "text" in p else " " * len(p["markup"]) for p in parts)
    else:
        text = visible = form.get("text", "")
    disabled = set(filter(None, form.get("disabledRules", "").split(",")))
    matches = []
    for rule in RULES:
        if rule.rule_id in disabled:
            continue
        start = visible.find(rule.phrase)
        while start != -1:
            end = start + len(rule.phrase)
            offset, length = utf16_len(text[:start]), utf16_len(text[start:end])
            cstart = max(0, start - 20)
            context = text[cstart:end + 20]
            matches.append({
                "message": rule.message,
                "shortMessage": rule.message.split(".")[0],
                "replacements": [{"value": r} for r in rule.replacements],
                "offset": offset,
                "length": length,
                "context": {"text": context, "offset": utf16_len(text[cstart:start]), "length": length},
                "sentence": text,
                "type": {"typeName": "Other"},
                "rule": {
                    "id": rule.rule_id,
                    "description": rule.message,
                    "issueType": rule.issue_type,
                    "category": {"id": rule.category[0], "name": rule.category[1]},
                },
                "ignoreForIncompleteSentence": False,
                "contextForSureMatch": 0,
            })
            start = visible.find(rule.phrase, end)
    matches.sort(key=lambda m: m["offset"])
    language = form.get("language", "en-US")
    name = next((lang["name"] for lang in LANGUAGES if lang["longCode"] == language), "English (US)")
    return {
        "software": {"name": "LanguageTool", "version": "6.4", "buildDate": "2024-03-28 10:21:00 +0000",
                     "apiVersion": 1, "premium": False, "premiumHint": "", "status": ""},
        "warnings": {"incompleteResults": False},
        "language": {"name": name, "code": language,
                     "detectedLanguage": {"name": name, "code": language, "confidence": 0.99}},
        "matches": matches,
    }


class MockLanguageTool:
    """A threaded server on 127.0.0.1, port chosen by the system."""

    def __init__(self, delay: float = 0.0, port: int = 0):
        self.delay = delay
        self.requests: list[tuple[str, str, dict[str, str]]] = []  # (method, path, form)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        mock = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def _form(self) -> dict[str, str]:
                query = urllib.parse.urlsplit(self.path).query
                form = dict(urllib.parse.parse_qsl(query, keep_blank_values=True))
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    body = self.rfile.read(length).decode("utf-8")
                    form.update(urllib.parse.parse_qsl(body, keep_blank_values=True))
                return form

            def _answer(self, status: int, payload) -> None:
                body = (json.dumps(payload) if not isinstance(payload, str) else payload).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json" if status == 200 else "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _handle(self, method: str) -> None:
                path = urllib.parse.urlsplit(self.path).path
                form = self._form()
                with mock._lock:
                    mock.requests.append((method, path, form))
                if path == "/v2/languages":
                    self._answer(200, LANGUAGES)
                elif path == "/v2/healthcheck":  # what language-tool-python polls until a server it started is up
                    self._answer(200, "OK")
                elif path == "/v2/check":
                    if mock.delay and mock._stop.wait(mock.delay):
                        return
                    if "language" not in form or not ("text" in form or "data" in form):
                        self._answer(400, "Error: Missing 'text' or 'data' parameter")
                        return
                    self._answer(200, analyse(form))
                else:
                    self._answer(404, "Not found")

            def do_GET(self):
                self._handle("GET")

            def do_POST(self):
                self._handle("POST")

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):  # a client that gave up: not our problem
                pass

        self.server = Server(("127.0.0.1", port), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    def start(self) -> MockLanguageTool:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=2)

    def checks(self) -> list[dict[str, str]]:
        """The forms of the /v2/check requests so far."""
        with self._lock:
            return [form for method, path, form in self.requests if path == "/v2/check"]


def main(argv: list[str]) -> int:
    """Serve as LanguageTool's ``org.languagetool.server.HTTPServer -p PORT`` would, until killed.

    A fake ``java`` runs this (tests/languagetool/test_languagetool_local.py); each /v2/check
    form is appended as a JSON line to the file named by $LT_MOCK_LOG.
    """
    import os
    import sys

    port = int(argv[argv.index("-p") + 1]) if "-p" in argv else 8081
    try:
        mock = MockLanguageTool(port=port)
    except OSError as exc:  # the port is taken: exit early, as the real server does
        print(f"cannot bind port {port}: {exc}", file=sys.stderr)
        return 1
    log = os.environ.get("LT_MOCK_LOG")
    if log:
        class Logged(list):
            def append(self, item):
                super().append(item)
                if item[1] == "/v2/check":
                    with open(log, "a", encoding="utf-8") as out:
                        out.write(json.dumps(item[2]) + "\n")

        mock.requests = Logged()
    mock.server.serve_forever(poll_interval=0.05)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
