"""Vale's spelling as Vale decides it: its own en_US-web word list and its speller's rules (case, numbers,
a dictionary read as UTF-8 whatever its SET line says), each case a newsroom's own rule, dictionary and
article (written for these tests), run through the installed `lintnews` command with only a .vale.ini
beside the article."""

from __future__ import annotations

import json

from lintnews.rules.vale_speller import speller


def project(tmp_path, rules: dict[str, str], story: str, based_on: str = "Desk") -> None:
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\nMinAlertLevel = suggestion\n\n"
                                        f"[*]\nBasedOnStyles = {based_on}\n")
    style = tmp_path / "styles" / "Desk"
    style.mkdir(parents=True)
    for name, text in rules.items():
        (style / f"{name}.yml").write_text(text, encoding="utf-8")
    (tmp_path / "story.md").write_text(story, encoding="utf-8")


def spots(run_cli, cwd) -> list[tuple[int, int, str, str]]:
    proc = run_cli("check", "--format", "json", "story.md", cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return [(f["line"], f["column"], f["rule"], f["message"]) for f in json.loads(proc.stdout)]


def test_vale_spelling_knows_the_words_of_vales_own_dictionary(run_cli, tmp_path):
    story = ("# Outage at city hall\n\n"
             "The city's sysadmin said the outage was a faux emergency, and the backup ran overnight.\n\n"
             "Residents were told to recieve updates by text.\n")
    project(tmp_path, {}, story, based_on="Vale")
    # Hunspell's en_US lacks "sysadmin" and "faux"; Vale's en_US-web has both. The typo is still found.
    assert spots(run_cli, tmp_path) == [(5, 24, "Vale.Spelling", "Did you really mean 'recieve'?")]


def test_a_word_listed_in_lower_case_is_known_in_any_case_as_in_vale(run_cli, tmp_path):
    # A desk rule that checks only words in capitals (its filter skips any word with a lower-case letter):
    # "XXX" and "FYI" are listed as "xxx" and "fyi", which Vale's speller accepts; "TKTK" is not.
    rule = "extends: spelling\nmessage: \"Placeholder left in: '%s'.\"\nlevel: error\ncustom: true\nfilters: ['[a-z]+']\n"
    story = "# Budget\n\nFYI the council meets at XXX on Monday. TKTK confirm the time.\n"
    project(tmp_path, {"Placeholders": rule}, story)
    assert spots(run_cli, tmp_path) == [(3, 41, "Desk.Placeholders", "Placeholder left in: 'TKTK'.")]


def test_an_images_alt_text_and_a_links_words_are_read_apart_from_the_address(run_cli, tmp_path):
    # Vale reads the rendered text: the alt text "TKTK" is a word of its own, not "![TKTK](/photos/vote.jpg)".
    rule = "extends: spelling\nmessage: \"Placeholder left in: '%s'.\"\nlevel: error\ncustom: true\nfilters: ['[a-z]+']\n"
    story = ("# Budget\n\n![TKTK](/photos/vote.jpg)\n\nThe [full budget](https://example.org/TKTK) is online. "
             "*TKTK* add the vote count.\n")
    project(tmp_path, {"Placeholders": rule}, story)
    assert spots(run_cli, tmp_path) == [(3, 3, "Desk.Placeholders", "Placeholder left in: 'TKTK'."),
                                        (5, 57, "Desk.Placeholders", "Placeholder left in: 'TKTK'.")]


def test_a_dictionary_without_a_set_line_is_read_as_utf8_and_other_scripts_skip_default_filters(run_cli, tmp_path):
    # A desk's dictionary of Ukrainian place names, written in UTF-8 with no SET line (Hunspell would read it
    # as ISO 8859-1 and know none of them; Vale reads the bytes as UTF-8).
    rule = ("extends: spelling\nmessage: \"'%s' is not in the place-name list.\"\nlevel: error\ncustom: true\n"
            "dicpath: places\ndictionaries: [uk_places]\n")
    story = "# Shelling\n\nThe shelling hit Харків and Херсон overnight, and Запоріжжя on Tuesday.\n"
    project(tmp_path, {"Places": rule}, story)
    places = tmp_path / "styles" / "places"
    places.mkdir()
    (places / "uk_places.aff").write_text("TRY абвгдеєжзиіїйклмнопрстуфхцчшщьюя\n", encoding="utf-8")
    (places / "uk_places.dic").write_text("4\nХарків\nХерсон\nКиїв\nОдеса\n", encoding="utf-8")
    flagged = [message.split("'")[1] for *_, message in spots(run_cli, tmp_path)]
    assert flagged == ["Shelling", "The", "shelling", "hit", "and", "overnight", "and", "Запоріжжя", "on",
                       "Tuesday"]
    # With Vale's default filters on, a word in another script is never looked up: only English words remain.
    (tmp_path / "styles" / "Desk" / "Places.yml").write_text(rule.replace("custom: true\n", ""), encoding="utf-8")
    flagged = [message.split("'")[1] for *_, message in spots(run_cli, tmp_path)]
    assert flagged == ["Shelling", "The", "shelling", "hit", "and", "overnight", "and", "on", "Tuesday"]


def test_vales_speller_expands_affixes_and_knows_numbers_and_ordinals():
    words = speller("", "en_US")
    for known in ("councils", "reopened", "colour", "3,000", "1.5", "21st", "100GB", "0x1F"):
        assert words.spell(known), known
    for unknown in ("recieve", "paris", "well-known", "11th"):  # proper names keep their case; no hyphenated entries
        assert not words.spell(unknown), unknown
