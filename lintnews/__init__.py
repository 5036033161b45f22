"""lintnews: an editorial linter and text normalizer for news articles."""

from .api import check_text, fix_text, linter, load_rules
from .errors import ConfigError, InputError, LintnewsError, RuleError, UsageError
from .findings import Applicability, Edit, Finding, Fix, Severity
from .run.engine import FixResult, Linter
from .version import __version__

__all__ = [
    "Applicability", "ConfigError", "Edit", "Finding", "Fix", "FixResult", "InputError", "Linter",
    "LintnewsError", "RuleError", "Severity", "UsageError", "__version__", "check_text", "fix_text", "linter",
    "load_rules",
]
