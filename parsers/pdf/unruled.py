"""Tables drawn with no rules at all: what you get back are `UnruledTable`s, the
cell boxes of each table found on a page from text alignment alone, with cells
that wrap over several lines kept whole and header cells spanning the columns
they head.

pdfplumber's text strategy finds "tables" in any justified paragraph and cannot
tell a wrapped cell from a new row, so the search is written here:

- an *anchor* is a line whose words leave one or more wide white gutters (two or
  more segments), not counting the gap after a list label;
- a table grows down from an anchor over lines that fit its columns: every line
  starts at a column start and no word straddles a column start; anchors bring
  their own column starts, provided no word seen so far straddles them;
- it is kept when two or more columns line up over two or more anchors (or when,
  at the top of a page, it fits the columns of the table that ended the page
  before); lines after the last anchor's row are prose again;
- rows are split where the white space between lines is wider than between two
  lines of one paragraph (Word's space after a cell paragraph); a table set with
  no such space gets a new row at each line that does not go on in lower case.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from .layout import Line, Word
from .paragraphs import NUMBER_LABEL, _is_bullet

SNAP = 2.5  # points within which two text starts are the same column start
# White space between a column's text and the next column's text in a Word table:
# the default cell margins (0.08 inch, 5.4-5.8 pt) on both sides of the cell edge.
CELL_GUTTER = 11.0


@dataclass
class UnruledTable:
    """One table with no rules, as cell boxes ready for `tables.grid_from_boxes`.

    columns: the x where each column's text starts.
    text_right: per column, the x where its text may reach (estimated from the
        column starts and Word's cell margins): where a wrapped line ends.
    """

    bbox: tuple[float, float, float, float]
    boxes: list[tuple[float, float, float, float]]
    columns: list[float]
    text_right: list[float]


def find_unruled(lines: list[Line], carry: list[float] | None = None) -> list[UnruledTable]:
    """The unruled tables among a page's lines (top to bottom, furniture removed).

    carry: column starts of the table that ended the previous page, None when the
        previous page ended in prose; a table at the very top of this page that
        fits them goes on with those columns.
    """
    segs = [_segments(ln) for ln in lines]
    anchors = [_is_anchor(ln, s) for ln, s in zip(lines, segs, strict=False)]
    found = []
    i = 0
    while i < len(lines):
        if not anchors[i]:
            i += 1
            continue
        starts = _seg_starts(lines[i], segs[i])
        inherited = i == 0 and carry is not None and _subset(starts, carry)
        cols = list(carry) if inherited else _merge_starts([], starts)
        j, cols = _grow(lines, segs, anchors, i, cols)
        # once the columns are known, a line with words in two of them counts as an
        # anchor too (a full cell leaves a gutter narrower than a segment gap)
        starts_by_line = {k: _starts_in(lines[k], cols) for k in range(i, j)}
        multi = [k for k, used in starts_by_line.items() if len(used) >= 2]
        j = _drop_trailing(lines, multi, i, j)
        if inherited or _aligned([starts_by_line[k] for k in multi if k < j]):
            table = _build(lines[i:j], cols)
            if table is not None:
                found.append(table)
                i = j
                continue
        i += 1
    return found


def _segments(line: Line) -> list[tuple[float, float]]:
    """Runs of words separated by gaps wider than a tab stop would leave in prose."""
    out: list[list[float]] = []
    for w in line.words:
        if out and w.x0 - out[-1][1] < max(12.0, 1.5 * w.size):
            out[-1][1] = w.x1
        else:
            out.append([w.x0, w.x1])
    return [(a, b) for a, b in out]


def _is_anchor(line: Line, segs: list[tuple[float, float]]) -> bool:
    """Two or more segments, the first not a lone list label (a bullet or "1." set
    off by a hanging indent is a list item, not a column)."""
    if len(segs) < 2:
        return False
    first = [w for w in line.words if w.x1 <= segs[0][1] + 0.1]
    return not (len(first) == 1 and (_is_bullet(first[0].text) or NUMBER_LABEL.match(first[0].text)))


def _near(x: float, cols: list[float]) -> bool:
    return any(abs(x - c) <= SNAP for c in cols)


def _subset(starts: list[float], cols: list[float]) -> bool:
    return len(starts) >= 2 and all(_near(x, cols) for x in starts)


def _merge_starts(cols: list[float], starts: list[float]) -> list[float]:
    return sorted(cols + [x for x in starts if not _near(x, cols)])


def _seg_starts(line: Line, segs: list[tuple[float, float]]) -> list[float]:
    """Where the line's segments start, leaving out the text after a lone list
    label ("a)   List the options" in a cell is one column, not two)."""
    out = []
    for k, seg in enumerate(segs):
        if k and _is_label_seg(line, segs[k - 1]):
            continue
        out.append(seg[0])
    return out


def _is_label_seg(line: Line, seg: tuple[float, float]) -> bool:
    words = [w for w in line.words if seg[0] - 0.1 <= w.x0 and w.x1 <= seg[1] + 0.1]
    return len(words) == 1 and bool(_is_bullet(words[0].text) or NUMBER_LABEL.match(words[0].text))


def _fits(words: list[Word], cols: list[float]) -> bool:
    """True when no word straddles a column start (its text would run into the
    next column) and the line starts at a column start."""
    if not words or not _near(words[0].x0, cols):
        return False
    return not any(w.x0 < c - SNAP and w.x1 > c - SNAP for w in words for c in cols)


def _grow(lines: list[Line], segs: list, anchors: list[bool], i: int,
          cols: list[float]) -> tuple[int, list[float]]:
    """(end index, columns) of the run of lines from anchor `i` that fit the columns."""
    if not _fits(lines[i].words, cols):
        return i + 1, cols
    seen = list(lines[i].words)
    gaps: list[float] = []
    j = i + 1
    while j < len(lines):
        line = lines[j]
        gap = line.top - lines[j - 1].bottom
        if gap > 3 * line.size or (len(gaps) >= 2 and gap > max(gaps) + 0.8 * line.size):
            break  # a wide white band (an empty paragraph at least): the table has ended
        trial = cols
        if anchors[j]:
            starts = _seg_starts(lines[j], segs[j])
            if not any(_near(x, cols) for x in starts):
                break
            # a start that a word above runs across is an indent inside a cell
            # (text after a list label), not a new column
            trial = _merge_starts(cols, [x for x in starts if _fits(seen, _merge_starts(cols, [x]))])
        if not _fits(line.words, trial):
            break
        cols = trial
        seen.extend(line.words)
        gaps.append(gap)
        j += 1
    return j, cols


def _row_breaks(lines: list[Line]) -> list[bool]:
    """For each line, True when it opens a new row (see the module docstring).

    The white space between two lines of one cell is the smallest in the table: a
    quarter of a line more is a row break (Word's space after a cell paragraph
    also comes before the next row; two paragraphs of one cell separated by more
    than that count as rows too).
    """
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:], strict=False)]
    if gaps:
        limit = min(gaps) + 0.25 * max(ln.size for ln in lines)
        if any(g > limit for g in gaps):
            return [True] + [g > limit for g in gaps]
    return [True] + [not ln.words[0].text[:1].islower() for ln in lines[1:]]


def _starts_in(line: Line, cols: list[float]) -> set[int]:
    """The columns in which the line has a word starting at the column start."""
    return {k for k, c in enumerate(cols) if any(abs(w.x0 - c) <= SNAP for w in line.words)}


def _drop_trailing(lines: list[Line], multi: list[int], i: int, j: int) -> int:
    """The end of the run once the rows after the last row with two or more
    columns filled are left out (a short line of prose under a table fits its
    first column too)."""
    last = max(multi, default=i)
    breaks = _row_breaks(lines[i:j])
    for k in range(last + 1, j):
        if breaks[k - i]:
            return k
    return j


def _aligned(used: list[set[int]]) -> bool:
    """Two or more columns started in by two or more of the lines that fill two
    columns or more (`used`: per such line, the columns it starts words in)."""
    if len(used) < 2:
        return False
    counts: dict[int, int] = {}
    for cols in used:
        for k in cols:
            counts[k] = counts.get(k, 0) + 1
    return sum(n >= 2 for n in counts.values()) >= 2


def _column_of(x: float, cols: list[float]) -> int:
    return max([k for k, c in enumerate(cols) if c - SNAP <= x] or [0])


def _build(lines: list[Line], cols: list[float]) -> UnruledTable | None:
    """The table's cell boxes, or None when the lines read as a list of
    "Label: value" pairs set with tabs (prose that only looks like two columns)."""
    breaks = _row_breaks(lines)
    rows: list[list[Line]] = []
    for line, new in zip(lines, breaks, strict=False):
        if new or not rows:
            rows.append([])
        rows[-1].append(line)
    texts = [[" ".join(w.text for ln in row for w in ln.words if _column_of(w.x0, cols) == c)
              for c in range(len(cols))] for row in rows]
    firsts = [t[0] for t in texts if t[0]]
    if len(cols) == 2 and firsts and all(t.rstrip().endswith(":") for t in firsts):
        return None
    used = sorted({_column_of(w.x0, cols) for ln in lines for w in ln.words})
    if len(used) < 2:
        return None
    text_right = _text_right(lines, cols)
    right = max(text_right[-1], max(ln.x1 for ln in lines)) + 1
    edges = [c - 1 for c in cols] + [right]
    tops = [row[0].top - 1 for row in rows] + [lines[-1].bottom + 1]
    boxes = []
    for r in range(len(rows)):
        c = 0
        while c < len(cols):
            span = _header_span(texts, r, c)
            boxes.append((edges[c], tops[r], edges[c + span], tops[r + 1]))
            c += span
    return UnruledTable((edges[0], tops[0], right, tops[-1]), boxes, list(cols), text_right)


def _header_span(texts: list[list[str]], r: int, c: int) -> int:
    """How many columns the cell at row r, column c covers: 1, except for a cell of
    the first row (not the first column) followed by empty positions that the row
    below fills (a "2022" heading above "Q1 Q2 Q3 Q4")."""
    if r != 0 or c == 0 or not texts[0][c] or len(texts) < 2:
        return 1
    span = 1
    while c + span < len(texts[0]) and not texts[0][c + span] and texts[1][c + span]:
        span += 1
    return span


def _text_right(lines: list[Line], cols: list[float]) -> list[float]:
    """Per column, where its text may reach: the next column's start less the cell
    margins; for the last column, its start plus the usual column width."""
    widths = [b - a for a, b in zip(cols, cols[1:], strict=False)]
    out = []
    for k, start in enumerate(cols):
        reach = max((w.x1 for ln in lines for w in ln.words if _column_of(w.x0, cols) == k), default=start)
        edge = cols[k + 1] if k + 1 < len(cols) else start + statistics.median(widths)
        out.append(max(edge - CELL_GUTTER, reach))
    return out
