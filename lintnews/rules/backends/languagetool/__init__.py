"""The LanguageTool backend: an HTTP client (``client``) and the rule that uses it (``rule``)."""

from .rule import *  # noqa: F401,F403
