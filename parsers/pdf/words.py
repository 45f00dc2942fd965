"""Words from a page's characters: what you get back are `Word`s whose text reads
as text, and a count of the glyphs that could not be read.

pdfplumber's word finder is used, with three changes:

- glyphs that pdfminer could not map to Unicode ("(cid:12)", or the font code of
  a ZapfDingbats / Wingdings glyph given as a letter) are read through the tables
  in parsers/data/symbol_fonts.json, and dropped (and counted) when no table
  knows them, so "(cid:NN)" never reaches the text;
- two characters are one word only when the white space between them is a
  sliver of the font size (pdfplumber's tolerance is in points, which glues
  "Lead beneficiary" set in 6 pt type with a 1.2 pt space into one word);
- text drawn over text (a word running out of a narrow cell into the next one)
  stays apart: a run of characters that the content stream starts again to the
  left, on the same line, is a word run of its own, not letters to interleave.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache

from pdfplumber.utils.text import WordExtractor

from ..vocabulary import DATA_DIR
from .layout import WORD_GAP, Word

WORD_ATTRS = ["fontname", "size", "run"]
# pdfplumber's tolerance (points) is kept as the upper bound of a gap inside a word
X_TOLERANCE = 1.5
CID = re.compile(r"^\(cid:(\d+)\)$")


@lru_cache(maxsize=1)
def _symbol_fonts() -> list[tuple[tuple[str, ...], dict[int, str]]]:
    with open(DATA_DIR / "symbol_fonts.json", encoding="utf-8") as f:
        fonts = json.load(f)["fonts"]
    return [(tuple(spec["names"]), {int(k, 16): v for k, v in spec["codes"].items()})
            for spec in fonts.values()]


@lru_cache(maxsize=256)
def symbol_table(fontname: str) -> dict[int, str] | None:
    """The code table of a symbol or dingbat font ("ABCDEF+ZapfDingbats",
    "Wingdings-Regular", "SymbolMT"), None for any other font. Wingdings 2 and 3
    have glyphs of their own and are not Wingdings."""
    base = re.sub(r"[^a-z0-9]", "", fontname.split("+")[-1].lower())
    for names, codes in _symbol_fonts():
        for name in names:
            if base.startswith(name) and not base[len(name):len(name) + 1].isdigit():
                return codes
    return None


def glyph_text(text: str, fontname: str) -> str | None:
    """What one character reads as: `text` itself, its symbol-font meaning, or
    None for a glyph with no Unicode meaning (to be dropped)."""
    m = CID.match(text)
    table = symbol_table(fontname or "")
    if m:
        return table.get(int(m.group(1))) if table else None
    if table is not None and len(text) == 1 and 0x20 < ord(text) < 0x100 and fontname_is_dingbat(fontname):
        # a dingbat font with no Unicode map: pdfminer gives the code as a letter
        return table.get(ord(text), text)
    return text


def fontname_is_dingbat(fontname: str) -> bool:
    """True for ZapfDingbats and Wingdings, whose letters are pictures; Symbol's
    letters are Greek and pdfminer reads them through the font's own encoding."""
    base = fontname.split("+")[-1].lower()
    return "dingbat" in base or "wingding" in base


class _Extractor(WordExtractor):
    """pdfplumber's word finder with a gap relative to the font size."""

    def char_begins_new_word(self, prev_char, curr_char, direction, x_tolerance, y_tolerance) -> bool:
        x_tolerance = min(x_tolerance, WORD_GAP * prev_char["size"])
        return super().char_begins_new_word(prev_char, curr_char, direction, x_tolerance, y_tolerance)


def prepared_chars(chars: list[dict]) -> tuple[list[dict], Counter]:
    """The page's characters with their text read (see `glyph_text`) and a `run`
    number that changes where the stream goes back left on the same line; the
    dropped glyphs counted by font."""
    out: list[dict] = []
    dropped: Counter = Counter()
    run = 0
    prev = None
    for ch in chars:
        text = glyph_text(ch["text"], ch.get("fontname") or "")
        if text is None:
            dropped[(ch.get("fontname") or "").split("+")[-1]] += 1
            continue
        if prev is not None and ch["upright"] and abs(ch["top"] - prev["top"]) < 0.5 * ch["size"] \
                and ch["x0"] < prev["x0"] - 0.5 and not text.isspace():
            run += 1  # written again further left on the same line: a word of its own
        ch = {**ch, "text": text, "run": run}
        out.append(ch)
        if not text.isspace():
            prev = ch
    return out, dropped


def page_words(page, page_no: int) -> tuple[list[Word], Counter]:
    """Every word on a pdfplumber page, as `Word`s, and the glyphs dropped (by font)."""
    chars, dropped = prepared_chars(page.chars)
    extractor = _Extractor(x_tolerance=X_TOLERANCE, keep_blank_chars=False, extra_attrs=WORD_ATTRS)
    words = []
    for w in extractor.extract_words(chars):
        if not w["text"]:
            continue
        font = (w.get("fontname") or "").split("+")[-1].lower()
        words.append(Word(w["text"], float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"]),
                          float(w.get("size") or 0.0), "bold" in font or "black" in font or "heavy" in font,
                          "italic" in font or "oblique" in font, page_no))
    return words, dropped
