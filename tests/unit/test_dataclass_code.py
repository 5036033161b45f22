"""lintnews's dataclasses get their generated methods from the per-user code cache (read/dataclass_code.py)."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys

from lintnews.read import dataclass_code

# A fresh process: how many methods it compiled, how many it found kept, and what the classes do.
PROBE = """
import json
from lintnews.read import dataclass_code as dc
from lintnews.findings import Edit, Fix, Applicability
from lintnews.read.document import Sentence
e = Edit(3, 7, "said")
print(json.dumps({"added": len(dc._added), "held": len(dc._held), "repr": repr(e),
                  "eq": e == Edit(3, 7, "said"), "hash": hash(e) == hash(Edit(3, 7, "said")),
                  "fix": repr(Fix("Write 'said'", [e], Applicability.SAFE))}))
"""


def _probe(cache, **env):
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True,
                         env={**os.environ, "LINTNEWS_DATA_CACHE": str(cache), **env})
    import json

    return json.loads(out.stdout)


def test_the_second_start_compiles_nothing_and_the_classes_behave_the_same(tmp_path):
    first = _probe(tmp_path)
    assert first["added"] > 20 and first["eq"] and first["hash"]
    assert len(list(tmp_path.glob("dataclass-code-*.bin"))) == 1
    second = _probe(tmp_path)
    assert second["added"] == 0 and second["held"] >= first["added"]
    assert {k: second[k] for k in ("repr", "eq", "hash", "fix")} == {k: first[k] for k in ("repr", "eq", "hash", "fix")}
    assert second["repr"] == "Edit(start=3, end=7, content='said')"
    off = _probe(tmp_path / "off", LINTNEWS_NO_CODE_CACHE="1")
    assert {k: off[k] for k in ("repr", "eq", "hash", "fix")} == {k: first[k] for k in ("repr", "eq", "hash", "fix")}
    assert not list((tmp_path / "off").glob("dataclass-code-*"))


def test_a_file_others_may_write_or_a_damaged_one_is_not_used(tmp_path):
    _probe(tmp_path)
    (kept,) = tmp_path.glob("dataclass-code-*.bin")
    kept.chmod(0o664)  # writable by the group: someone else could have put code there
    assert _probe(tmp_path)["added"] > 20
    kept.chmod(0o600)
    kept.write_bytes(kept.read_bytes()[:-50])  # cut short: the hash does not match
    assert _probe(tmp_path)["added"] > 20
    assert _probe(tmp_path)["added"] == 0  # the run before wrote a good file again


def test_a_dataclass_of_another_package_is_left_to_the_builtin_exec():
    before = len(dataclass_code._held)

    @dataclasses.dataclass(frozen=True)
    class Byline:  # defined in this test module, not in lintnews
        name: str
        desk: str = "metro"

    assert len(dataclass_code._held) == before
    assert Byline("Ana Ruiz") == Byline("Ana Ruiz", "metro")
    assert repr(Byline("Ana Ruiz")).endswith("Byline(name='Ana Ruiz', desk='metro')")
