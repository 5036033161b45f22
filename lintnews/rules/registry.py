"""The kinds: one module per kind in ``lintnews/rules/kinds/``, found by name.

A kind module (``number_format.py``) defines one subclass of
:class:`lintnews.rules.base.Rule` named after its kind (``NumberFormat``),
with a ``name`` (the value of ``extends:`` in YAML, ``number-format``), its
``OPTIONS`` and a ``check(doc)``. Adding a module there adds a kind; there
is no list to edit.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from . import kinds
from .base import Rule


@lru_cache(maxsize=1)
def registry() -> dict[str, type[Rule]]:
    found: dict[str, type[Rule]] = {}
    for info in pkgutil.iter_modules(kinds.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{kinds.__name__}.{info.name}")
        for value in vars(module).values():
            if (isinstance(value, type) and issubclass(value, Rule) and value.__module__ == module.__name__
                    and value.name):
                found[value.name] = value
    return found
