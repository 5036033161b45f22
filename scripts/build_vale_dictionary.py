#!/usr/bin/env python3
"""Write ``lintnews/data/vale-en_US-web.dic.gz`` and ``.aff``: Vale's default spelling dictionary.

    python scripts/build_vale_dictionary.py VALE_CHECKOUT

Vale checks spelling against its own English (US) dictionary, ``en_US-web``, embedded in its
binary from ``internal/spell/data/en_US-web.dic`` and ``.aff`` (a Hunspell pair generated from
SCOWL, Kevin Atkinson's Spell Checker Oriented Word Lists). Hunspell's en_US (the one the
chunspell package ships, or Debian's hunspell-en-us) is another SCOWL build: it lacks words
Vale knows ("sysadmin", "faux", "backtick") and British -ise spellings Vale accepts, so a Vale
package's spelling rule would report words Vale does not. This script copies the pair unchanged
(the ``.dic`` gzipped) so that lintnews's ``spelling`` kind knows what Vale knows. Both are
under SCOWL's permissive licence and Vale's MIT licence; ``lintnews/data/LICENSE-vale-dictionary.txt``
carries the notices and names the Vale commit the files came from.

VALE_CHECKOUT is a checkout of https://github.com/errata-ai/vale (or its bare git folder: the
files are then read from HEAD).
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
from pathlib import Path

SOURCE = "internal/spell/data/en_US-web"
OUT = Path(__file__).resolve().parent.parent / "lintnews" / "data"


def read(checkout: Path, suffix: str) -> tuple[bytes, str]:
    """The file's bytes and the commit they are from."""
    path = checkout / f"{SOURCE}{suffix}"
    git = ["git", f"--git-dir={checkout}"] if not path.exists() and (checkout / "HEAD").exists() else \
        ["git", "-C", str(checkout)]
    commit = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    if path.exists():
        return path.read_bytes(), commit
    shown = subprocess.run([*git, "show", f"HEAD:{SOURCE}{suffix}"], capture_output=True)
    if shown.returncode:
        sys.exit(f"error: {checkout}: no {SOURCE}{suffix} (is this a Vale checkout?)")
    return shown.stdout, commit


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("checkout", type=Path)
    args = parser.parse_args()
    dic, commit = read(args.checkout, ".dic")
    aff, _ = read(args.checkout, ".aff")
    (OUT / "vale-en_US-web.aff").write_bytes(aff)
    # mtime=0: the same input always writes the same bytes
    (OUT / "vale-en_US-web.dic.gz").write_bytes(gzip.compress(dic, compresslevel=9, mtime=0))
    entries = len(dic.splitlines()) - 1
    print(f"wrote {OUT}/vale-en_US-web.dic.gz ({entries} entries) and .aff from Vale {commit[:12]}")


if __name__ == "__main__":
    main()
