"""script: Vale's rules written in Tengo. Not supported: the rule loads, warns once, and never reports.

lintnews runs no code from a rule file, so a Vale style with a script rule loads whole: the
loader names the rule in one warning and the style's other rules run.
"""

from __future__ import annotations

from ..base import Option, Rule


class Script(Rule):
    name = "script"
    summary = "Vale's Tengo script rule: not supported; loads with a warning and never reports."
    OPTIONS = {
        "script": Option("str", "", "the Tengo script (or the name of its file); never run"),
    }

    def compile(self):
        self.load_warnings.append("kind 'script' (Tengo scripts) is not supported; the rule does not run")

    def check(self, doc):
        return iter(())
