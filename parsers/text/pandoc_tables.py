"""Pandoc's text table syntaxes, found in the lines of a plain or Markdown export:
simple tables, multiline tables and grid tables (pandoc manual, "Tables").

`find_tables(lines)` returns each table as a `RawTable`: where it sits, and its cells
with their grid position, spans and paragraphs as raw text. The dialect readers turn
the cell text into paragraphs (plain: one a blank-separated block, lines joined;
Markdown: through markdown-it) and blank the table's lines before reading the rest,
so that source line numbers and block order stay those of the file.

Hand-written: markdown-it-py reads only pipe tables, and docutils' grid-table parser
is not a dependency (nor does it read pandoc's ":" alignment marks or dash tables).

Simple and multiline tables take their column extents from the dash runs of the
separator line ("-------- ------ ----"): a column spans from its run's start to the
next run's start. A multiline table opens with a full dash line, its rows are
separated by blank lines and a cell's lines are joined; a simple table has one line a
row. Grid tables are read corner by corner, as rectangles of "+", "-", "=", ":" and
"|", so that cells spanning rows or columns keep their spans; the "+===+" line ends
the header.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .drafts import CellDraft, ParaDraft, TableDraft

DASH_RUNS = re.compile(r"^ *-+(?: +-+)* *$")
RUN = re.compile(r"-+")
GRID_BORDER = re.compile(r"^( *)\+[-=:+]*[-=:]\+ *$")
MIN_RUN = 3  # at least one dash run this long, so "- - -" (a thematic break) is no table
MAX_GRID_CELLS = 20_000  # corner scans stop here: a pathological block is left as text


@dataclass
class RawCell:
    """One cell: grid position, spans, and its paragraphs as (1-based line, text)
    with the text's lines joined by "\\n" and left as written (not dedented)."""

    row: int
    col: int
    line: int
    paras: list[tuple[int, str]] = field(default_factory=list)
    row_span: int = 1
    col_span: int = 1


@dataclass
class RawTable:
    """A table found at lines [start, end) (0-based) of the text."""

    start: int
    end: int
    kind: str  # "simple", "multiline" or "grid"
    rows: list[list[RawCell]]
    n_cols: int
    header_rows: int = 0


