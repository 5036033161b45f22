"""Vale packages as other teams write them: what their files do that Vale accepts, lintnews must too.

Each test is a small newsroom project (a .vale.ini, a style, an article) driven through the
installed `lintnews check`, as `vale .` would be run in that folder.
"""

from __future__ import annotations

import json

HEDGING = ("extends: existence\nmessage: \"Avoid hedging: '%s'.\"\nlevel: warning\nignorecase: true\n"
           "tokens:\n  - reportedly\n  - allegedly\n")


def project(tmp_path, ini: str, rules: dict[str, str], articles: dict[str, str]):
    (tmp_path / ".vale.ini").write_text(ini)
    style = tmp_path / "styles" / "Desk"
    style.mkdir(parents=True)
    for name, text in rules.items():
        (style / name).write_text(text)
    for name, text in articles.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    return tmp_path


def found(run_cli, cwd, *args) -> list[tuple[str, int, int, str]]:
    proc = run_cli("check", "--format", "json", *args, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return sorted((f["path"], f["line"], f["column"], f["rule"]) for f in json.loads(proc.stdout))


def test_a_value_continued_with_a_backslash_takes_the_next_lines(run_cli, tmp_path):
    # A Hugo newsroom's configuration: the shortcode patterns one per line, each line but the
    # last ending with "\" (go-ini joins them; Vale's Hugo package writes its TokenIgnores so).
    ini = ("StylesPath = styles\nMinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = Desk\n"
           "# the embeds the CMS expands\n"
           "TokenIgnores = ({{< tweet [^>]* >}}), \\\n"
           "    ({{< figure [^>]* >}}), \\\n"
           "    ({{% quote [^%]* %}})\n")
    article = ("# Flood defences\n\nThe wall was reportedly finished in May.\n\n"
               '{{< figure caption="Workers allegedly left early" >}}\n\n'
               'A resident posted {{< tweet user="riverwatch" text="reportedly closed" >}} on Monday.\n\n'
               '{{% quote who="engineer" text="allegedly unsafe" %}}\n')
    cwd = project(tmp_path, ini, {"Hedging.yml": HEDGING}, {"floods.md": article})
    # Only the hedge in the prose is flagged: all three shortcodes are ignored.
    assert found(run_cli, cwd, ".") == [("floods.md", 3, 14, "Desk.Hedging")]
