"""The Apache POI / Tika text convention (SPEC.md "Inputs"): paragraphs one a line;
a table cell starts on a new line with a TAB, a cell's further paragraphs follow on
lines without one; rows are usually, not always, separated by a blank line.

How rows are found. Blank lines alone cannot tell rows apart: empty paragraphs in a
cell are blank lines too, and some rows have none between them. Cell counts alone
cannot either: a row with merged cells is short, and counting on would shift every
later row. So a table's cells are segmented into rows by a small dynamic programme
that, for each candidate column count n, finds the cheapest split, where
  a row of w != n cells costs RAGGED + |w - n|,
  a row that starts without a blank line before it costs NO_BLANK,
  a blank line before a cell in the middle of a row costs MID_BLANK, or
  MID_BLANK_TRUSTED when no cell of the table holds a blank line of its own (then
  every blank line is a row separator and a row crossing one is unlikely),
and keeps the n (and split) with the lowest total. Full rows separated by blank lines
cost nothing; a short header ("2021" over four quarters) costs one ragged row, which
is cheaper than shifting the rest.

Where a table ends: a text line after two or more blank lines, or a U+FFFD note line.
Two tables in a row (no paragraph between them) show only as a gap of two or more
blank lines between rows; that is trusted only in tables whose cells hold no blank
lines of their own, since otherwise blank lines are cell content.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .drafts import CellDraft, ParaDraft, TableDraft
from .inline import COMMENT_MARK, LOST_MARK, LineReader

RAGGED = 10
NO_BLANK = 3
MID_BLANK = 1
MID_BLANK_TRUSTED = 10
MAX_COLS = 40  # widest table considered
TOP_CANDIDATES = 4  # column counts tried, from each of the two group statistics
TABLE_START = 1 << 30  # the first cell of a table counts as preceded by a blank line


@dataclass
class _RawCell:
    line: int
    gap: int  # blank lines between the previous cell's text and this cell's TAB line
    paras: list[ParaDraft] = field(default_factory=list)

    def trim(self) -> None:
        """Drop trailing blank lines: they separate rows, they are not cell text."""
        while len(self.paras) > 1 and not self.paras[-1].text.strip() and _plain(self.paras[-1]):
            self.paras.pop()

    @property
    def has_blank_lines(self) -> bool:
        return any(not p.text.strip() and _plain(p) for p in self.paras[1:])


def _plain(p: ParaDraft) -> bool:
    return not (p.refs or p.bodies or p.comments or p.list_label or p.lost_note)


def _is_cell_start(line: str) -> bool:
    return line.startswith("\t") and not line.startswith(COMMENT_MARK)


def read_tika(text: str) -> list[ParaDraft | TableDraft]:
    """Paragraphs and tables of a Tika-style export, in reading order."""
    reader = LineReader()
    items: list[ParaDraft | list[_RawCell]] = []
    run: list[_RawCell] | None = None
    blanks = 0
    for lineno, line in enumerate(text.split("\n"), 1):
        if _is_cell_start(line):
            if run is None:
                run = []
                items.append(run)
                gap = TABLE_START
            else:
                gap = blanks
                run[-1].trim()
            run.append(_RawCell(lineno, gap, [reader.read(line[1:], lineno)]))
            blanks = 0
        elif not line.strip():
            blanks += 1
            if run is not None:
                run[-1].paras.append(ParaDraft(text=line, line=lineno))
        else:
            if run is not None and (blanks >= 2 or line.lstrip(" ").startswith(LOST_MARK)):
                run[-1].trim()
                run = None
            if run is not None:
                run[-1].paras.append(reader.read(line, lineno))
            else:
                items.append(reader.read(line, lineno))
            blanks = 0
    if run is not None:
        run[-1].trim()
    out: list[ParaDraft | TableDraft] = []
    for item in items:
        if isinstance(item, ParaDraft):
            out.append(item)
        else:
            out.extend(_tables(item))
    return out


def _tables(cells: list[_RawCell]) -> list[TableDraft]:
    """The run of cells as tables: rows by `_best_rows`, split where a wide gap shows a
    table boundary (see the module docstring)."""
    trust_gaps = not any(c.has_blank_lines for c in cells)
    n, rows = _best_rows(cells, trust_gaps)
    segments: list[list[list[_RawCell]]] = [[]]
    for row in rows:
        if trust_gaps and segments[-1] and row[0].gap >= 2:
            segments.append([])
        segments[-1].append(row)
    if len(segments) > 1:
        resegmented = []
        for seg in segments:  # each table counts its own columns
            flat = [c for row in seg for c in row]
            flat[0].gap = TABLE_START
            resegmented.append(_best_rows(flat, trust_gaps))
    else:
        resegmented = [(n, rows)]
    return [TableDraft(line=seg[0][0].line, n_cols=width,
                       rows=[[CellDraft(c.line, c.paras) for c in row] for row in seg])
            for width, seg in resegmented]


def _candidates(cells: list[_RawCell]) -> list[int]:
    """Column counts worth trying: the commonest sizes of blank-separated groups of
    cells and of two neighbouring groups (a row split by an empty paragraph), capped
    at MAX_COLS; few of them, so that a table of many thousand cells stays cheap."""
    groups, size = [], 0
    for i, c in enumerate(cells):
        if i and c.gap:
            groups.append(size)
            size = 0
        size += 1
    groups.append(size)
    singles = Counter(n for n in groups if n <= MAX_COLS)
    pairs = Counter(a + b for a, b in zip(groups, groups[1:], strict=False) if a + b <= MAX_COLS)
    found = {n for n, _ in singles.most_common(TOP_CANDIDATES)}
    found |= {n for n, _ in pairs.most_common(TOP_CANDIDATES)}
    return sorted(found) or [min(len(cells), MAX_COLS)]


def _best_rows(cells: list[_RawCell], trust_gaps: bool) -> tuple[int, list[list[_RawCell]]]:
    """(column count, rows) of the cheapest segmentation over all candidate counts;
    ties go to the smaller count."""
    best: tuple[int, int, list[list[_RawCell]]] | None = None
    for n in _candidates(cells):
        cost, rows = _segment(cells, n, MID_BLANK_TRUSTED if trust_gaps else MID_BLANK)
        if best is None or cost < best[0]:
            best = (cost, n, rows)
    assert best is not None
    return best[1], best[2]


def _segment(cells: list[_RawCell], n: int, mid_blank: int) -> tuple[int, list[list[_RawCell]]]:
    """The cheapest split of `cells` into rows for column count `n` (module docstring)."""
    total = len(cells)
    gap = [i == 0 or c.gap > 0 for i, c in enumerate(cells)]
    blanks_before = [0] * (total + 1)  # prefix counts of blank-preceded cells
    for i, g in enumerate(gap):
        blanks_before[i + 1] = blanks_before[i] + g
    inf = float("inf")
    cost = [inf] * (total + 1)
    back = [0] * (total + 1)
    cost[0] = 0
    widest = 2 * n + 2
    for end in range(1, total + 1):
        for width in range(1, min(end, widest) + 1):
            start = end - width
            c = cost[start] + (0 if width == n else RAGGED + abs(width - n))
            c += 0 if gap[start] else NO_BLANK
            c += mid_blank * (blanks_before[end] - blanks_before[start + 1])
            if c < cost[end]:
                cost[end], back[end] = c, start
    rows: list[list[_RawCell]] = []
    end = total
    while end > 0:
        rows.append(cells[back[end]:end])
        end = back[end]
    rows.reverse()
    return int(cost[total]), rows
