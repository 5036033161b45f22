"""`check --styles DIR` under a configuration whose select leaves the folder's rules out says so."""

RULE = 'extends: substitution\nmessage: "Use %s rather than %s."\nlevel: warning\nswap:\n  utilize: use\n'
ARTICLE = "Council vote\n\nThey utilize the hall.\n"


def project(tmp_path, config: str | None):
    (tmp_path / "mystyle" / "House").mkdir(parents=True)
    (tmp_path / "mystyle" / "House" / "Utilize.yml").write_text(RULE)
    (tmp_path / "a.txt").write_text(ARTICLE)
    if config is not None:
        (tmp_path / "lintnews.yaml").write_text(config)


def test_a_style_the_select_leaves_out_is_named_with_the_flag_that_adds_it(run_cli, tmp_path):
    project(tmp_path, "select: [News]\n")
    proc = run_cli("check", "--styles", "mystyle", "a.txt", cwd=tmp_path)
    assert proc.returncode == 0
    assert proc.stdout.decode().strip() == "All clean: no findings in 1 file."
    (warning,) = proc.stderr.decode().splitlines()
    assert warning == (f"warning: {(tmp_path / 'mystyle').resolve()}: no rule of this folder runs: the select in "
                       "effect leaves all 1 out; add them with --extend-select House")

    proc = run_cli("check", "--styles", "mystyle", "--extend-select", "House", "a.txt", cwd=tmp_path)
    assert proc.returncode == 1 and "House.Utilize" in proc.stdout.decode()
    assert proc.stderr.decode() == ""


def test_no_warning_when_the_style_runs(run_cli, tmp_path):
    project(tmp_path, None)
    proc = run_cli("check", "--styles", "mystyle", "a.txt", cwd=tmp_path)
    assert proc.returncode == 1 and "House.Utilize" in proc.stdout.decode()
    assert proc.stderr.decode() == ""
