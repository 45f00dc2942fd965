"""Words and lines of a page: what you get back are plain `Word` / `Line` records
(no pdfplumber objects), grouped in reading order, and the layout measures taken
over them (body size, line gaps, when two words are set apart).

pdfplumber gives words but no lines that keep font details; they are small
enough to write here. Words come from words.py, running headers go in furniture.py.
"""

from __future__ import annotations

import bisect
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

# A page number, alone on its line ("3", "- 3 -", "Page 3 of 12").
PAGE_NUMBER = re.compile(r"^(page\s*)?[-–(\[]?\s*\d{1,4}\s*[-–)\]]?(\s*(of|/)\s*\d{1,4})?$", re.I)
MARGIN_ZONE = 0.09  # top / bottom share of the page where running headers live
# White space between two characters of one word, in font sizes: kerning and
# letter spacing stay under it, the narrowest justified word space (TeX shrinks
# its 0.33 em space to about 0.22 em) stays above it.
WORD_GAP = 0.12
# Words overlapping by more than this (in font sizes) are text drawn over text
# (a word running out of its cell into the next one), two words, not one.
OVERLAP = 0.25


@dataclass(slots=True)
class Word:
    """One word: its text, box (PDF points, top-down), font size and style."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    italic: bool
    page: int

    @property
    def xc(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def yc(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class Line:
    """Words on one baseline, left to right; `sup` marks superscript words."""

    words: list[Word]
    sup: list[bool] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w, s in zip(self.words, self.sup, strict=False) if not s) if not all(self.sup) \
            else min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def size(self) -> float:
        sizes = [w.size for w, s in zip(self.words, self.sup, strict=False) if not s] or [w.size for w in self.words]
        return max(sizes)

    @property
    def page(self) -> int:
        return self.words[0].page

    @property
    def bold(self) -> bool:
        return all(w.bold for w, s in zip(self.words, self.sup, strict=False) if not s)

    @property
    def italic(self) -> bool:
        return all(w.italic for w, s in zip(self.words, self.sup, strict=False) if not s)

    @property
    def text(self) -> str:
        return join_words(self.words)


def join_words(words: list[Word]) -> str:
    """The words' text, with a space wherever two words are set apart (see `spaced`)."""
    out: list[str] = []
    prev = None
    for w in words:
        if prev is not None and spaced(prev, w):
            out.append(" ")
        out.append(w.text)
        prev = w
    return "".join(out)


def spaced(prev: Word, w: Word) -> bool:
    """True when a space stands between `prev` and the next word `w` on a line: the
    gap is wider than a sliver (words split by a font change touch each other), or
    `w` is drawn over `prev` (overflowing text)."""
    gap = w.x0 - prev.x1
    size = min(w.size, prev.size)
    return gap > WORD_GAP * size or gap < -OVERLAP * size


class WordIndex:
    """A page's words by height, so that finding the words in a box (a table cell)
    costs a look-up, not a pass over the page."""

    def __init__(self, words: list[Word]):
        order = sorted(range(len(words)), key=lambda i: words[i].yc)
        self._words = words
        self._order = order
        self._ys = [words[i].yc for i in order]

    def within(self, box, pad: float = 1.0) -> list[Word]:
        """The words whose middle lies in `box` (x0, top, x1, bottom) widened by
        `pad`, in the page's word order."""
        lo = bisect.bisect_left(self._ys, box[1] - pad)
        hi = bisect.bisect_right(self._ys, box[3] + pad)
        hits = sorted(i for i in self._order[lo:hi]
                      if box[0] - pad <= self._words[i].xc <= box[2] + pad)
        return [self._words[i] for i in hits]


def group_lines(words: list[Word]) -> list[Line]:
    """Words grouped into lines (top to bottom, each left to right).

    A word joins a line when their vertical extents overlap by half the smaller
    height: superscripts overlap the line they sit on, the next line does not.
    Only the last few lines are candidates and each keeps its extent, so the
    grouping is linear in the words.
    """
    lines: list[list[Word]] = []
    spans: list[list[float]] = []  # [top, bottom] of each line so far
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        best = None
        for k in range(max(0, len(lines) - 4), len(lines)):
            top, bottom = spans[k]
            overlap = min(bottom, w.bottom) - max(top, w.top)
            if overlap >= 0.5 * min(w.bottom - w.top, bottom - top):
                best = k
        if best is None:
            lines.append([w])
            spans.append([w.top, w.bottom])
        else:
            lines[best].append(w)
            span = spans[best]
            span[0], span[1] = min(span[0], w.top), max(span[1], w.bottom)
    result = []
    for ws in lines:
        ws.sort(key=lambda w: w.x0)
        main = max(w.size for w in ws)
        base = max(w.bottom for w in ws if w.size >= main - 0.5)
        # a superscript is set smaller and raised: much smaller (Word, 0.65) a little raised,
        # or a little smaller (browsers print <sup> at 0.83) raised by a third of the line
        sup = [(w.size < 0.8 * main and w.bottom < base - 0.15 * main)
               or (w.size < 0.9 * main and w.bottom < base - 0.3 * main) for w in ws]
        result.append(Line(ws, sup))
    result.sort(key=lambda ln: (round(ln.top), ln.x0))
    return result


def body_size(words: list[Word]) -> float:
    """The most common font size over the words, weighted by characters."""
    return most_common_size(count_sizes(words, Counter()))


def count_sizes(words: list[Word], counts: Counter) -> Counter:
    """`counts` (changed in place) with the words' characters added by font size,
    so that a document's sizes can be counted a page at a time."""
    for w in words:
        counts[round(w.size * 2) / 2] += len(w.text)
    return counts


def most_common_size(counts: Counter) -> float:
    """The size holding most characters in `count_sizes` counts (the first seen on a tie)."""
    return counts.most_common(1)[0][0] if counts else 10.0


def typical_gap(lines: list[Line]) -> float:
    """The usual white space between two lines of one paragraph (median gap)."""
    return median_gap(line_gaps(lines))


def line_gaps(lines: list[Line], before: Line | None = None) -> list[float]:
    """The white space between each two lines in a row that may be lines of one
    paragraph; `before`, the line ahead of the first (the previous page's last),
    makes a page's gaps add up to the document's."""
    seq = lines if before is None else [before, *lines]
    gaps = []
    for a, b in zip(seq, seq[1:], strict=False):
        gap = b.top - a.bottom
        if 0 <= gap < a.size and abs(a.x0 - b.x0) < 40:
            gaps.append(gap)
    return gaps


def median_gap(gaps) -> float:
    """The median of `line_gaps`, 2 points when there are none."""
    return statistics.median(gaps) if len(gaps) else 2.0
