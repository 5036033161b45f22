"""What the user, not a project, lets a project's configuration do.

A configuration file travels with its repository: the ``lintnews.yaml`` or
``pyproject.toml`` of a cloned project was written by someone else. Two of
its keys reach beyond the articles, so, as pre-commit and editors treat a
repository's settings, they take effect only with the user's consent:

* ``languagetool``: a server that would receive every paragraph. Without
  consent it is not contacted: one warning per configuration file says so
  and how to allow it, and every other rule runs. ``languagetool: {local:
  true}`` (start LanguageTool here) is the same question: it runs Java and
  may download LanguageTool, so it needs consent given to any server, or to
  ``local`` by name; ``--languagetool-local`` is the user's own request.
* ``styles`` and ``vocab``: folders read as rules and word lists. One that
  resolves (links followed) outside the project, the folder holding the
  configuration, is a configuration error without consent. ``--styles`` on
  the command line is the user's own choice and needs none.

Consent comes from any of the command line (``--allow-languagetool``,
``--allow-outside-paths``), the environment (:data:`ENV_SERVERS`,
:data:`ENV_FOLDERS`: ``1`` for any, or the servers / folders allowed) or the
user's own configuration file (:func:`user_config_path`)::

    # ~/.config/lintnews/config.yaml
    allow-languagetool: [http://localhost:8081, local]   # or true: any server, and local
    allow-outside-paths: [~/newsroom/styles]      # or true: any folder
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError
from ..read.datafile import load_yaml
from ..rules.backends.languagetool.options import base_url
from ..rules.schema import Option, Schema

ENV_SERVERS = "LINTNEWS_ALLOW_LANGUAGETOOL"
ENV_FOLDERS = "LINTNEWS_ALLOW_OUTSIDE_PATHS"
SERVERS_FLAG = "--allow-languagetool"
LOCAL_FLAG = "--languagetool-local"
LOCAL = "local"  # in an allow-languagetool list: a LanguageTool started on this machine (local: true)
FOLDERS_FLAG = "--allow-outside-paths"

USER_KEYS = Schema({
    "allow-languagetool": Option("bool|strings", False, "true: projects' configurations may name any LanguageTool "
                                 "server (or start one: local); or the servers they may name (URLs, or local)"),
    "allow-outside-paths": Option("bool|strings", False, "true: projects' styles and vocab may be anywhere; or the "
                                  "folders outside a project they may name (~ allowed)"),
})
_YES = ("1", "true", "yes", "on")
_NO = ("", "0", "false", "no", "off")


def user_config_path(environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_CONFIG_HOME/lintnews/config.yaml``, by default ``~/.config/lintnews/config.yaml``."""
    environ = os.environ if environ is None else environ
    base = environ.get("XDG_CONFIG_HOME", "")
    home = Path(base) if base and Path(base).is_absolute() else Path.home() / ".config"
    return home / "lintnews" / "config.yaml"


def _server(url: str) -> str:
    """A server's URL as compared: scheme and host in lower case, no trailing / or /v2."""
    base = base_url(url)
    scheme, sep, rest = base.partition("://")
    host, slash, path = rest.partition("/")
    return f"{scheme.lower()}{sep}{host.lower()}{slash}{path}"


def _url(url: str, where: str, what: str) -> str:
    """A server the user allows, as compared; a one-line error for what is no http(s) URL (or ``local``)."""
    if url.strip().lower() == LOCAL:
        return LOCAL
    scheme, sep, rest = url.strip().partition("://")
    if scheme.lower() not in ("http", "https") or not sep or not rest.strip("/"):
        raise ConfigError(where, f"{what} must name http:// or https:// servers, not {url!r}")
    return _server(url)


def _folder(name: str, relative_to: Path | None = None) -> Path:
    path = Path(name).expanduser()
    if relative_to is not None and not path.is_absolute():
        path = relative_to / path
    return path.resolve()


