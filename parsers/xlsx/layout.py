"""From what a sheet shows (`SheetData`) to blocks of the shared model: paragraphs
for lines of text, `Table`s for the tabular parts. Used for .xlsx sheets and for
.csv/.tsv files alike.

How a sheet is cut up, with no header words (those are the normalizers' business):
* Columns: a group of columns set apart from the table by an empty column, with
  nothing on the table's header row, is a margin (an approval block, a signature
  and a date): its cells become paragraphs after the table, never table rows.
* Rows: blank rows cut the sheet into blocks. A block of rows that hold one cell
  each is text (a title block, a note): paragraphs. A block with a row of two or
  more cells is tabular; it continues the table above when only blank rows (or
  one line of text, a heading row spaced out) lie between and it spans the same
  columns, else it starts a new table, and the lines of text above its first
  row of cells are paragraphs (the title block over the header).
* In a table, a line in a column of short values ("No.", "Ref": numbers, codes)
  is a heading over the row, as Excel shows it overflowing the empty cells to its
  right: it spans the row ("Outcome 2: Health" typed in column A only).
* The first row of a table is its header; the second is header too when a cell of
  the first spans down into it or spans columns above cells of it (a quarter over
  "Planned | Status").
* A cell's line breaks make separate paragraphs; merged ranges become spans, the
  rows a range covers below its first row get `merged` placeholders (as in .docx).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from statistics import median

from openpyxl.utils.cell import get_column_letter

from ..model import Block, Cell, Paragraph, Row, Table
from .sheet import RawCell, SheetData

# A line is a heading over its row when it is this many times longer than the
# column's usual value (and that value is short).
OVERFLOW_FACTOR = 4
SHORT_VALUE = 3
# Grid positions merged ranges may cover in one sheet, beyond four per cell shown.
MAX_COVERED = 200_000


@dataclass
class Ids:
    """Block ids and table numbers, counted over the whole document."""

    block: int = 0
    table: int = 0
    anchors: dict[tuple[str, int, int], int] = field(default_factory=dict)
    # (sheet, row, col) of the cells whose block ids are wanted (commented cells)
    wanted: set[tuple[str, int, int]] = field(default_factory=set)

    def next(self) -> int:
        self.block += 1
        return self.block


@dataclass
class _Span:
    row: int
    col: int
    rows: range  # sheet rows covered
    cols: range  # sheet columns covered


class _Grid:
    """Per row: the columns of cells shown, and the merged ranges over it."""

    def __init__(self, data: SheetData, spans: dict, text_cells: set):
        self.spans = spans
        self.text_cells = text_cells
        self.cells_by_row: dict[int, list[int]] = {}
        for r, c in sorted(data.cells):
            self.cells_by_row.setdefault(r, []).append(c)
        self.spans_by_row: dict[int, list[_Span]] = {}
        for s in spans.values():
            for r in s.rows:
                self.spans_by_row.setdefault(r, []).append(s)
        self.by_row: dict[int, list[int]] = {}

    def cover(self, r: int, c: int) -> _Span | None:
        """The merged range that covers (r, c) without starting there."""
        for s in self.spans_by_row.get(r, ()):
            if c in s.cols and (r, c) != (s.row, s.col):
                return s
        return None

    def shown(self, r: int, cols: set[int]) -> int:
        """How many distinct cells with text row r shows in `cols` (cells merged down
        from above count)."""
        seen = {(r, c) for c in self.by_row.get(r, ()) if c in cols}
        seen |= {(s.row, s.col) for s in self.spans_by_row.get(r, ()) if s.col in cols
                 and (s.row, s.col) in self.text_cells}
        return len(seen)


def sheet_blocks(data: SheetData, ids: Ids, ref: Callable[[int, int | None], str], prefix: str = "") -> list[Block]:
    """The sheet's blocks in reading order; `ref(row, col)` gives a source_ref (col None
    for a whole row), `prefix` starts a table's ('sheet "Plan", table 2'). The first
    block id of each cell in `ids.wanted` (cells with comments) goes to `ids.anchors`."""
    spans = _spans(data)
    text_cells = {k for k, v in data.cells.items() if v.text.strip()}
    grid = _Grid(data, spans, text_cells)
    main, margins = _column_groups(data, spans, text_cells)
    blocks: list[Block] = []
    tail: list[tuple[int, int]] = []
    for group in margins:
        tail += [k for k in sorted(text_cells) if k[1] in group]
    by_row: dict[int, list[int]] = {}
    for r, c in sorted(text_cells):
        if c in main:
            by_row.setdefault(r, []).append(c)
    grid.by_row = by_row
    rows = sorted(by_row)
    for kind, part in _parts(rows, main, grid):
        if kind == "text":
            blocks += [_paragraph(data, (r, c), ids, ref) for r in part for c in by_row[r]]
        else:
            blocks.append(_table(data, part, main, grid, ids, ref, prefix))
    blocks += [_paragraph(data, k, ids, ref) for k in sorted(tail)]
    return blocks


def _spans(data: SheetData) -> dict[tuple[int, int], _Span]:
    """Merged ranges whose first cell shows something, cut to the used range (a merge
    over whole columns covers only rows that hold something). Merges beyond
    MAX_COVERED cells in all are left unmerged, so hostile ranges cost no memory."""
    if not data.cells:
        return {}
    last_row = max(r for r, _ in data.cells)
    last_col = max(c for _, c in data.cells)
    out, area = {}, 0
    for min_row, min_col, max_row, max_col in data.merges:
        if (min_row, min_col) not in data.cells:
            continue
        max_row, max_col = min(max_row, last_row), min(max_col, last_col)
        area += (max_row - min_row + 1) * (max_col - min_col + 1)
        if area > MAX_COVERED + 4 * len(data.cells):
            break
        out[(min_row, min_col)] = _Span(min_row, min_col, range(min_row, max_row + 1), range(min_col, max_col + 1))
    return out


def _column_groups(data, spans, text_cells) -> tuple[set[int], list[set[int]]]:
    """The table's columns, and the margin groups set apart by an empty column."""
    used = {c for _, c in data.cells}
    for s in spans.values():
        if (s.row, s.col) in text_cells:
            used.update(s.cols)
    groups: list[set[int]] = []
    for c in sorted(used):
        if groups and c - 1 in groups[-1]:
            groups[-1].add(c)
        else:
            groups.append({c})
    if len(groups) < 2:
        return (groups[0] if groups else set()), []
    count = {i: sum(1 for k in text_cells if k[1] in g) for i, g in enumerate(groups)}
    best = max(count, key=lambda i: (count[i], -i))
    main = set(groups[best])
    header = _first_wide_row(text_cells, main)
    margins = []
    for i, group in enumerate(groups):
        if i == best:
            continue
        on_header = header is not None and any(r == header for r, c in text_cells if c in group)
        if on_header:
            main |= group
        else:
            margins.append(group)
    if margins:  # columns between the table's groups belong to it
        main |= set(range(min(main), max(main) + 1)) - set().union(*margins)
    return main, margins


