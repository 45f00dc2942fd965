"""Number formats of Word lists: parsers/docx/numformats.py."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsers.docx.numformats import format_number


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [
        (1, "decimal", "1"),
        (0, "decimal", "0"),
        (3, "decimalZero", "03"),
        (12, "decimalZero", "12"),
        (1, "lowerLetter", "a"),
        (26, "lowerLetter", "z"),
        (27, "lowerLetter", "aa"),
        (28, "lowerLetter", "bb"),
        (53, "lowerLetter", "aaa"),
        (27, "upperLetter", "AA"),
        (4, "lowerRoman", "iv"),
        (1994, "lowerRoman", "mcmxciv"),
        (9, "upperRoman", "IX"),
        (1, "ordinal", "1st"),
        (2, "ordinal", "2nd"),
        (3, "ordinal", "3rd"),
        (4, "ordinal", "4th"),
        (11, "ordinal", "11th"),
        (12, "ordinal", "12th"),
        (13, "ordinal", "13th"),
        (21, "ordinal", "21st"),
        (102, "ordinal", "102nd"),
        (111, "ordinal", "111th"),
        (1, "cardinalText", "One"),
        (13, "cardinalText", "Thirteen"),
        (21, "cardinalText", "Twenty-one"),
        (105, "cardinalText", "One hundred five"),
        (2001, "cardinalText", "Two thousand one"),
        (1, "ordinalText", "First"),
        (2, "ordinalText", "Second"),
        (12, "ordinalText", "Twelfth"),
        (20, "ordinalText", "Twentieth"),
        (21, "ordinalText", "Twenty-first"),
        (100, "ordinalText", "One hundredth"),
        (102, "ordinalText", "One hundred second"),
        (5, "chicago", "**"),
        (2, "chicago", "\u2020"),
        # Formats we don't draw fall back to decimal.
        (3, "decimalEnclosedCircle", "3"),
        (3, "chineseCountingThousand", "3"),
        (3, "not-a-format", "3"),
        (3, None, "3"),
        (3, "bullet", ""),
        (3, "none", ""),
        # Letters and numerals have no zero: the digit shows instead of a crash.
        (0, "lowerLetter", "0"),
        (0, "upperRoman", "0"),
        (4000, "upperRoman", "4000"),
        # Repeating formats stop at 30 repeats (a bogus start must not build a huge label).
        (26 * 30, "lowerLetter", "z" * 30),
        (26 * 30 + 1, "lowerLetter", "781"),
        (4 * 30 + 1, "chicago", "121"),
    ],
)
def test_format_number_as_word_shows_it(n, fmt, expected):
    assert format_number(n, fmt) == expected


@pytest.mark.parametrize(
    ("custom", "expected"),
    [("001, 002, 003, ...", "007"), ("01, 02, 03, ...", "07"), ("a-1, a-2", "7"), (None, "7")],
)
def test_format_number_custom_zero_padding(custom, expected):
    assert format_number(7, "custom", custom) == expected


FORMATS = ["decimal", "decimalZero", "lowerLetter", "upperLetter", "lowerRoman",
           "upperRoman", "ordinal", "cardinalText", "ordinalText", "chicago", "custom",
           "bullet", "none", "hebrew1", ""]


@given(st.integers(min_value=-10_000, max_value=10**10), st.sampled_from(FORMATS))
def test_format_number_never_raises(n, fmt):
    assert isinstance(format_number(n, fmt, "001, 002"), str)


@given(st.integers(min_value=1, max_value=26 * 30))
def test_format_number_letters_repeat_one_letter(n):
    text = format_number(n, "lowerLetter")
    assert set(text) == {chr(ord("a") + (n - 1) % 26)}
    assert len(text) == (n - 1) // 26 + 1
