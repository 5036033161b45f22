"""``extend:``: a configuration that builds on another one (a desk's on the newsroom's).

``extend: ../lintnews.yaml`` (a path relative to the file, as ruff's
``extend`` takes; a folder means the configuration file in it) reads that
configuration first and puts this one on top:

* ``select``, ``extend-select``, ``ignore`` and ``severity`` are levels, the
  extended file's first (run/selection.py): the child's ``select`` replaces
  the rules chosen so far, its ``extend-select`` adds, its ``ignore`` takes
  away, its ``severity`` wins for the rules it names.
* ``per-path`` sections and ``exclude`` globs of both apply, each glob
  relative to the file that holds it; the child's sections come later, so
  they win where both set something.
* ``styles`` and ``vocab`` folders add up (the extended file's first).
* ``language``, ``fail-on``, ``time-budget`` and ``languagetool``: the
  child's when it sets them, else the extended file's.

The extended file may itself extend another; a loop is an error. A file
in the extending file's folder, in a folder above it or below it needs no
consent; one elsewhere is read only with the user's consent, as a styles
folder outside the project is (run/trust.py).
"""

from __future__ import annotations

import os
from pathlib import Path

from . import markup_config
from .trust import Trust


def target(fail, root: Path, name: str, names: tuple[str, ...], trust: Trust, chain: tuple[Path, ...]) -> Path:
    """The configuration file ``extend: name`` means, checked: it exists, is allowed, and is no loop."""
    path = Path(os.path.normpath(root / Path(name).expanduser()))
    if path.is_dir():
        found = [path / n for n in names if (path / n).is_file()]
        if not found:
            fail(f"key 'extend': no {', '.join(names)} in folder {path}")
        path = found[0]
    if not path.is_file():
        fail(f"key 'extend': configuration not found: {path}")
    real = path.resolve()
    if real in chain:
        loop = " -> ".join(str(p) for p in (*chain[chain.index(real):], real))
        fail(f"key 'extend': configurations extend each other in a loop: {loop}")
    folder = real.parent
    nearby = root.is_relative_to(folder) or folder.is_relative_to(root)
    if not nearby and not trust.allows_folder(folder):
        fail(trust.folder_refused("extend", name, real, root))
    return path


def inherit(settings, parent, data: dict) -> None:
    """Put ``settings`` (a ``config.Settings`` read from ``data``) on top of ``parent``, in place."""
    settings.parent = parent
    settings.styles = _union(parent.styles, settings.styles)
    settings.vocab = _union(parent.vocab, settings.vocab)
    if "language" not in data:
        settings.language = parent.language
    if "fail-on" not in data:
        settings.fail_on = parent.fail_on
    if "time-budget" not in data:
        settings.time_budget = parent.time_budget
    if "headline-fields" not in data:
        settings.headline_fields = parent.headline_fields
    if "vale-config" not in data:  # the Vale configuration the parent builds on (run/vale_ini.py reads it)
        settings.vale_config = parent.vale_config
    settings.markup = markup_config.inherit(parent.markup, settings.markup, data)
    if "languagetool" not in data:
        settings.languagetool = parent.languagetool
        settings.languagetool_allowed = parent.languagetool_allowed


def _union(first: list[Path], then: list[Path]) -> list[Path]:
    seen = {p.resolve() for p in first}
    return [*first, *(p for p in then if p.resolve() not in seen)]