@dataclass(frozen=True)
class Trust:
    any_server: bool = False
    servers: frozenset[str] = frozenset()
    any_folder: bool = False
    folders: tuple[Path, ...] = ()
    user_config: Path | None = None  # where the user's consent would be written, for messages
    local_flag: bool = False  # --languagetool-local: every configuration's languagetool is a local server

    def allows_server(self, url: str) -> bool:
        # With --languagetool-local no project's server is contacted (a local one replaces it).
        return self.any_server or self.local_flag or _server(url) in self.servers

    def allows_local(self) -> bool:
        """Whether a project's ``languagetool: {local: true}`` may start LanguageTool here (Java, a download)."""
        return self.any_server or self.local_flag or LOCAL in self.servers

    def allows_folder(self, folder: Path) -> bool:
        """Whether ``folder`` (resolved) may be read although it is outside its project."""
        return self.any_folder or any(folder == f or folder.is_relative_to(f) for f in self.folders)

    def server_refused(self, where: str, url: str) -> str:
        """The one-line warning for a server named in ``where`` that is not contacted ("" for local: true)."""
        if not url:
            return (f"{where}: local LanguageTool not started (asked for only by the project's configuration; it runs "
                    f"Java and may download LanguageTool); allow it with {LOCAL_FLAG}, {SERVERS_FLAG}, "
                    f"{ENV_SERVERS}={LOCAL} or allow-languagetool: [{LOCAL}] in {self._user_config()}")
        return (f"{where}: LanguageTool server {url} not contacted (named only in the project's configuration); "
                f"allow it with {SERVERS_FLAG}, {ENV_SERVERS}={url} or allow-languagetool in {self._user_config()}")

    def folder_refused(self, key: str, name: str, folder: Path, root: Path) -> str:
        """The problem for a ``styles``/``vocab`` folder outside the project."""
        where = f"{name!r} is" if name == str(folder) else f"{name!r} is {folder},"
        return (f"key '{key}': {where} outside the project ({root}); allow it with "
                f"{FOLDERS_FLAG}, {ENV_FOLDERS}=1 or allow-outside-paths in {self._user_config()}")

    def _user_config(self) -> Path:
        return self.user_config or user_config_path()

    @classmethod
    def load(cls, allow_languagetool: bool = False, allow_outside_paths: bool = False,
             environ: Mapping[str, str] | None = None, languagetool_local: bool = False) -> Trust:
        """The consent given by the flags, the environment and the user's configuration file.

        Raises a one-line :class:`ConfigError` for a bad user configuration or environment value.
        """
        environ = os.environ if environ is None else environ
        where = user_config_path(environ)
        servers, folders = _read_user_config(where)
        any_server = allow_languagetool or servers is True
        any_folder = allow_outside_paths or folders is True
        server_set = set() if isinstance(servers, bool) else {_url(u, str(where), "key 'allow-languagetool'")
                                                              for u in servers}
        folder_list = [] if isinstance(folders, bool) else [_folder(f, where.parent) for f in folders]
        value = environ.get(ENV_SERVERS, "").strip()
        if value.lower() in _YES:
            any_server = True
        elif value.lower() not in _NO:
            server_set |= {_url(u, ENV_SERVERS, "the value") for u in value.replace(",", " ").split()}
        value = environ.get(ENV_FOLDERS, "").strip()
        if value.lower() in _YES:
            any_folder = True
        elif value.lower() not in _NO:
            folder_list += [_folder(f) for f in value.split(os.pathsep) if f.strip()]
        return cls(any_server, frozenset(server_set), any_folder, tuple(folder_list), where, languagetool_local)


def _read_user_config(path: Path) -> tuple[bool | list[str], bool | list[str]]:
    """The two consents of the user's configuration file (False, False when there is none)."""
    where = str(path)

    def fail(problem: str):
        raise ConfigError(where, problem)

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return False, False
    except OSError as exc:
        fail(f"cannot read: {exc.strerror or exc}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        fail("configuration is not UTF-8")
    data = load_yaml(text, where, error=ConfigError)  # bounded aliases and nesting, like every config
    if data is None:
        return False, False
    if not isinstance(data, dict):
        fail(f"configuration must be a mapping of keys, not {type(data).__name__}")
    values = USER_KEYS.validate(data, fail)
    return values["allow-languagetool"], values["allow-outside-paths"]