def _first_wide_row(text_cells, cols: set[int]) -> int | None:
    per_row: dict[int, int] = {}
    for r, c in text_cells:
        if c in cols:
            per_row[r] = per_row.get(r, 0) + 1
    wide = [r for r, n in per_row.items() if n >= 2]
    return min(wide) if wide else None


def _parts(rows, cols, grid: _Grid):
    """("text", rows) and ("table", rows) parts of the sheet in order (see module doc)."""
    blocks: list[list[int]] = []
    previous = None
    for r in rows:
        if grid.shown(r, cols) == 0:
            continue
        if previous is not None and r - previous == 1 or (blocks and _merged_down(previous, r, grid)):
            blocks[-1].append(r)
        else:
            blocks.append([r])
        previous = r
    parts: list[tuple[str, list[int]]] = []
    table_extent = None
    pending: list[int] | None = None  # one line of text after a table, not yet placed
    for block in blocks:
        widths = [grid.shown(r, cols) for r in block]
        if max(widths) < 2:
            if table_extent is not None and pending is None and len(block) == 1:
                pending = block
                continue
            if pending:
                parts.append(("text", pending))
                pending = None
            parts.append(("text", block))
            table_extent = None
            continue
        extent = _extent(block, cols, grid)
        if table_extent == extent:
            parts[-1][1].extend((pending or []) + block)
            pending = None
            continue
        if pending:
            parts.append(("text", pending))
            pending = None
        first = widths.index(next(w for w in widths if w >= 2))
        if first:
            parts.append(("text", block[:first]))
        parts.append(("table", block[first:]))
        table_extent = extent
    if pending:
        parts.append(("text", pending))
    return parts


def _merged_down(previous: int | None, r: int, grid: _Grid) -> bool:
    return previous is not None and any(previous in s.rows for s in grid.spans_by_row.get(r, ()))


def _extent(block, cols, grid: _Grid) -> tuple[int, int]:
    found = [c for r in block for c in grid.by_row.get(r, ()) if c in cols]
    found += [c for r in block for s in grid.spans_by_row.get(r, ()) if s.row == r
              and (s.row, s.col) in grid.text_cells for c in (s.cols[0], s.cols[-1])]
    return min(found), max(found)