def _paragraphs(chunk: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """(line, text) lines -> blank-line-separated paragraphs, common indent removed."""
    paras: list[tuple[int, str]] = []
    current: list[tuple[int, str]] = []
    for item in [*chunk, (0, "")]:
        if item[1].strip():
            current.append(item)
        elif current:
            indent = min(len(t) - len(t.lstrip(" ")) for _, t in current)
            paras.append((current[0][0], "\n".join(t[indent:].rstrip() for _, t in current)))
            current = []
    return paras


# ---- simple and multiline tables --------------------------------------------------

def _is_full_dash(line: str) -> bool:
    s = line.strip()
    return len(s) >= MIN_RUN and set(s) == {"-"}


def _runs(line: str) -> list[tuple[int, int]] | None:
    """The dash runs of a column separator line, or None if it is not one."""
    if not DASH_RUNS.match(line):
        return None
    runs = [(m.start(), m.end()) for m in RUN.finditer(line)]
    if max(e - s for s, e in runs) < MIN_RUN:
        return None
    return runs


def _cuts_word(line: str, runs: list[tuple[int, int]]) -> bool:
    """True when a column start falls inside a word of `line`: pandoc always leaves a
    space before each column, prose over a dash line does not."""
    return any(s < len(line) and line[s - 1] != " " and line[s] != " " for s, _ in runs[1:])


def _cells_of(rows: list[list[tuple[int, str]]], runs: list[tuple[int, int]],
              first_row: int) -> list[list[RawCell]]:
    """Cut each row's lines at the column starts; a cell's lines form one paragraph."""
    bounds = [0] + [s for s, _ in runs[1:]] + [1 << 30]
    out = []
    for r, row in enumerate(rows):
        cells = []
        for c in range(len(runs)):
            lines = [(n, t[bounds[c]:bounds[c + 1]]) for n, t in row]
            text = " ".join(t.strip() for _, t in lines if t.strip())
            cell = RawCell(first_row + r, c, row[0][0])
            if text:
                cell.paras.append((next(n for n, t in lines if t.strip()), text))
            cells.append(cell)
        out.append(cells)
    return out


def _dash_table(lines: list[str], sep: int) -> RawTable | None:
    """The simple or multiline table whose column separator line is `sep`, or None."""
    runs = _runs(lines[sep])
    if runs is None or (len(runs) < 2 and not _is_full_dash(lines[sep])):
        return None
    if len(runs) < 2:
        return None  # a lone dash line: a rule or a table's top/bottom, not a separator
    above = sep - 1
    while above >= 0 and lines[above].strip() and not _is_full_dash(lines[above]):
        above -= 1
    header = [(n + 1, lines[n]) for n in range(above + 1, sep)]
    multiline = above >= 0 and _is_full_dash(lines[above])
    if not multiline and header and above >= 0 and lines[above].strip():
        return None
    if not multiline and len(header) > 1:
        return None  # several text lines over a dash line: prose, not a simple header
    start = above if multiline else sep - len(header)
    end, body = sep + 1, []
    closed = False
    while end < len(lines):
        line = lines[end]
        if _is_full_dash(line) or _runs(line):
            closed, end = True, end + 1
            break
        if not line.strip() and not multiline and header:
            break  # a simple table with a header ends at a blank line
        body.append((end + 1, line))
        end += 1
    if (multiline or not header) and not closed:
        return None
    while body and not body[-1][1].strip():
        body.pop()
    blank_rows = any(not t.strip() for _, t in body)
    rows: list[list[tuple[int, str]]] = [[]]
    for item in body:
        if not item[1].strip():
            if rows[-1]:
                rows.append([])
        elif multiline or blank_rows:
            rows[-1].append(item)
        else:
            rows[-1].append(item)
            rows.append([])
    rows = [r for r in rows if r]
    if not rows or any(_cuts_word(t, runs) for _, t in header + body):
        return None
    kind = "multiline" if multiline or blank_rows else "simple"
    cells = _cells_of(([header] if header else []) + rows, runs, 0)
    return RawTable(start=start, end=end, kind=kind, rows=cells, n_cols=len(runs),
                    header_rows=1 if header else 0)


# ---- grid tables ------------------------------------------------------------------

def _grid_block(lines: list[str], top: int) -> int:
    """The end (exclusive) of the grid table that starts with the border at `top`,
    or `top` when there is none (no closing border)."""
    indent = len(lines[top]) - len(lines[top].lstrip(" "))
    end, last_border = top + 1, top
    while end < len(lines):
        s = lines[end][indent:]
        if len(lines[end]) - len(s) != indent or not s or s[0] not in "+|":
            break
        if GRID_BORDER.match(lines[end]):
            last_border = end
        end += 1
    return last_border + 1 if last_border > top else top


def _scan_cell(g: list[str], top: int, left: int) -> tuple[int, int] | None:
    """(bottom, right) of the cell whose top-left corner is at (top, left)."""
    width, height = len(g[0]), len(g)
    for right in range(left + 1, width):
        ch = g[top][right]
        if ch not in "-=:+":
            return None
        if ch != "+":
            continue
        for bottom in range(top + 1, height):
            edge = g[bottom][right]
            if edge not in "|+":
                break
            if edge != "+":
                continue
            if all(g[bottom][c] in "-=:+" for c in range(left, right)) and \
                    all(g[r][left] in "|+" for r in range(top, bottom)):
                return bottom, right
    return None


def _grid_table(lines: list[str], top: int, end: int) -> RawTable | None:
    """The grid table in lines [top, end), or None when its borders do not close."""
    width = max(len(lines[n].rstrip()) for n in range(top, end))
    g = [lines[n].rstrip().ljust(width) for n in range(top, end)]
    left0 = len(g[0]) - len(g[0].lstrip(" "))
    header_line = next((r for r in range(1, len(g)) if "=" in g[r] and
                        GRID_BORDER.match(g[r]) and r < len(g) - 1), None)
    right_edge = len(g[0].rstrip()) - 1
    found: dict[tuple[int, int], tuple[int, int]] = {}
    todo, seen = [(0, left0)], set()
    while todo:
        corner = todo.pop()
        if corner in seen or corner[0] >= len(g) - 1 or corner[1] >= right_edge:
            continue
        seen.add(corner)
        if len(seen) > MAX_GRID_CELLS:
            return None
        box = _scan_cell(g, *corner)
        if box is None:
            continue  # a junction inside a spanning cell's border, not a cell's corner
        found[corner] = box
        todo += [(corner[0], box[1]), (box[0], corner[1])]
    area = sum((b - t) * (r - left) for (t, left), (b, r) in found.items())
    if not found or area != (len(g) - 1) * (right_edge - left0):
        return None  # borders that do not close into cells: not a grid table
    row_lines = sorted({t for t, _ in found} | {b for b, _ in found.values()})
    col_lines = sorted({c for _, c in found} | {r for _, r in found.values()})
    row_of = {v: i for i, v in enumerate(row_lines)}
    col_of = {v: i for i, v in enumerate(col_lines)}
    rows: list[list[RawCell]] = [[] for _ in row_lines[:-1]]
    for (t, left), (b, right) in sorted(found.items()):
        r, c = row_of[t], col_of[left]
        chunk = [(top + n + 1, g[n][left + 1:right]) for n in range(t + 1, b)]
        cell = RawCell(r, c, top + t + 2, _paragraphs(chunk),
                       row_span=row_of[b] - r, col_span=col_of[right] - c)
        rows[r].append(cell)
    for row in rows:
        row.sort(key=lambda cell: cell.col)
    header_rows = row_of.get(header_line, 0) if header_line is not None else 0
    return RawTable(start=top, end=end, kind="grid", rows=rows, n_cols=len(col_lines) - 1,
                    header_rows=header_rows)


def find_tables(lines: list[str]) -> list[RawTable]:
    """Every pandoc simple, multiline and grid table in `lines`, in order."""
    tables: list[RawTable] = []
    n = 0
    while n < len(lines):
        line = lines[n]
        table = None
        if GRID_BORDER.match(line):
            end = _grid_block(lines, n)
            if end > n:
                table = _grid_table(lines, n, end)
        elif "-" in line and DASH_RUNS.match(line):
            table = _dash_table(lines, n)
            if table is None and _is_full_dash(line) and n + 1 < len(lines):
                # a full dash line opens a multiline table; its separator follows the header
                sep = next((k for k in range(n + 1, min(len(lines), n + 40))
                            if not lines[k].strip() or _runs(lines[k])), None)
                if sep is not None and lines[sep].strip():
                    table = _dash_table(lines, sep)
        if table is not None and (not tables or table.start >= tables[-1].end):
            tables.append(table)
            n = table.end
        else:
            n += 1
    return tables


# ---- into the dialects' drafts ----------------------------------------------------

def blank_tables(lines: list[str], tables: list[RawTable]) -> None:
    """Blank the tables' lines in place, so the dialect reader sees only the rest and
    every other line keeps its number."""
    for t in tables:
        for n in range(t.start, t.end):
            lines[n] = ""


def to_draft(table: RawTable, read_cell: Callable[[str, int], list[ParaDraft]]) -> TableDraft:
    """The TableDraft of a raw table; `read_cell(text, line)` makes a cell paragraph's
    drafts (dialect markup, bullets, note marks)."""
    rows = []
    for raw_row in table.rows:
        rows.append([CellDraft(line=c.line, paras=[p for text_line, text in c.paras
                                                   for p in read_cell(text, text_line)],
                               col=c.col, row_span=c.row_span, col_span=c.col_span)
                     for c in raw_row])
    return TableDraft(line=table.start + 1, rows=rows, n_cols=table.n_cols,
                      header_rows=table.header_rows)


def merge(items: list[ParaDraft | TableDraft], tables: list[TableDraft]) -> list[ParaDraft | TableDraft]:
    """`items` with `tables` put in source-line order (both are in order already)."""
    out: list[ParaDraft | TableDraft] = []
    queue = list(tables)
    for item in items:
        while queue and queue[0].line <= item.line:
            out.append(queue.pop(0))
        out.append(item)
    return out + queue
