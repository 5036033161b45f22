"""Go's strconv as Vale's rule decoding and Tengo's text module read numbers and booleans."""

from __future__ import annotations

import pytest

from lintnews.rules import go_strconv
from lintnews.rules.schema import weakly


@pytest.mark.parametrize("text, base, value", [
    ("42", 0, 42), ("-7", 0, -7), ("0x1F", 0, 31), ("0b101", 0, 5), ("0o17", 0, 15),
    ("010", 0, 8),  # a bare leading zero is octal with base 0, as in Go
    ("010", 10, 10), ("1_000", 0, 1000),
    ("08", 0, None), ("--5", 0, None), ("", 0, None), ("12a", 0, None),
    ("9223372036854775807", 0, 9223372036854775807), ("9223372036854775808", 0, None),  # int64's range
])
def test_parse_int_reads_as_go_does(text, base, value):
    assert go_strconv.parse_int(text, base) == value


def test_a_rule_file_and_a_tengo_script_read_the_same_number_the_same_way():
    # Vale's weakly typed decoding (max: "010") and Tengo's int("010") both go through strconv.ParseInt.
    from lintnews.rules.tengo import parse, run

    names = run(parse('text := import("text")\nn := int("010")\nb := text.parse_bool("T")\n'), "")
    assert (names["n"], names["b"]) == (8, True)
    assert weakly("int", "010") == 8 and weakly("bool", "T") is True and weakly("bool", "yes") == "yes"
    assert weakly("str", 2.5) == "2.5" and weakly("str", 1e21) == "1000000000000000000000"
