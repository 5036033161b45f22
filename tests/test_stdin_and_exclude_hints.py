"""Standard input is configured and shown like a file; an exclude glob that misses is pointed out."""

STORY = "Storm closes coast road\n\nThe the storm closed the coast road, and officials said it would utilise barriers.\n"


def test_stdin_filename_shows_the_offending_line_in_text_output(run_cli, tmp_path):
    proc = run_cli("check", "--isolated", "--stdin-filename", "content/wire/storm.md", "-",
                   input=STORY.encode(), cwd=tmp_path)
    out = proc.stdout.decode()
    assert "content/wire/storm.md:3:1: suggestion: News.DoubledWord" in out
    assert "3 | The the storm closed the coast road" in out  # the line and its carets, as for a file
    assert "^^^^^^^" in out


def test_stdin_without_a_filename_uses_the_configuration_of_the_current_folder(run_cli, tmp_path):
    (tmp_path / "vocab" / "House").mkdir(parents=True)
    (tmp_path / "vocab" / "House" / "reject.txt").write_text("utilise\n", encoding="utf-8")
    (tmp_path / "lintnews.yaml").write_text("vocab: [vocab/House]\nfail-on: error\n", encoding="utf-8")
    proc = run_cli("check", "--format", "concise", "-", input=STORY.encode(), cwd=tmp_path)
    out = proc.stdout.decode()
    assert "Vocab.Rejected 'utilise' is on the reject list." in out
    assert proc.returncode == 1  # the reject list's finding is an error: fail-on error from the config
    isolated = run_cli("check", "--isolated", "--format", "concise", "-", input=STORY.encode(), cwd=tmp_path)
    assert "Vocab.Rejected" not in isolated.stdout.decode()


def test_an_exclude_glob_anchored_at_the_wrong_folder_gets_a_hint(run_cli, tmp_path):
    (tmp_path / "content" / "drafts").mkdir(parents=True)
    (tmp_path / "content" / "news").mkdir(parents=True)
    (tmp_path / "content" / "drafts" / "d.md").write_text(STORY, encoding="utf-8")
    (tmp_path / "content" / "news" / "a.md").write_text(STORY, encoding="utf-8")
    (tmp_path / "lintnews.yaml").write_text('exclude: ["drafts/**"]\n', encoding="utf-8")
    proc = run_cli("check", "--format", "concise", ".", cwd=tmp_path)
    err = proc.stderr.decode()
    assert "exclude 'drafts/**' matches none of the articles checked" in err
    assert "did you mean 'content/drafts/**'" in err
    (tmp_path / "lintnews.yaml").write_text('exclude: ["**/drafts/**"]\n', encoding="utf-8")
    proc = run_cli("check", "--format", "concise", ".", cwd=tmp_path)
    assert "matches none" not in proc.stderr.decode()
    assert "content/drafts/d.md" not in proc.stdout.decode() and "content/news/a.md" in proc.stdout.decode()


def test_the_starter_configuration_excludes_drafts_at_any_depth(run_cli, tmp_path):
    assert run_cli("init", cwd=tmp_path).returncode == 0
    (tmp_path / "content" / "drafts").mkdir(parents=True)
    (tmp_path / "content" / "drafts" / "d.md").write_text(STORY, encoding="utf-8")
    (tmp_path / "content" / "a.md").write_text(STORY, encoding="utf-8")
    out = run_cli("check", "--format", "concise", ".", cwd=tmp_path).stdout.decode()
    assert "content/a.md" in out and "drafts" not in out
