"""The words and glyphs every reader shares, from data/glyphs.json and
data/months.json, read once.

The bullet glyphs live here, on the lowest floor, so the format readers (text,
PDF) and the normalizers (list labels, organisation lists) know the same ones.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def _load(name: str) -> dict:
    with open(DATA_DIR / name, encoding="utf-8") as f:
        return json.load(f)


_GLYPHS = _load("glyphs.json")["bullets"]

#: Month names and short forms (EN, FR, ES) -> month number, from data/months.json.
MONTHS: dict[str, int] = _load("months.json")["months"]

#: Bullets and nothing else: they may even touch the text ("•UNDP").
SYMBOL_BULLETS = frozenset(_GLYPHS["symbols"])
#: The list markers markdown and pandoc write.
MARKDOWN_BULLETS = frozenset(_GLYPHS["markdown"])
#: Every bullet glyph; those beyond the two sets above also start running text
#: ("– 13 June", Spanish "o"), so they count only set apart from what follows.
BULLETS = SYMBOL_BULLETS | MARKDOWN_BULLETS | frozenset(_GLYPHS["typed"])


def char_class(glyphs: Iterable[str]) -> str:
    """A regular-expression character class of `glyphs` ("[\\-•]")."""
    return "[" + "".join(re.escape(g) for g in sorted(glyphs)) + "]"


# White space inside one line: a bullet and its text never straddle a line break.
_SPACE = r"[^\S\r\n]"
#: A bullet glyph set apart at the start of a line (group 1: the glyph; end: its text).
LEADING_BULLET = re.compile(rf"{_SPACE}*({char_class(BULLETS)}){_SPACE}+(?=\S)")
#: A bullet symbol at the start of a line, set apart or touching its text.
LEADING_SYMBOL = re.compile(rf"{_SPACE}*({char_class(SYMBOL_BULLETS)}){_SPACE}*(?=\S)")


def strip_bullet(line: str, touching: bool = False) -> str:
    """`line` without its leading bullet; `touching` also takes a symbol that touches
    the text ("•UNDP"). The line as given when it has none."""
    m = LEADING_BULLET.match(line) or (LEADING_SYMBOL.match(line) if touching else None)
    return line[m.end():] if m else line
