"""Rule kinds: the code behind rules. One module per kind, found by name.

A kind module defines ``Kind``, a subclass of :class:`lintnews.rule.Rule`
with a ``name`` (the value of ``extends:`` in YAML), its ``OPTIONS`` and a
``check(doc)``. Adding a module here adds a kind; there is no list to edit.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from ..rule import Rule


@lru_cache(maxsize=1)
def registry() -> dict[str, type[Rule]]:
    kinds: dict[str, type[Rule]] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        kind = getattr(module, "Kind", None)
        if kind is not None:
            kinds[kind.name] = kind
    return kinds