def _paragraph(data: SheetData, key, ids: Ids, ref) -> Paragraph:
    cell = data.cells[key]
    block_id = ids.next()
    if (data.name, *key) in ids.wanted:
        ids.anchors.setdefault((data.name, *key), block_id)
    return Paragraph(block_id, cell.text.strip(), ref(*key), bold=cell.bold)


def _table(data: SheetData, rows: list[int], cols: set[int], grid: _Grid, ids: Ids, ref, prefix: str) -> Table:
    by_row = grid.by_row
    first_col = min(by_row[r][0] for r in rows if r in by_row)
    in_rows = set(rows)
    used = {c for r in rows for c in grid.cells_by_row.get(r, ())}
    used |= {c for r in rows for s in grid.spans_by_row.get(r, ()) for c in (s.cols[0], s.cols[-1])}
    columns = sorted(c for c in used if c in cols and c >= first_col)
    index_of = {c: i for i, c in enumerate(columns)}
    row_index = {r: i for i, r in enumerate(rows)}
    n_cols = len(columns)
    ids.table += 1
    table_id = ids.next()
    headings = _overflowing(data, rows, columns[0], by_row)
    header_rows = _header_rows(rows, columns, grid.spans, by_row)
    out_rows = []
    for r in rows:
        cells = []
        candidates = {c for c in grid.cells_by_row.get(r, ()) if c in index_of}
        candidates |= {s.col for s in grid.spans_by_row.get(r, ()) if s.col in index_of}
        for c in sorted(candidates):
            cover = grid.cover(r, c)
            if cover is not None:
                if cover.col == c and cover.row != r and cover.row in in_rows:
                    cells.append(Cell(row_index[r], index_of[c], (), ref(r, c), col_span=_count(cover.cols, index_of),
                                      merged=True))
                continue
            span = grid.spans.get((r, c))
            raw = data.cells.get((r, c))
            row_span = _count(span.rows, row_index) if span else 1
            col_span = _count(span.cols, index_of) if span else 1
            if (r, c) in headings:
                col_span = n_cols
            cells.append(_cell(data, raw, r, c, row_index[r], index_of[c], row_span, col_span, ids, ref))
        out_rows.append(Row(row_index[r], tuple(cells), ref(r, None), is_header=r in header_rows))
    return Table(table_id, ids.table, tuple(out_rows), n_cols, f"{prefix}table {ids.table}")


def _count(covered: range, index_of: dict[int, int]) -> int:
    return max(1, sum(1 for x in covered if x in index_of))


def _cell(data, raw: RawCell | None, r, c, row, col, row_span, col_span, ids: Ids, ref) -> Cell:
    blocks = []
    source = ref(r, c)
    if raw is not None and raw.text.strip():
        for line in raw.text.strip().split("\n"):
            blocks.append(Paragraph(ids.next(), line.strip(), source, bold=raw.bold))
        if (data.name, r, c) in ids.wanted:
            ids.anchors[(data.name, r, c)] = blocks[0].block_id
    return Cell(row, col, tuple(blocks), source, row_span=row_span, col_span=col_span,
                fill=raw.fill if raw is not None else None)


def _overflowing(data: SheetData, rows: list[int], first: int, by_row) -> set[tuple[int, int]]:
    """Lines in the first column that overflow a column of short values (module doc)."""
    lines = [r for r in rows if by_row.get(r) == [first]]
    if not lines:
        return set()
    lengths = {r: len(data.cells[(r, first)].text.strip()) for r in rows if first in by_row.get(r, ())}
    in_lines = set(lines)
    others = [n for row, n in lengths.items() if row not in in_lines]
    usual = median(others) if others else None
    out = set()
    for r in lines:
        if usual is None:
            break
        text = data.cells[(r, first)].text.strip()
        if usual <= SHORT_VALUE and len(text) > OVERFLOW_FACTOR * max(usual, 1) and not _is_number(text):
            out.add((r, first))
    return out


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", ""))
    except ValueError:
        return False
    return True


def _header_rows(rows, columns, spans, by_row) -> set[int]:
    if not rows:
        return set()
    top = rows[0]
    out = {top}
    if len(rows) < 3:
        return out
    below = rows[1]
    for c in columns:
        s = spans.get((top, c))
        if s is None:
            continue
        if below in s.rows or (len(s.cols) > 1 and any(x in s.cols for x in by_row.get(below, ()))):
            out.add(below)
            break
    return out


def column_ref(col: int) -> str:
    return get_column_letter(col)
