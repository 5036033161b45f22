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



@pytest.fixture
def one_unread(run_cli, tmp_path):
    """check_with(fmt) -> the CompletedProcess of a check of ok.txt (one doubled word) and u16.txt
    (UTF-16 text, which the run cannot read: exit 2), run in tmp_path."""
    (tmp_path / "ok.txt").write_text("Troops leave\n\nThe the troops left.\n")
    (tmp_path / "u16.txt").write_bytes("Troops leave\n\nThe troops left.\n".encode("utf-16"))

    def check_with(fmt, *paths):
        return run_cli("check", "--isolated", "--format", fmt, *(paths or ("ok.txt", "u16.txt")), cwd=tmp_path,
                       env={"GITHUB_STEP_SUMMARY": ""})
    return check_with
