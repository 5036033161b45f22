"""readability: a document harder to read than a grade (Vale's kind).

As in Vale: the grades of the ``metrics`` named (Gunning Fog, Coleman-Liau, Flesch-Kincaid,
SMOG, Automated Readability) are averaged over the document's prose; above ``grade`` there is
one finding at the start of the document, the message's ``%s`` the average with two decimals.
"""

from __future__ import annotations

from ..base import Option, Rule
from ..text_stats import METRICS, readability, stats


class Readability(Rule):
    name = "readability"
    summary = "Flags a document whose readability grade (Flesch-Kincaid, Gunning Fog...) is above a limit."
    OPTIONS = {
        "metrics": Option("words", required=True, help="grades to average: " + ", ".join(METRICS)),
        "grade": Option("float", required=True, help="the highest grade accepted"),
    }

    def compile(self):
        for metric in self["metrics"]:
            if metric not in METRICS:
                self.fail(f"key 'metrics': unknown metric '{metric}' (use {', '.join(METRICS)})")
        if not self["metrics"]:
            self.fail("key 'metrics' is empty")

    def check(self, doc):
        values = stats(doc)
        if not values["words"]:
            return
        grade = sum(readability(values, m) for m in self["metrics"]) / len(self["metrics"])
        if grade > self["grade"] and doc.text:  # at the start of the file, as Vale reports a whole-document rule
            yield self.finding(doc, 0, 1, self.format_message(f"{grade:.2f}"))
