"""lintnews: an editorial linter and text normalizer for news articles."""

from .api import check_text, fix_text, linter, load_rules
from .run.engine import FixResult, Linter
from .errors import InputError, LintnewsError, RuleError, UsageError
from .findings import Applicability, Edit, Finding, Fix, Severity

__version__ = "0.1.0"

__all__ = [
    "Applicability", "Edit", "Finding", "Fix", "FixResult", "InputError", "Linter", "LintnewsError",
    "RuleError", "Severity", "UsageError", "check_text", "fix_text", "linter", "load_rules",
]
