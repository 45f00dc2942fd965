"""Number formats of Word lists (w:numFmt): the text Word shows for counter value n.

Hand-written because no maintained library renders ST_NumberFormat values; the
set is closed (ECMA-376 Part 1, 17.18.59), and everything not listed here is
shown as decimal, which is what Word falls back to for formats it cannot draw
in the document's language.
"""

from __future__ import annotations

import re

# Formats whose glyphs we don't draw (enclosed circles, CJK, Hebrew, Thai...):
# decimal is the readable stand-in, and it keeps labels comparable across files.
DEFAULT_FORMAT = "decimal"

_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)
_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
# Ordinal words that are not cardinal + "th".
_ORDINAL_WORDS = {
    "one": "first", "two": "second", "three": "third", "five": "fifth",
    "eight": "eighth", "nine": "ninth", "twelve": "twelfth",
}
_CHICAGO = ("*", "\u2020", "\u2021", "\u00a7")
_CUSTOM_ZERO_PAD = re.compile(r"^\s*(0+1)\s*(,|$)")
# Repeating formats (aa, bbb; **, ***) stop here and show digits, so a bogus start
# value such as 2**31 cannot build a huge label.
MAX_REPEAT = 30


def format_number(n: int, fmt: str | None, custom: str | None = None) -> str:
    """The text of counter value `n` in numFmt `fmt` (None or unknown: decimal).

    custom: the w:format attribute of a numFmt "custom" ("001, 002, 003, ..."); only
        zero-padded decimal patterns are understood, anything else is decimal.
    """
    fmt = fmt or DEFAULT_FORMAT
    if fmt in ("none", "bullet"):
        return ""
    if fmt == "custom":
        return _custom(n, custom)
    if fmt == "decimalZero":
        return f"{n:02d}" if n >= 0 else str(n)
    if n <= 0 and fmt not in ("decimal", "cardinalText", "ordinalText"):
        # Letters, roman numerals and ordinals have no zero or negative form.
        return str(n)
    if fmt in ("lowerLetter", "upperLetter"):
        # Word repeats the letter past z: aa, bb, ..., aaa (not spreadsheet-style ab).
        if (n - 1) // 26 >= MAX_REPEAT:
            return str(n)
        text = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return text if fmt == "lowerLetter" else text.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        text = _roman(n)
        return text if fmt == "lowerRoman" else text.upper()
    if fmt == "ordinal":
        return f"{n}{_ordinal_suffix(n)}"
    if fmt == "cardinalText":
        return _capitalised(_words(n))
    if fmt == "ordinalText":
        return _capitalised(_ordinal_words(n))
    if fmt == "chicago":
        if (n - 1) // 4 >= MAX_REPEAT:
            return str(n)
        return _CHICAGO[(n - 1) % 4] * ((n - 1) // 4 + 1)
    return str(n)


def _custom(n: int, custom: str | None) -> str:
    match = _CUSTOM_ZERO_PAD.match(custom or "")
    if match:
        return str(n).zfill(len(match.group(1)))
    return str(n)


def _roman(n: int) -> str:
    if n >= 4000:  # classical numerals stop at 3999; Word shows digits past it too
        return str(n)
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def _ordinal_suffix(n: int) -> str:
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _words(n: int) -> str:
    """English cardinal words, hyphenated the way Word writes them ("twenty-one")."""
    if n < 0:
        return "minus " + _words(-n)
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    for size, name in ((1_000_000_000, "billion"), (1_000_000, "million"),
                       (1000, "thousand"), (100, "hundred")):
        if n >= size:
            head, rest = divmod(n, size)
            return f"{_words(head)} {name}" + (f" {_words(rest)}" if rest else "")
    return str(n)  # unreachable: every n >= 100 meets a size above


def _ordinal_words(n: int) -> str:
    words = _words(n)
    # Only the last word turns ordinal: "twenty-first", "one hundred second".
    head, sep, last = words.rpartition("-") if "-" in words.rsplit(" ", 1)[-1] \
        else words.rpartition(" ")
    if last in _ORDINAL_WORDS:
        last = _ORDINAL_WORDS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return head + sep + last


def _capitalised(text: str) -> str:
    # Word's list gallery shows "One, Two, Three" and "First, Second, Third".
    return text[:1].upper() + text[1:]
