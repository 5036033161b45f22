"""Rule kinds: the code behind rules, one module per kind (see :mod:`lintnews.rules.registry`)."""
