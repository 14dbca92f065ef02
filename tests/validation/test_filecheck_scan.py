"""The fast whole-file scans agree with their plain definitions."""

from __future__ import annotations

import random
import re

import pytest

from transforms.validation.filecheck import field_counts, rows_end

# the plain definition: line breaks, each followed only by spaces, tabs and commas, to the end
TRAILING_BLANK = re.compile(rb"(?:\r?\n|\r)[ \t,]*(?:(?:\r?\n|\r)[ \t,]*)*\Z")


@pytest.mark.parametrize("seed", range(20))
def test_rows_end_is_the_pattern(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(500):
        data = bytes(rng.choice(b"ab, \t\r\n") for _ in range(rng.randint(0, 12)))
        assert data[: rows_end(data)] == TRAILING_BLANK.sub(b"", data), repr(data)


def test_rows_end_keeps_the_last_row() -> None:
    data = b"A,B\r\n1,2 ,\r\n , \n\n"
    assert data[: rows_end(data)] == b"A,B\r\n1,2 ,"
    assert rows_end(b"A,B\n1,2") == len(b"A,B\n1,2")
    # found from the end in growing steps: a long blank tail, and rows far before it
    data = b"A,B\n" + b"1,2\n" * 5000 + b",,\n \t\n" * 3000
    assert data[: rows_end(data)] == b"A,B\n" + b"1,2\n" * 4999 + b"1,2"


@pytest.mark.parametrize("seed", range(10))
def test_field_counts_are_the_plain_count(seed: int) -> None:
    """Fields per record, vectorised, against splitting each line by hand."""
    rng = random.Random(seed)
    for _ in range(200):
        lines = ["".join(rng.choice("ab, \r") for _ in range(rng.randint(0, 6)))]
        lines += [
            "".join(rng.choice("ab,é ") for _ in range(rng.randint(0, 6)))
            for _ in range(rng.randint(0, 6))
        ]
        data = "\n".join(lines).encode()
        kept = data[: rows_end(data)].decode().split("\n")
        expected = [0 if ln in ("", "\r") else ln.count(",") + 1 for ln in kept]
        assert field_counts(data).tolist() == expected, repr(data)
