"""Each finding links to the page that explains its rule: JSON `link`, text `--show-links`, SARIF help.

The base is the configuration's `docs-url` (default `docs/rules`, where the
pages sit in the lintnews repository); SARIF's helpUri needs an absolute
URI, so it is written only when docs-url is one.
"""

from __future__ import annotations

import json

from testkit import ROOT, SEED

HOSTED = "https://git.example.org/desk/lintnews/-/blob/v0.2.0/docs/rules"


def desk(tmp_path, config: str | None = None):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / SEED.name).write_bytes(SEED.read_bytes())
    if config is not None:
        (tmp_path / "lintnews.yaml").write_text(config, encoding="utf-8")
    return tmp_path


def test_json_links_to_the_page_in_the_repository_by_default(run_cli, tmp_path):
    folder = desk(tmp_path)
    findings = json.loads(run_cli("check", "--format", "json", "articles", cwd=folder).stdout)
    assert findings
    for f in findings:
        assert f["link"] == f"docs/rules/{f['rule'].replace('.', '/')}.md"
        assert (ROOT / f["link"]).is_file(), f["link"]
    lines = run_cli("check", "--format", "jsonl", "articles", cwd=folder).stdout.decode().splitlines()
    assert [json.loads(line)["link"] for line in lines] == [f["link"] for f in findings]


def test_docs_url_makes_links_absolute_and_gives_sarif_a_help_uri(run_cli, tmp_path):
    folder = desk(tmp_path, f"docs-url: {HOSTED}/\n")
    findings = json.loads(run_cli("check", "--format", "json", "articles", cwd=folder).stdout)
    confusable = next(f for f in findings if f["rule"] == "News.Confusables")
    assert confusable["link"] == f"{HOSTED}/News/Confusables.md"

    sarif = json.loads(run_cli("check", "--format", "sarif", "articles", cwd=folder).stdout)
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    rule = rules["News.Confusables"]
    assert rule["helpUri"] == f"{HOSTED}/News/Confusables.md"
    assert rule["help"]["text"].startswith('A real word typed for another ("hi elections" for "his elections"')
    assert "- Fix: safe: `lintnews fix` applies it" in rule["help"]["markdown"]
    assert "## Examples" in rule["help"]["markdown"] and "```text\n" in rule["help"]["markdown"]


def test_sarif_without_docs_url_has_help_but_no_relative_help_uri(run_cli, tmp_path):
    folder = desk(tmp_path)
    sarif = json.loads(run_cli("check", "--format", "sarif", "articles", cwd=folder).stdout)
    for rule in sarif["runs"][0]["tool"]["driver"]["rules"]:
        assert "helpUri" not in rule, rule["id"]
        assert rule["help"]["text"] and rule["help"]["markdown"]


def test_text_shows_links_on_request(run_cli, tmp_path):
    folder = desk(tmp_path, f"docs-url: {HOSTED}\n")
    plain = run_cli("check", "articles", cwd=folder).stdout.decode()
    assert "= see " not in plain
    shown = run_cli("check", "--show-links", "--select", "News.Confusables", "articles", cwd=folder).stdout.decode()
    assert f"^^\n  = see {HOSTED}/News/Confusables.md\n" in shown


def test_docs_url_is_a_configuration_key(run_cli, tmp_path):
    keys = run_cli("config", "--keys").stdout.decode()
    assert "    docs-url  (a string, default \"docs/rules\")" in keys
    folder = desk(tmp_path, "docs-url: [a, b]\n")
    proc = run_cli("check", "articles", cwd=folder)
    assert proc.returncode == 2
    err = proc.stderr.decode().strip()
    assert err == f"error: {folder / 'lintnews.yaml'}: key 'docs-url' must be a string, not list", err
