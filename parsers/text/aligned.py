"""Aligned plain-text columns: a table drawn with spaces in a plain text export.

    OWL features:
     Datatype support
       Basic datatype interface             Boris   2008-09-15
         calls out to Checker class
       Role chains                          Rob     2008-10-01
       Universal role                               2008-10-01

`find_aligned(lines)` finds such blocks, blanks their lines (so the paragraph reader
skips them and every other line keeps its number) and returns them as `TableDraft`s
with `origin="aligned_text"`: one row a line, one column a field.

How the columns are found. A line splits into *fields* at runs of two or more spaces
(single spaces are word gaps). A column starts where several lines (MIN_SHARED) start
a field after such a gap; the first field of a line is the item and its indentation is
not a column start but the item's nesting (kept as `ParaDraft.indent`). A list label
("1.", "-", "a)") set off by spaces belongs to its item, not to a column of its own.
Starts within SNAP of each other are one column (hand-aligned text is sometimes off
by one). A line is an *anchor* when it has two or more fields and every field after
the item starts on a column.

Where a table is. The text is cut into spans at lines that cannot be table rows (a
TAB, a field longer than MAX_ITEM / MAX_FIELD: prose) and at two or more blank lines.
Inside a span, blank lines cut *blocks*; a table is a run of blocks each holding an
anchor or shaped as a group (a "Heading:" line at the left margin over indented
lines), and it needs MIN_ROWS anchors. Prose, Tika cells (TAB-led, another dialect)
and pandoc tables (blanked before this runs) are therefore never read as aligned text.

What a row holds. A field goes to the column whose start is the last at or before it;
fields that land in one column are joined as written. A group heading (a line at the
left margin ending in ":" whose next line is indented) is a row of one cell spanning
all columns, which normalizers read as a section row; blank lines make no rows.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from .drafts import CellDraft, ParaDraft, TableDraft
from .inline import LineReader

MIN_ROWS = 3  # anchor lines a table needs
MIN_SHARED = 2  # lines that must start a field at a position to make it a column start
MAX_ITEM = 80  # longest first field (the item); longer is prose
MAX_FIELD = 40  # longest later field (owner, date, status)
MAX_LINE = 240  # longer lines are never rows (and are not scanned)
SNAP = 1  # a field starting this close to a column start is in that column
MAX_COLS = 12  # more column starts than this in one span: not a table drawn by hand
FIELD = re.compile(r"[^ ]+(?: [^ ]+)*")  # words joined by single spaces
# A list label that a gap of spaces sets apart from its item ("1.  Text", "-   Text").
LABEL = re.compile(r"\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-zA-Z]|[ivxlcIVXLC]{2,6})[.)]|[^\w\s]{1,2}")


@dataclass
class _Line:
    n: int  # 0-based line number
    indent: int
    fields: list[tuple[int, str]]  # (start column, text)

    @property
    def later_starts(self) -> list[int]:
        return [start for start, _ in self.fields[1:]]


def _read_line(n: int, line: str) -> _Line | None:
    """The line's fields, or None when it cannot be a table row (TAB, prose)."""
    if "\t" in line or len(line) > MAX_LINE:
        return None
    fields = [(m.start(), m.group()) for m in FIELD.finditer(line)]
    if len(fields) > 1 and LABEL.fullmatch(fields[0][1]):
        first = fields.pop(0)  # "1.  Text": the label joins its item
        fields[0] = (first[0], line[first[0]:fields[0][0] + len(fields[0][1])])
    if not fields or len(fields[0][1]) > MAX_ITEM or any(len(t) > MAX_FIELD for _, t in fields[1:]):
        return None
    return _Line(n, fields[0][0], fields)


def _columns(rows: list[_Line]) -> list[int]:
    """Column starts (after the item column) shared by MIN_SHARED lines, snapped."""
    counts = Counter(start for row in rows for start in row.later_starts)
    merged: dict[int, int] = {}
    for pos, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        near = next((q for q in merged if abs(q - pos) <= SNAP), None)
        if near is None:
            merged[pos] = count
        else:
            merged[near] += count
    return sorted(pos for pos, count in merged.items() if count >= MIN_SHARED)


def _column_of(start: int, columns: list[int]) -> int:
    """0 for the item column, k for the k-th column start at or before `start`."""
    return bisect_right(columns, start + SNAP)


