"""Releases: one version everywhere, a changelog entry for it, and a wheel and sdist that work.

`python -m build` makes the sdist and then builds the wheel from that sdist
alone, so a file the sdist leaves out breaks the wheel too. The wheel is
installed into a fresh virtual environment (its dependencies come from the
test environment through a .pth file, so nothing is downloaded) and run on
the seed article from a folder outside the checkout.
"""

from __future__ import annotations

import re
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from testkit import ROOT, SEED

from lintnews.version import __version__

RULES = sorted(p.relative_to(ROOT / "rules").as_posix() for p in (ROOT / "rules").rglob("*.yml"))
DATA = sorted(p.name for p in (ROOT / "lintnews" / "data").iterdir() if p.is_file())


def test_version_is_read_from_one_place(run_cli):
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^dynamic = \["version"\]', pyproject, re.M), "the version is not written in pyproject.toml"
    assert 'path = "lintnews/version.py"' in pyproject
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)
    proc = run_cli("--version")
    assert proc.returncode == 0
    assert proc.stdout.decode().strip() == f"lintnews, version {__version__}"


def test_changelog_has_this_version():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (\S+)", changelog, re.M)
    assert headings[:2] == ["Unreleased", __version__], headings
    section = changelog.split(f"## {__version__}", 1)[1].split("\n## ", 1)[0]
    assert "### Added" in section


