"""The kinds: one module per kind in ``lintnews/rules/kinds/``, found by name.

A kind module (``number_format.py``) defines one subclass of
:class:`lintnews.rules.base.Rule` named after its kind (``NumberFormat``),
with a ``name`` (the value of ``extends:`` in YAML, ``number-format``), its
``OPTIONS`` and a ``check(doc)``. Adding a module there adds a kind; there
is no list to edit.

``kind(name)`` imports only the module of the kind asked for (a start that
loads the built-in rules needs 12 of the 24 kind modules); ``registry()``
imports them all (listing the kinds, an unknown kind's error).
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from functools import lru_cache

from . import kinds
from .base import Rule


_KIND_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*\Z")


@lru_cache(maxsize=1)
def registry() -> dict[str, type[Rule]]:
    import pkgutil  # listing every kind: not at every start

    found: dict[str, type[Rule]] = {}
    for info in pkgutil.iter_modules(kinds.__path__):
        if info.name.startswith("_"):
            continue
        found.update(_kinds_in(importlib.import_module(f"{kinds.__name__}.{info.name}")))
    return found


def _kinds_in(module) -> dict[str, type[Rule]]:
    return {value.name: value for value in vars(module).values()
            if isinstance(value, type) and issubclass(value, Rule) and value.__module__ == module.__name__
            and value.name}


@lru_cache(maxsize=None)
def kind(name: str) -> type[Rule] | None:
    """The kind called ``name`` (None: no such kind), from its own module when it is named after it."""
    if isinstance(name, str) and _KIND_NAME.match(name):
        module = f"{kinds.__name__}.{name.replace('-', '_')}"
        if importlib.util.find_spec(module) is not None:
            found = _kinds_in(importlib.import_module(module)).get(name)
            if found is not None:
                return found
    return registry().get(name)
