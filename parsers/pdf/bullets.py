"""List bullets drawn as shapes: what you get back are "•" `Word`s for the small
round or square marks that browsers (Chromium's list markers) and some exporters
draw before a list item's text instead of a bullet glyph, so that the item keeps
its label like a typed bullet does.

A mark is a small filled or stroked shape, about as wide as high (at most half a
line), centred on a line of text, with a word beginning shortly after it on that
line and none just before it.
"""

from __future__ import annotations

from .layout import Word, WordIndex

MAX_MARK = 0.6  # the widest mark, in font sizes of the text after it


def drawn_bullets(shapes: list[dict], words: list[Word], page: int) -> list[Word]:
    """Bullet words for the marks among a page's `shapes` (pdfplumber curves and
    rects) in front of its `words`."""
    marks = [s for s in shapes if 1.5 <= s["x1"] - s["x0"] <= 9 and 1.5 <= s["bottom"] - s["top"] <= 9
             and abs((s["x1"] - s["x0"]) - (s["bottom"] - s["top"])) <= 1.0 and (s.get("fill") or s.get("stroke"))]
    if not marks:
        return []
    index = WordIndex(words)
    out = []
    for s in marks:
        yc = (s["top"] + s["bottom"]) / 2
        near = index.within((s["x0"] - 40, yc - 4, s["x1"] + 40, yc + 4), pad=0)
        after = [w for w in near if w.x0 >= s["x1"] and w.top <= yc <= w.bottom]
        if not after:
            continue
        first = min(after, key=lambda w: w.x0)
        size = first.size
        if s["x1"] - s["x0"] > MAX_MARK * size or first.x0 - s["x1"] > 2 * size \
                or abs(first.yc - yc) > 0.25 * size:
            continue
        if any(w.x1 > s["x0"] - 2 * size and w.x0 < s["x1"] for w in near if w.top <= yc <= w.bottom):
            continue  # text just before or over it: a dot in a line, not a list marker
        out.append(Word("•", s["x0"], s["x1"], first.top, first.bottom, size, first.bold, first.italic, page))
    return out
