"""The kinds: one module per kind in ``lintnews/rules/kinds/``, found by name.

A kind module defines ``Kind``, a subclass of :class:`lintnews.rules.base.Rule`
with a ``name`` (the value of ``extends:`` in YAML), its ``OPTIONS`` and a
``check(article)``. Adding a module there adds a kind; there is no list to edit.
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
        kind = getattr(module, "Kind", None)
        if kind is not None:
            found[kind.name] = kind
    return found
