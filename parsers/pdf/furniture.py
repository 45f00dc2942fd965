"""Running headers, footers and page numbers: what you get back are the pages'
words with that furniture taken out (before paragraphs and tables are built), and
one note per kind of line removed. Each page's lines near its edges are taken
while the page is read (`edge_lines`); which of them are furniture is known once
every page has been read (`remove_furniture`).

A line is furniture when it sits in the top or bottom margin and either is a page
number or comes back at the same height, digits aside ("Part A - Page 3 of
104"), on at least half the pages (a form's footer); or, a little further in,
when the very same words come back at the same height on two pages in three (a
slide deck's title repeated on every slide). A line seen on only a few pages is content, and
so is any line of a table (a header row repeated on each page belongs to it);
only a box holding a single line (a framed slide title) can be furniture.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..diagnostics import make
from ..model import Diagnostic
from .layout import MARGIN_ZONE, PAGE_NUMBER, Line, Word, group_lines
from .packed import PackedWords

# Below the margin zone and down to here, a line repeated on most pages is still
# a running title (slide titles sit lower than a letter's header).
TITLE_ZONE = 0.15
SAME_HEIGHT = 5.0  # points within which two lines of different pages are at the same height


@dataclass
class EdgeLine:
    """A line near the top or bottom of a page, kept from the page's reading until
    the whole document shows whether it comes back on other pages."""

    edge: str  # "top" | "bottom"
    dist: float  # from that edge
    height: float
    text: str
    words: tuple[int, ...]  # positions in the page's words

    @property
    def key(self) -> str:
        """The text, digits aside: "Part A - Page 3 of 104" and "... 4 of 104" are alike."""
        return re.sub(r"\d+", "#", " ".join(self.text.lower().split()))


def _box_of(line: Line, boxes: list) -> int | None:
    for k, (b, _, _) in enumerate(boxes):
        if b[0] - 1 <= line.words[0].xc <= b[2] + 1 and b[1] - 1 <= line.words[0].yc <= b[3] + 1:
            return k
    return None


def edge_lines(words: list[Word], boxes: list, width: float, height: float) -> list[EdgeLine]:
    """The lines of a page (its `words`, its ruled table `boxes`) near its edges
    that are not part of a table with other lines: the candidates for furniture."""
    side = max(height, width)  # margins are measured against the long side (a landscape page keeps its footer zone)
    lines = group_lines(words)
    where = {id(w): i for i, w in enumerate(words)}
    per_box: dict[int, int] = defaultdict(int)
    in_box = [_box_of(ln, boxes) for ln in lines]
    for k in in_box:
        if k is not None:
            per_box[k] += 1
    out = []
    for ln, k in zip(lines, in_box, strict=True):
        if k is not None and per_box[k] > 1:
            continue
        if ln.top < side * TITLE_ZONE:
            edge, dist = "top", ln.top
        elif height - ln.bottom < side * TITLE_ZONE:
            edge, dist = "bottom", height - ln.bottom
        else:
            continue
        out.append(EdgeLine(edge, dist, ln.bottom - ln.top, ln.text, tuple(where[id(w)] for w in ln.words)))
    return out


def remove_furniture(raw_pages: list) -> list[Diagnostic]:
    """Take running headers, footers and page numbers out of the pages' words
    (`RawPage.words`, from their `RawPage.edge_lines`; a table box left with no
    words goes too). Returns one info diagnostic per kind of line removed."""
    n = len(raw_pages)
    need = max(2, n // 2) if n > 2 else 2
    need_title = max(3, (2 * n + 2) // 3)  # below the margin zone: two pages in three
    # pages on which each (edge, text) comes back at about the same distance from the edge
    seen: dict[tuple[str, str], list[tuple[float, int, str]]] = defaultdict(list)
    for p, rp in enumerate(raw_pages):
        for ln in rp.edge_lines:
            seen[(ln.edge, ln.key)].append((ln.dist, p, ln.text))

    def repeats(ln: EdgeLine, exact: bool = False) -> int:
        return len({p for d, p, text in seen[(ln.edge, ln.key)]
                    if abs(d - ln.dist) <= SAME_HEIGHT and (not exact or text == ln.text)})

    removed: dict[tuple[str, str], list] = {}
    for rp in raw_pages:
        drop: set[int] = set()
        for ln in rp.edge_lines:
            in_margin = ln.dist + ln.height < max(rp.height, rp.width) * MARGIN_ZONE
            count = repeats(ln)
            if in_margin:
                found = PAGE_NUMBER.match(ln.text.strip()) or count >= need
            else:  # a title below the margin: the very same words ("Work package 3" is a heading)
                found = count >= need_title and repeats(ln, exact=True) >= need_title
            if found:
                drop.update(ln.words)
                removed.setdefault((ln.edge, ln.key), [ln.text.strip(), set()])[1].add(rp.number)
        if drop:
            words = rp.words.unpack()
            had = [_has_words(words, box) for box, _, _ in rp.table_boxes]
            words = [w for i, w in enumerate(words) if i not in drop]
            rp.table_boxes = [t for t, before in zip(rp.table_boxes, had, strict=True)
                              if not before or _has_words(words, t[0])]
            rp.words = PackedWords(words, rp.number)
    for rp in raw_pages:
        rp.edge_lines = []
    diags = []
    for (edge, _), (text, pages) in removed.items():
        what = "page number" if PAGE_NUMBER.match(text) else ("header" if edge == "top" else "footer")
        diags.append(make("page_furniture_removed", None, what=what, text=text, count=len(pages), total=n))
    return diags


def _has_words(words, box) -> bool:
    return any(box[0] - 1 <= w.xc <= box[2] + 1 and box[1] - 1 <= w.yc <= box[3] + 1 for w in words)
