"""A LanguageTool server on this machine, started through language-tool-python.

``languagetool: {local: true}`` in a configuration (with the user's consent,
run/trust.py) or ``--languagetool-local`` on the command line asks for it.
:func:`server_url` starts it once per process, the first time a rule pool
needs it (before any worker is forked, so the workers share it), and returns
its base URL; the backend then talks to it with :mod:`.client`, as to any
server. It is stopped when the process exits.

language-tool-python does the starting: it checks ``java -version`` (Java
17 or later for LanguageTool 6.6 and up), downloads LanguageTool (about
250 MB) into ``$LTP_PATH`` (default ``~/.cache/language_tool_python``) the
first time, runs ``java -cp <LanguageTool-X.Y>/languagetool-server.jar
org.languagetool.server.HTTPServer -p <port>`` on a free port between 8081
and 8998 and waits up to 15 seconds for ``/v2/healthcheck`` to answer. A
prepared folder in ``$LTP_PATH`` (``LanguageTool-X.Y/`` with the server jar)
means no download. Whatever goes wrong (the package, Java, the download, the
start) is one :class:`~lintnews.errors.ConfigError` line naming ``where``.
"""

from __future__ import annotations

import atexit
import os
import shutil
import threading

from ....errors import ConfigError

PACKAGE_HINT = "pip install 'lintnews[languagetool]'"
_lock = threading.Lock()
_started: dict = {}  # "tool": the language_tool_python.LanguageTool that owns the server, "pid": our process


def local_options(options: dict | None) -> dict:
    """A ``languagetool`` mapping switched to the local server (``--languagetool-local``): its url dropped."""
    return {**{k: v for k, v in (options or {}).items() if k != "url"}, "local": True}


def server_url(where: str, language: str) -> str:
    """The base URL (no /v2) of the local LanguageTool server, started on the first call in this process."""
    with _lock:
        if "tool" not in _started:
            _started["tool"] = _start(where, language)
            _started["pid"] = os.getpid()
        return _base(_started["tool"])


def _start(where: str, language: str):
    def fail(problem: str):
        raise ConfigError(where, f"languagetool: local: {problem}")

    try:
        import language_tool_python
    except ImportError:
        fail(f"starting LanguageTool needs language-tool-python, which is not installed ({PACKAGE_HINT})")
    if shutil.which("java") is None:
        fail("starting LanguageTool needs Java 17 or later, and no `java` is on PATH (install a Java runtime, "
             "e.g. `apt install default-jre`)")
    try:
        return language_tool_python.LanguageTool(language)
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - its errors (and a SystemExit) become one line
        fail(f"language-tool-python could not start LanguageTool: {_first_line(exc)} "
             f"(LanguageTool is downloaded into {_download_folder()} on first use)")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0].strip()}" if text else type(exc).__name__


def _download_folder() -> str:
    return os.environ.get("LTP_PATH") or os.path.join("~", ".cache", "language_tool_python")


def _base(tool) -> str:
    # language-tool-python keeps the server's URL ("http://127.0.0.1:8123/v2/") in a private attribute.
    return str(tool._url).rstrip("/").removesuffix("/v2")


@atexit.register
def stop() -> None:
    """Stop the server this process started (a forked worker leaves it alone)."""
    with _lock:
        tool = _started.get("tool")
        if tool is None or _started.get("pid") != os.getpid():
            return
        _started.clear()
    try:
        tool.close()
    except Exception:  # noqa: BLE001 - at exit, nothing more to do
        pass
