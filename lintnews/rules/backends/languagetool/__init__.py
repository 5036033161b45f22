"""The LanguageTool backend: an HTTP client (``client``) and the rule that uses it (``rule``).

The rule's names (``backend_rule``, ``status``...) are read from ``rule`` when first asked for: the
configuration reads only ``options``, and a check that uses no LanguageTool never loads the client
(with shutil, bz2 and lzma: about 3 ms of a one-article check).
"""

import importlib


def __getattr__(name: str):
    rule = importlib.import_module(f"{__name__}.rule")
    if name == "rule":
        return rule
    try:
        return getattr(rule, name)
    except AttributeError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
