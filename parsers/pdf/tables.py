"""Tables on a page: what you get back are `TableDraft`s, each a grid of cells with
row and column spans resolved, filled with paragraphs, and tables that run on over
several pages merged back into one with the repeated header rows dropped.

Ruled tables come from pdfplumber's line finder; tables ruled only across (booktabs
style) come from `booktabs.find_booktabs`; tables with no rules at all come from
`unruled.find_unruled`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lists import set_levels
from .paragraphs import ParaDraft, cut_across, runs_on

SNAP = 2.5  # points within which two cell edges are the same grid line


@dataclass(slots=True)
class CellDraft:
    row: int
    col: int
    bbox: tuple[float, float, float, float]
    row_span: int = 1
    col_span: int = 1
    merged: bool = False
    paras: list[ParaDraft] = field(default_factory=list)
    # where a line of text may end; None: the box's right edge less its padding
    # (unruled tables set it, their boxes reach the next column's text)
    text_right: float | None = None
    fill: str | None = None  # the cell's shading, "RRGGBB" (fills.py)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paras)


@dataclass(slots=True)
class RowDraft:
    page: int
    cells: list[CellDraft]
    is_header: bool = False


@dataclass(slots=True)
class TableDraft:
    page: int
    bbox: tuple[float, float, float, float]
    col_edges: list[float]
    rows: list[RowDraft]
    end_page: int = 0  # the last page the table reaches (after merging)

    @property
    def n_cols(self) -> int:
        return len(self.col_edges) - 1


def find_table_boxes(page) -> list[tuple[tuple[float, float, float, float], list[tuple]]]:
    """(bbox, cell boxes) of each table ruled down and across on a pdfplumber page."""
    tables = page.find_tables()
    closing = _open_row_rules(page, [t.bbox for t in tables])
    if closing:
        tables = page.find_tables({"explicit_horizontal_lines": closing})
    found = []
    for table in tables:
        if len(table.cells) >= 2:
            found.append((tuple(table.bbox), [tuple(c) for c in table.cells]))
    return sorted(found, key=lambda t: t[0][1])


def _open_row_rules(page, bboxes: list[tuple]) -> list[dict]:
    """Rules that close the last row of a table cut by the page break: its column
    rules run on below the table's last rule (the row goes on on the next page and
    has no rule under it here), so the row would be lost to the prose."""
    out = []
    verticals = [e for e in page.edges if e["orientation"] == "v"]
    for x0, _, x1, bottom in bboxes:
        runs = [e for e in verticals if x0 - SNAP <= e["x0"] <= x1 + SNAP
                and abs(e["top"] - bottom) <= SNAP and e["bottom"] > bottom + SNAP]
        # both sides of the table at least
        if len(runs) >= 2 and min(e["x0"] for e in runs) <= x0 + SNAP and max(e["x0"] for e in runs) >= x1 - SNAP:
            y = max(e["bottom"] for e in runs)
            out.append({"x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0,
                        "orientation": "h", "object_type": "line"})
    return out


def _edges(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > SNAP:
            out.append(v)
    return out


def _index(edges: list[float], v: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - v))


def grid_from_boxes(page_no: int, bbox, boxes: list[tuple]) -> TableDraft:
    """A TableDraft (cells still empty) whose grid lines are the cell edges; a box
    covering several grid rows or columns is one spanning cell, and the rows it
    covers below its first get `merged` placeholders (as docx vMerge does)."""
    cols = _edges([b[0] for b in boxes] + [b[2] for b in boxes])
    rows = _edges([b[1] for b in boxes] + [b[3] for b in boxes])
    n_rows = max(1, len(rows) - 1)
    cells_by_row: list[list[CellDraft]] = [[] for _ in range(n_rows)]
    for b in boxes:
        c0, c1 = _index(cols, b[0]), _index(cols, b[2])
        r0, r1 = _index(rows, b[1]), _index(rows, b[3])
        if c1 <= c0 or r1 <= r0:
            continue
        cell = CellDraft(r0, c0, tuple(b), r1 - r0, c1 - c0)
        cells_by_row[r0].append(cell)
        for r in range(r0 + 1, r1):
            cells_by_row[r].append(CellDraft(r, c0, tuple(b), 1, c1 - c0, merged=True))
    drafts = [RowDraft(page_no, sorted(cs, key=lambda c: c.col)) for cs in cells_by_row]
    return TableDraft(page_no, tuple(bbox), cols, [r for r in drafts if r.cells], page_no)


def mark_headers(table: TableDraft) -> None:
    """Flag the leading rows whose every grid position holds bold, non-empty text
    (a full-width single cell is a section row, not a header)."""
    for row in table.rows:
        full = [c for c in row.cells if not c.merged]
        if sum(c.col_span for c in row.cells) < table.n_cols or not full:
            break
        if table.n_cols > 1 and len(full) == 1 and full[0].col_span == table.n_cols:
            break
        if not all(c.paras and all(p.bold for p in c.paras) for c in full):
            break
        row.is_header = True


def merge_across_pages(items: list) -> list:
    """The page items with each table that runs on at the top of the next page
    joined to the one before it; repeated header rows are dropped and a row split
    by the page break is put back together. A caption repeated above the table's
    next part ("List of deliverables" on each page) is dropped too."""
    out: list = []
    captions: dict[int, str] = {}  # id(table) -> the paragraph just before it
    for i, item in enumerate(items):
        prev = out[-1] if out else None
        nxt = items[i + 1] if i + 1 < len(items) else None
        if (isinstance(item, ParaDraft) and isinstance(prev, TableDraft) and item.page == prev.end_page + 1
                and captions.get(id(prev)) == item.text and _runs_on(prev, nxt)):
            continue
        if _runs_on(prev, item):
            _append(prev, item)
        else:
            if isinstance(item, TableDraft) and isinstance(prev, ParaDraft):
                captions[id(item)] = prev.text
            out.append(item)
    return out


def _runs_on(prev, item) -> bool:
    """True when table `item` starts the page after table `prev` ends, with its columns."""
    return (isinstance(item, TableDraft) and isinstance(prev, TableDraft) and item.page == prev.end_page + 1
            and item.n_cols == prev.n_cols and _same_columns(prev, item))


def _same_columns(a: TableDraft, b: TableDraft) -> bool:
    return all(abs(x - y) <= 3 * SNAP for x, y in zip(a.col_edges, b.col_edges, strict=False))


def _row_key(row: RowDraft) -> list[str]:
    return [" ".join(c.text.split()) for c in row.cells]


def _append(prev: TableDraft, nxt: TableDraft) -> None:
    rows = list(nxt.rows)
    header = [r for r in prev.rows if r.is_header]
    n = len(header)
    if n and len(rows) >= n and all(_row_key(a) == _row_key(b) for a, b in zip(header, rows[:n], strict=False)):
        rows = rows[n:]
    elif not n and rows and prev.rows and any(_row_key(rows[0])) and _row_key(rows[0]) == _row_key(prev.rows[0]):
        rows = rows[1:]  # a header repeated on each page, not bold all through ("Engagement strategy ...")
    if rows and prev.rows and _continues(prev.rows[-1], rows[0]):
        _join_rows(prev.rows[-1], rows.pop(0))
        for cell in prev.rows[-1].cells:  # list levels read again over the whole cell
            set_levels(cell.paras)
    prev.rows.extend(rows)
    prev.end_page = nxt.end_page
    for i, row in enumerate(prev.rows):
        for c in row.cells:
            c.row = i


def _continues(last: RowDraft, first: RowDraft) -> bool:
    """True when `first` is the rest of `last`, split by the page break: a cell
    is empty where the row above had text, and no cell opens a new paragraph
    with a capital, or some cell goes on in lower case; or, its first cell empty,
    a list of a later cell goes on with the next label ("b." after "a.")."""
    pairs = list(zip(last.cells, first.cells, strict=False))
    if len(last.cells) != len(first.cells):
        return False
    starts_lower = any(b.paras and b.paras[0].label is None and b.paras[0].text[:1].islower()
                       and a.paras for a, b in pairs)
    empty_where_full = any(a.paras and not b.paras for a, b in pairs)
    list_goes_on = not first.cells[0].paras and any(
        a.paras and b.paras and _next_label(a.paras[-1].label, b.paras[0].label) for a, b in pairs[1:])
    return starts_lower or list_goes_on or (empty_where_full and not first.cells[0].paras
                                            and last.cells[0].paras != [])


def _next_label(a: str | None, b: str | None) -> bool:
    """True when list label b comes right after a: "b." after "a.", "3)" after "2)"."""
    if not a or not b or a[-1:] != b[-1:] or len(a) != len(b) and not (a[:-1].isdigit() and b[:-1].isdigit()):
        return False
    x, y = a.strip("().").rstrip(")"), b.strip("().").rstrip(")")
    if x.isdigit() and y.isdigit():
        return int(y) == int(x) + 1
    return len(x) == len(y) == 1 and x.isalpha() and ord(y) == ord(x) + 1


def _join_rows(last: RowDraft, first: RowDraft) -> None:
    for a, b in zip(last.cells, first.cells, strict=False):
        if not b.paras:
            continue
        if a.paras and runs_on(a.paras[-1], b.paras[0]):
            head, tail = a.paras[-1], b.paras[0]
            # a hyphen or slash break, or a word cut by the cell's edge
            sep = "" if re.search(r"-$|\w/$", head.text) or cut_across(head, tail) else " "
            offset = len(head.text) + len(sep)
            head.text += sep + tail.text
            head.marks.extend((m, o + offset) for m, o in tail.marks)
            a.paras.extend(b.paras[1:])
        else:
            a.paras.extend(b.paras)
