"""The fast whole-file scans agree with their plain definitions."""

from __future__ import annotations

import random
import re

import pytest

from transforms.validation.filecheck import strip_trailing_blank

# the plain definition: line breaks, each followed only by spaces, tabs and commas, to the end
TRAILING_BLANK = re.compile(r"(?:\r?\n|\r)[ \t,]*(?:(?:\r?\n|\r)[ \t,]*)*\Z")


@pytest.mark.parametrize("seed", range(20))
def test_strip_trailing_blank_is_the_pattern(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(500):
        text = "".join(rng.choice("ab, \t\r\n") for _ in range(rng.randint(0, 12)))
        assert strip_trailing_blank(text) == TRAILING_BLANK.sub("", text), repr(text)


def test_strip_trailing_blank_keeps_the_last_row() -> None:
    assert strip_trailing_blank("A,B\r\n1,2 ,\r\n , \n\n") == "A,B\r\n1,2 ,"
    assert strip_trailing_blank("A,B\n1,2") == "A,B\n1,2"
