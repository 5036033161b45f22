"""YAML for test data that refuses a key given twice (PyYAML silently keeps the last)."""

from __future__ import annotations

import yaml

from lintnews.rules.loader import _rule_yaml_loader


class StrictLoader(_rule_yaml_loader()):
    """The loader lintnews reads rule files with (a SafeLoader with YAML 1.2 booleans: a bare
    ``on`` is a word), but a mapping with a repeated key is an error."""


def _mapping_without_duplicates(loader, node):
    loader.flatten_mapping(node)
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return dict(loader.construct_pairs(node, deep=True))


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates)


def load(text: str):
    return yaml.load(text, Loader=StrictLoader)
