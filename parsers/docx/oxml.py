"""WordprocessingML tag names and small element helpers shared by the docx modules."""

from __future__ import annotations

import dataclasses

from ..model import Cell, Paragraph, Row
from .package import MC, M, W

P, R, T, TBL = W + "p", W + "r", W + "t", W + "tbl"
PPR, RPR, PSTYLE, RSTYLE, B = W + "pPr", W + "rPr", W + "pStyle", W + "rStyle", W + "b"
VANISH = W + "vanish"  # hidden text: not read as content
OUTLINE, VAL, NUMPR = W + "outlineLvl", W + "val", W + "numPr"
TAB, PTAB, BR, CR = W + "tab", W + "ptab", W + "br", W + "cr"
DELTEXT, INSTR, DELINSTR, FLDCHAR = W + "delText", W + "instrText", W + "delInstrText", W + "fldChar"
SYM, NBH = W + "sym", W + "noBreakHyphen"
FNREF, ENREF, COMMENTREF = W + "footnoteReference", W + "endnoteReference", W + "commentReference"
CSTART, CEND = W + "commentRangeStart", W + "commentRangeEnd"
SDT, SDTCONTENT, CUSTOMXML = W + "sdt", W + "sdtContent", W + "customXml"
TXBX, DRAWING, PICT, OBJECT = W + "txbxContent", W + "drawing", W + "pict", W + "object"
RUBY, RUBYBASE = W + "ruby", W + "rubyBase"
ALT, CHOICE, FALLBACK = MC + "AlternateContent", MC + "Choice", MC + "Fallback"
M_T = M + "t"
# Inline wrappers whose content is ordinary paragraph content.
TRANSPARENT = frozenset(W + t for t in ("hyperlink", "smartTag", "customXml", "fldSimple",
                                        "dir", "bdo"))
SYMBOL_FONTS = ("symbol", "wingdings", "webdings")
NOTE_KINDS = {FNREF: "footnote", ENREF: "endnote"}


def build(cls, **fields):
    """An instance of a frozen model dataclass, every field given, made without the
    generated __init__.

    A frozen dataclass sets each field through object.__setattr__ (~4 us for a
    Paragraph); filling __dict__ directly is the same object at a fifth of the cost,
    and paragraphs and cells are made by the hundred per document (bench_docx).
    """
    if len(fields) != _FAST_FIELDS.get(cls, -1):  # a new model field, slots...: play safe
        return cls(**fields)
    obj = object.__new__(cls)
    obj.__dict__.update(fields)
    return obj


# Number of fields of the classes `build` may fill directly (not those with slots or a
# __post_init__, which must go through __init__).
_FAST_FIELDS = {cls: len(dataclasses.fields(cls))
                for cls in (Paragraph, Cell, Row)
                if not hasattr(cls, "__slots__") and not hasattr(cls, "__post_init__")}


def first_child(el, tag):
    """The first child of `el` with that tag, or None.

    A loop over children: lxml's find() goes through ElementPath and costs ~30x more,
    which matters on the per-paragraph path (bench/bench_docx.py).
    """
    for c in el:
        if c.tag == tag:
            return c
    return None


def choose_branch(alt):
    """The one mc:AlternateContent branch we read: the first Choice, else the Fallback.

    Both branches hold the same content in two encodings; reading both would
    duplicate text boxes.
    """
    for child in alt:
        if child.tag == CHOICE:
            return child
    return first_child(alt, FALLBACK)


def sym_char(el) -> str:
    """The character of a w:sym element (private-use glyph kept for symbol fonts)."""
    try:
        code = int(el.get(W + "char") or "", 16)
    except ValueError:
        return ""
    font = (el.get(W + "font") or "").lower()
    if 0xF000 <= code <= 0xF0FF and not font.startswith(SYMBOL_FONTS):
        code -= 0xF000  # Word's "symbol" code page offset for ordinary fonts
    if code <= 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return ""
    return chr(code)