def _on_columns(columns: list[int]) -> frozenset[int]:
    """Every position that counts as starting one of `columns`."""
    return frozenset(pos + d for pos in columns for d in range(-SNAP, SNAP + 1))


def _is_anchor(row: _Line, on_columns: frozenset[int]) -> bool:
    return len(row.fields) > 1 and all(start in on_columns for start in row.later_starts)


def _is_heading(row: _Line, next_row: _Line | None) -> bool:
    """A group heading: one field at the left margin ending in ":", over indented lines."""
    return (row.indent == 0 and len(row.fields) == 1 and row.fields[0][1].endswith(":")
            and next_row is not None and next_row.indent > 0)


def _spans(lines: list[str]) -> list[list[_Line | None]]:
    """Runs of lines that may hold a table (None for a blank line), cut at lines that
    cannot be rows and at two or more blank lines."""
    spans: list[list[_Line | None]] = [[]]
    blanks = 0
    for n, line in enumerate(lines):
        if not line.strip():
            blanks += 1
            if blanks == 2 and spans[-1]:
                spans.append([])
            elif blanks < 2 and spans[-1]:
                spans[-1].append(None)
            continue
        blanks = 0
        row = _read_line(n, line)
        if row is None:
            if spans[-1]:
                spans.append([])
            continue
        spans[-1].append(row)
    return [_strip(span) for span in spans if any(span)]


def _strip(span: list[_Line | None]) -> list[_Line | None]:
    while span and span[-1] is None:
        span = span[:-1]
    return span


def _blocks(span: list[_Line | None]) -> list[list[_Line]]:
    blocks: list[list[_Line]] = [[]]
    for row in span:
        if row is None:
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append(row)
    return [b for b in blocks if b]


def _is_group(block: list[_Line]) -> bool:
    return len(block) > 1 and _is_heading(block[0], block[1]) and all(r.indent > 0 for r in block[1:])


def _tables_in(span: list[_Line | None]) -> list[tuple[list[_Line], list[int]]]:
    """(rows, column starts) of each aligned table in a span."""
    rows = [r for r in span if r is not None]
    columns = _columns(rows)
    if not columns or len(columns) > MAX_COLS:
        return []
    on_columns = _on_columns(columns)
    found: list[tuple[list[_Line], list[int]]] = []
    run: list[_Line] = []
    anchors = 0  # in `run`
    for block in [*_blocks(span), []]:
        n = sum(_is_anchor(r, on_columns) for r in block)
        if block and (n or _is_group(block)):
            run.extend(block)
            anchors += n
            continue
        if anchors >= MIN_ROWS:
            found.append((run, columns))
        run, anchors = [], 0
    return found


def _draft(rows: list[_Line], columns: list[int], lines: list[str]) -> TableDraft:
    reader = LineReader()
    n_cols = len(columns) + 1
    out: list[list[CellDraft]] = []
    for k, row in enumerate(rows):
        lineno = row.n + 1
        nxt = rows[k + 1] if k + 1 < len(rows) else None
        if _is_heading(row, nxt):
            para = reader.read(row.fields[0][1], lineno)
            para.indent = 0
            out.append([CellDraft(lineno, [para], col=0, col_span=n_cols)])
            continue
        spans: dict[int, tuple[int, int]] = {}  # column -> (start, end) in the line
        for start, text in row.fields:
            col = _column_of(start, columns)
            first = spans.get(col, (start, 0))[0]
            spans[col] = (first, start + len(text))
        cells = []
        for col in range(n_cols):
            cell = CellDraft(lineno, [], col=col)
            if col in spans:
                text = lines[row.n][slice(*spans[col])]
                if col == 0:  # the item: it may open with a bullet glyph
                    para = reader.read(text, lineno)
                    para.indent = row.indent
                else:
                    para = ParaDraft(text=text, line=lineno)
                cell.paras.append(para)
            cells.append(cell)
        out.append(cells)
    return TableDraft(line=rows[0].n + 1, rows=out, n_cols=n_cols, origin="aligned_text")


def find_aligned(lines: list[str]) -> list[TableDraft]:
    """The aligned-text tables among `lines`, in order; their lines are blanked in place."""
    tables: list[TableDraft] = []
    for span in _spans(lines):
        for rows, columns in _tables_in(span):
            tables.append(_draft(rows, columns, lines))
            for n in range(rows[0].n, rows[-1].n + 1):
                lines[n] = ""
    return tables
