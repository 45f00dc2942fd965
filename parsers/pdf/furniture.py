"""Running headers, footers and page numbers: what you get back are the pages'
words with that furniture taken out (before paragraphs and tables are built), and
one note per kind of line removed.

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

from ..diagnostics import make
from ..model import Diagnostic
from .layout import MARGIN_ZONE, PAGE_NUMBER, Line, group_lines

# Below the margin zone and down to here, a line repeated on most pages is still
# a running title (slide titles sit lower than a letter's header).
TITLE_ZONE = 0.15
SAME_HEIGHT = 5.0  # points within which two lines of different pages are at the same height


def _key(line: Line) -> str:
    return re.sub(r"\d+", "#", " ".join(line.text.lower().split()))


def _box_of(line: Line, boxes: list) -> int | None:
    for k, (b, _, _) in enumerate(boxes):
        if b[0] - 1 <= line.words[0].xc <= b[2] + 1 and b[1] - 1 <= line.words[0].yc <= b[3] + 1:
            return k
    return None


def _side(rp) -> float:
    """The page's long side: margins are measured against it, so that a landscape
    page among portrait ones keeps the same footer zone."""
    return max(rp.height, rp.width)


def _candidates(rp) -> list[tuple[str, float, Line]]:
    """(top | bottom, distance from that edge, line) for the page's lines near its
    edges that are not part of a table with other lines."""
    lines = group_lines(rp.words)
    per_box: dict[int, int] = defaultdict(int)
    boxes = [_box_of(ln, rp.table_boxes) for ln in lines]
    for k in boxes:
        if k is not None:
            per_box[k] += 1
    out = []
    for ln, k in zip(lines, boxes, strict=True):
        if k is not None and per_box[k] > 1:
            continue
        if ln.top < _side(rp) * TITLE_ZONE:
            out.append(("top", ln.top, ln))
        elif rp.height - ln.bottom < _side(rp) * TITLE_ZONE:
            out.append(("bottom", rp.height - ln.bottom, ln))
    return out


def remove_furniture(raw_pages: list) -> list[Diagnostic]:
    """Take running headers, footers and page numbers out of the pages' words
    (`RawPage.words`, changed in place; a table box left with no words goes too).
    Returns one info diagnostic per kind of line removed."""
    n = len(raw_pages)
    need = max(2, n // 2) if n > 2 else 2
    need_title = max(3, (2 * n + 2) // 3)  # below the margin zone: two pages in three
    cands = [_candidates(rp) for rp in raw_pages]
    # pages on which each (edge, text) comes back at about the same distance from the edge
    seen: dict[tuple[str, str], list[tuple[float, int, str]]] = defaultdict(list)
    for p, page_cands in enumerate(cands):
        for edge, dist, ln in page_cands:
            seen[(edge, _key(ln))].append((dist, p, ln.text))

    def repeats(edge: str, dist: float, ln: Line, exact: bool = False) -> int:
        return len({p for d, p, text in seen[(edge, _key(ln))]
                    if abs(d - dist) <= SAME_HEIGHT and (not exact or text == ln.text)})

    removed: dict[tuple[str, str], list] = {}
    for rp, page_cands in zip(raw_pages, cands, strict=True):
        drop: set[int] = set()
        for edge, dist, ln in page_cands:
            in_margin = dist + (ln.bottom - ln.top) < _side(rp) * MARGIN_ZONE
            count = repeats(edge, dist, ln)
            if in_margin:
                found = PAGE_NUMBER.match(ln.text.strip()) or count >= need
            else:  # a title below the margin: the very same words ("Work package 3" is a heading)
                found = count >= need_title and repeats(edge, dist, ln, exact=True) >= need_title
            if found:
                drop.update(id(w) for w in ln.words)
                removed.setdefault((edge, _key(ln)), [ln.text.strip(), set()])[1].add(rp.number)
        if drop:
            had = [_has_words(rp.words, box) for box, _, _ in rp.table_boxes]
            rp.words = [w for w in rp.words if id(w) not in drop]
            rp.table_boxes = [t for t, before in zip(rp.table_boxes, had, strict=True)
                              if not before or _has_words(rp.words, t[0])]
    diags = []
    for (edge, _), (text, pages) in removed.items():
        what = "page number" if PAGE_NUMBER.match(text) else ("header" if edge == "top" else "footer")
        diags.append(make("page_furniture_removed", None, what=what, text=text, count=len(pages), total=n))
    return diags


def _has_words(words, box) -> bool:
    return any(box[0] - 1 <= w.xc <= box[2] + 1 and box[1] - 1 <= w.yc <= box[3] + 1 for w in words)
