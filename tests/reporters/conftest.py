"""Shared material for the reporter tests: real findings on real text, and a context to render them with."""

from __future__ import annotations

import io

import pytest
from reportcorpus import CLEAN_ARTICLE, EMOJI_ARTICLE, PATHS, SEED

import lintnews
from lintnews.read.document import Document
from lintnews.report import FORMATS, ReportContext


@pytest.fixture(scope="session")
def rules():
    return lintnews.load_rules()


@pytest.fixture(scope="session")
def corpus(rules):
    """(texts by path, findings sorted as the CLI sorts them) for the seed, the emoji article and a clean one."""
    texts = {
        PATHS["seed"]: SEED.read_text(encoding="utf-8"),
        PATHS["emoji"]: EMOJI_ARTICLE,
        PATHS["clean"]: CLEAN_ARTICLE,
    }
    linter = lintnews.Linter(rules)
    findings = []
    for path, text in texts.items():
        findings.extend(linter.check(text, path).findings)
    findings.sort(key=lambda f: f.sort_key())
    return texts, findings


@pytest.fixture(scope="session")
def render(corpus, rules):
    """render(fmt, findings=None, docs=None, rules=None) -> the format's output as a string."""
    texts, all_findings = corpus

    def run(fmt, findings=None, docs=None, rule_list=None):
        stream = io.StringIO()
        ctx = ReportContext(
            docs=docs if docs is not None else {p: Document(t, p) for p, t in texts.items()},
            rules=rule_list if rule_list is not None else rules,
            stream=stream,
        )
        FORMATS[fmt].render(all_findings if findings is None else findings, ctx)
        return stream.getvalue()

    return run