def test_readme_pins_the_current_tag():
    """Every `@vX.Y.Z` and `rev: vX.Y.Z` in the README names this version's tag."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    pins = set(re.findall(r"(?:@|rev: )v(\d+\.\d+\.\d+)", readme))
    assert pins == {__version__}, f"README pins {pins}, the version is {__version__}"


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    pytest.importorskip("build", reason="pip install '.[test]' brings `build`")
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return out


def test_sdist_holds_the_sources_and_data(dist):
    (sdist,) = dist.glob(f"lintnews-{__version__}.tar.gz")
    with tarfile.open(sdist) as tar:
        names = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    expected = {"pyproject.toml", "README.md", "CHANGELOG.md", "RELEASING.md", ".pre-commit-hooks.yaml",
                "lintnews/version.py", "docs/rules/README.md", "docs/rules/News/DuplicateTitle.md",
                *(f"rules/{r}" for r in RULES), *(f"lintnews/data/{d}" for d in DATA)}
    assert not expected - names, f"missing from the sdist: {sorted(expected - names)}"


def test_wheel_holds_the_rules_and_data(dist):
    (wheel,) = dist.glob(f"lintnews-{__version__}-py3-none-any.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {*(f"lintnews/styles/{r}" for r in RULES), *(f"lintnews/data/{d}" for d in DATA),
                "lintnews/version.py", "lintnews/cli/__init__.py"}
    assert not expected - names, f"missing from the wheel: {sorted(expected - names)}"
    assert not any(n.startswith(("tests/", "seeds/", "scripts/")) for n in names)
    metadata = zipfile.ZipFile(wheel).read(f"lintnews-{__version__}.dist-info/METADATA").decode()
    assert f"Version: {__version__}" in metadata
    entry_points = zipfile.ZipFile(wheel).read(f"lintnews-{__version__}.dist-info/entry_points.txt").decode()
    assert "lintnews = lintnews.cli:main" in entry_points


def test_wheel_installed_in_a_fresh_venv_checks_the_seed(dist, tmp_path):
    (wheel,) = dist.glob("*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    proc = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
                           "--no-index", "--quiet", str(wheel)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # Then the dependencies from this environment, after the venv's own site-packages (so its lintnews
    # comes first): a plain directory on the path, whose own .pth files (an editable install's) are not
    # read. Written after the install, or pip would find this environment's lintnews and skip the wheel.
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    lintnews = venv / "bin" / "lintnews"
    outside = tmp_path / "desk"
    outside.mkdir()
    (outside / SEED.name).write_bytes(SEED.read_bytes())
    # The first run builds the word tables into the (fresh) cache; on a busy machine that can outlast
    # the article's time budget, and this test is about what the wheel holds, not about speed.
    (outside / "lintnews.yaml").write_text("time-budget: 0\n", encoding="utf-8")

    def run(*args):
        return subprocess.run([str(lintnews), *args], cwd=outside, capture_output=True, text=True, timeout=300,
                              env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": str(tmp_path)})

    where = subprocess.run([str(python), "-c", "import lintnews; print(lintnews.__file__)"], cwd=outside,
                           capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(site)), f"lintnews imported from {where}, not from the installed wheel"
    assert run("--version").stdout.strip() == f"lintnews, version {__version__}"
    check = run("check", SEED.name)
    assert check.returncode == 1, check.stdout + check.stderr  # findings
    assert f"{SEED.name}:" in check.stdout
    assert "News.DuplicateTitle" in check.stdout and "News.Confusables" in check.stdout  # rules and their data
    assert "error:" not in check.stderr, check.stderr
    shown = run("rules", "show", "News.DuplicateTitle")
    assert shown.returncode == 0 and "Flagged" in shown.stdout, shown.stdout + shown.stderr
    assert f"| Source | {site}/lintnews/styles/News/DuplicateTitle.yml |" in shown.stdout


def readme_pip_lines() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = []
    for line in readme.splitlines():
        for part in re.split(r"&&|`", line):
            part = part.split(" # ")[0].strip().removeprefix("- ").removeprefix("run: ")
            if part.startswith("pip install"):
                lines.append(part)
    return lines


def test_every_readme_pip_line_is_one_this_suite_checks():
    """A new `pip install` line in the README needs a check here (or in .ci/run) that it works."""
    checked = {
        "pip install .": ".ci/run and the quick start",
        "pip install '.[test]'": ".ci/run",
        "pip install /path/to/lintnews": "the same as `pip install .`",
        "pip install build": "the test extra installs it",
        f"pip install dist/lintnews-{__version__}-py3-none-any.whl": "test_wheel_has_the_name_the_readme_gives",
        "pip install 'lintnews[archive]'": "test_readme_extras_exist (the test extra holds the same packages)",
        "pip install 'lintnews[dask]'": "test_readme_extras_exist (the test extra holds the same packages)",
        "pip install 'lintnews[languagetool]'": "test_readme_extras_exist (the test extra holds the same packages)",
    }
    git_url = re.compile(r'pip install "lintnews @ git\+(https|ssh)://\S+@v' + re.escape(__version__) + r'"')
    for line in readme_pip_lines():
        assert line in checked or git_url.fullmatch(line), f"README line not covered by a test: {line}"
    assert any(git_url.fullmatch(line) for line in readme_pip_lines())


def test_readme_extras_exist():
    """Every extra a README line installs is declared, and the test extra holds its packages (so the suite
    exercises what the extra installs)."""
    import tomllib

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    named = {m.group(1) for line in readme_pip_lines() for m in [re.fullmatch(r"pip install 'lintnews\[(\w+)\]'", line)] if m}
    assert named >= {"archive", "dask", "languagetool"}
    test = {re.split(r"[<>=\[ ]", d)[0].lower() for d in extras["test"]}
    for extra in named:
        assert extra in extras, f"README installs lintnews[{extra}], which pyproject.toml does not declare"
        for dep in extras[extra]:
            assert re.split(r"[<>=\[ ]", dep)[0].lower() in test, f"{dep} (extra {extra}) is not in the test extra"


def test_wheel_has_the_name_the_readme_gives(dist):
    assert (dist / f"lintnews-{__version__}-py3-none-any.whl").is_file()


def test_pip_installs_from_a_git_url_at_a_release_tag(tmp_path):
    """The README's `lintnews @ git+URL@vX.Y.Z` form, against a clone tagged like a release."""
    if subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True).returncode != 0:
        pytest.skip("not a git checkout")
    hosted = tmp_path / "hosted"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(hosted)], check=True, env=env, timeout=120)
    # -f: the checkout may carry the release tag already (on another commit); the clone's HEAD is what is tested.
    subprocess.run(["git", "-C", str(hosted), "-c", "user.name=t", "-c", "user.email=t@example.invalid",
                    "tag", "-f", f"v{__version__}"], check=True, env=env, capture_output=True)
    target = tmp_path / "site"
    proc = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target),
                           f"lintnews @ git+file://localhost{hosted}@v{__version__}"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f'__version__ = "{__version__}"' in (target / "lintnews" / "version.py").read_text()
    assert (target / "lintnews" / "styles" / "News" / "DuplicateTitle.yml").is_file()
