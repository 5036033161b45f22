"""The version of lintnews (one place; the package, the CLI and reports read it)."""

__version__ = "0.3.0"
