"""Tables ruled across only, booktabs style: what you get back are `UnruledTable`s
(cell boxes for `tables.grid_from_boxes`) for each table framed by a rule above
its header, a rule under the header and a rule under the table, as browsers print
HTML tables (pandoc's default style), as LaTeX's booktabs and Google Docs set them.

Such a table has no column rules and no row rules, its cells wrap over several
lines and a long table runs on over pages (its header repeated or not), so it is
read here from the rules and the words:

- the table spans the rules' width; the header is what lies between the first two
  rules of that width, the body what lies under the second, down to the next rule
  of that width or to the foot of the page (then the table goes on at the top of
  the next page, with the same columns);
- columns: each header cell's words sit inside their column, so between two
  neighbouring header cells there is a column edge; it is put in the white
  corridor that runs down through the whole body there (the one crossed by the
  fewest words: a section row spanning all columns crosses every corridor), just
  before the next column's text. A header label over a partial rule (a
  `cmidrule`, or the rule under a "2021" heading over Q1..Q4) heads a group of
  columns, not a column. With no usable header, the body's own empty corridors
  (or the columns of the table that ran off the page before) are the edges;
- rows (booktab_rows.py): body lines are cut into column pieces; pieces whose
  white space apart is no wider than a line's leading form bands, and a band
  where the first column starts a new cell (a piece after white space in that
  column) opens a row. Cells may be centred vertically, so the band is the unit,
  not the line. A line that runs across a column edge is a row of its own
  spanning the table (a section heading).

Each step is a sort or a pass over the page's words: O(n log n).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from .booktab_rows import leading, piece, row_starts
from .layout import Line, Word, group_lines
from .rules import Rule, merge_rules
from .unruled import UnruledTable, _segments

SNAP = 2.5
HEADER_MAX = 90.0  # the most a header band is high (about five lines)


@dataclass
class Carry:
    """The columns of a table that ran off the foot of a page."""

    x0: float
    x1: float
    edges: list[float]
    lead: float | None = None  # the white space allowed between two lines of a paragraph there


def find_booktabs(lines: list[Line], raw_rules: list[tuple[float, float, float]],
                  carry: Carry | None = None) -> tuple[list[UnruledTable], Carry | None]:
    """The booktabs tables among a page's lines (furniture and notes removed) and
    horizontal rules (x0, x1, y); and the columns to carry to the next page when
    the last table runs off this one.

    carry: the columns of the table that ran off the page before, if any.
    """
    rules = merge_rules(raw_rules)
    words = sorted((w for ln in lines for w in ln.words), key=lambda w: w.top)
    found: list[UnruledTable] = []
    out_carry = None
    first_rule_y = rules[0].y if rules else float("inf")
    if carry is not None:
        # the table goes on at the top of the page, above any rule of its width
        top_words = [w for w in words if w.yc < _first_same(rules, carry)
                     and carry.x0 - SNAP <= w.xc <= carry.x1 + SNAP]
        inside = {id(w) for w in top_words}
        if top_words and not any(w.yc < top_words[0].top - 1 for w in words if id(w) not in inside):
            bottom = _first_same(rules, carry)
            table, _ = _build(top_words, carry.edges, None, min(w.top for w in top_words) - 1,
                              bottom if bottom < float("inf") else max(w.bottom for w in top_words) + 1,
                              carry.lead)
            if table is not None:
                found.append(table)
                if bottom == float("inf"):
                    return found, carry
    i = 0
    while i < len(rules):
        top = rules[i]
        j = _next_same(rules, i)
        if j is None or rules[j].y - top.y > HEADER_MAX:
            i += 1
            continue
        head_rule = rules[j]
        k = _next_same(rules, j)
        bottom = rules[k].y if k is not None else float("inf")
        head = [w for w in words if top.y < w.yc < head_rule.y and top.x0 - SNAP <= w.xc <= top.x1 + SNAP]
        body = [w for w in words if head_rule.y < w.yc < bottom and top.x0 - SNAP <= w.xc <= top.x1 + SNAP]
        if not body:
            i = j
            continue
        partial = [r for r in rules[i + 1:j] if top.x0 - SNAP <= r.x0 and r.x1 <= top.x1 + SNAP]
        same = carry is not None and abs(carry.x0 - top.x0) <= SNAP and abs(carry.x1 - top.x1) <= SNAP \
            and top.y <= first_rule_y
        edges = _edges(top, head, body, partial, carry.edges if same else None)
        if edges is None:
            i = j
            continue
        end = bottom if k is not None else max(w.bottom for w in body) + 1
        table, lead = _build(body, edges, (top.y, head_rule.y, head, partial), head_rule.y, end,
                             carry.lead if same else None)
        if table is None:
            i = j
            continue
        found.append(table)
        if k is None:
            out_carry = Carry(top.x0, top.x1, edges, lead)
            break
        i = k + 1
    return found, out_carry


def _same(a, b) -> bool:
    return abs(a.x0 - b.x0) <= 3 * SNAP and abs(a.x1 - b.x1) <= 3 * SNAP


def _next_same(rules: list[Rule], i: int) -> int | None:
    return next((k for k in range(i + 1, len(rules)) if _same(rules[k], rules[i])), None)


def _first_same(rules: list[Rule], carry: Carry) -> float:
    return next((r.y for r in rules if _same(r, carry)), float("inf"))


def _edges(top: Rule, head: list[Word], body: list[Word], partial: list[Rule],
           carried: list[float] | None) -> list[float] | None:
    """Column edges from the table's left to its right end (see the module docstring)."""
    cells = _header_cells(head, partial)
    if len(cells) < 2:
        if carried is not None:
            return carried
        seps = _free_corridors(body, top.x0, top.x1)
    else:
        seps = []
        # a column edge is crossed by the section rows at most, never by most lines
        # (prose under a title set between two rules is no table)
        limit = max(1.0, 0.15 * len(group_lines(body)))
        for (_, a), (b, _) in zip(cells, cells[1:], strict=False):
            sep = _corridor(body, a, b, limit)
            if sep is not None:
                seps.append(sep)
    if not seps:
        return None
    return [top.x0] + seps + [top.x1]


def _header_cells(head: list[Word], partial: list[Rule]) -> list[tuple[float, float]]:
    """The header's column labels (x0, x1), left to right: segments of the header
    lines merged where they overlap; labels over a partial rule head groups."""
    segs = []
    for line in group_lines(head):
        for a, b in _segments(line):
            if any(r.x0 - SNAP <= (a + b) / 2 <= r.x1 + SNAP and line.bottom <= r.y + 1 for r in partial):
                continue
            segs.append([a, b])
    return [(a, b) for a, b in _join_overlapping(segs)]


def _join_overlapping(segs: list[list[float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for a, b in sorted(segs):
        if out and a < out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return out


def _coverage(body: list[Word], lo: float, hi: float) -> list[tuple[int, float, float]]:
    """(number of words over it, x0, x1) for each stretch between lo and hi."""
    events = []
    for w in body:
        if w.x1 > lo and w.x0 < hi:
            events.append((max(w.x0, lo), 1))
            events.append((min(w.x1, hi), -1))
    events.sort()
    out = []
    x, n = lo, 0
    for pos, d in events:
        if pos > x:
            out.append((n, x, pos))
        x, n = max(x, pos), n + d
    if hi > x:
        out.append((n, x, hi))
    return out


def _corridor(body: list[Word], lo: float, hi: float, limit: float) -> float | None:
    """The column edge between two header labels ending at lo and starting at hi:
    just before the right end of the widest stretch crossed by the fewest words
    (None when more than `limit` words cross it)."""
    if hi <= lo:
        return None
    stretches = _coverage(body, lo, hi)
    if not stretches:
        return None
    fewest = min(n for n, _, _ in stretches)
    if fewest > limit:
        return None
    _, a, b = max((s for s in stretches if s[0] == fewest), key=lambda s: s[2] - s[1])
    return max(a, b - 1.0)


def _free_corridors(body: list[Word], lo: float, hi: float) -> list[float]:
    """Column edges from the body alone: the white corridors no word crosses, wider
    than a word space, between the table's text."""
    if not body:
        return []
    size = statistics.median(w.size for w in body)
    left, right = min(w.x0 for w in body), max(w.x1 for w in body)
    return [b - 1.0 for n, a, b in _coverage(body, left, right) if n == 0 and b - a >= 0.8 * size]


def _column(x: float, edges: list[float]) -> int:
    k = 0
    while k + 2 < len(edges) and x >= edges[k + 1] - 0.5:
        k += 1
    return k


def _build(body: list[Word], edges: list[float], header, top: float, bottom: float,
           lead: float | None) -> tuple[UnruledTable | None, float | None]:
    """Cell boxes for the header band (if any) and the body rows, and the leading
    used (`lead`: the one measured on the table's part on the page before, if any)."""
    n = len(edges) - 1
    seps = edges[1:-1]
    lines = group_lines(body)
    spanning = [ln for ln in lines if any(w.x0 < s - SNAP and w.x1 > s + SNAP for w in ln.words for s in seps)]
    span_ids = {id(w) for ln in spanning for w in ln.words}
    # (top, bottom, column, size, first word, its width, line end)
    pieces: list[tuple[float, float, int, float, str, float, float]] = []
    by_col: list[list[Word]] = [[] for _ in range(n)]
    for w in body:
        if id(w) not in span_ids:
            by_col[_column(w.x0, edges)].append(w)
    for c, ws in enumerate(by_col):
        pieces.extend(piece(ln, c) for ln in group_lines(ws))
    pieces.extend(piece(ln, -1) for ln in spanning)
    if not pieces:
        return None, lead
    lead = leading(pieces) if lead is None else lead
    starts = row_starts(pieces, lead)
    row_tops = [top] + [y - 1 for y in starts if y - 1 > top + 1]
    boxes = []
    for a, b in zip(row_tops, row_tops[1:] + [bottom], strict=False):
        if any(p[2] == -1 and a <= p[0] < b for p in pieces):
            boxes.append((edges[0], a, edges[-1], b))
        else:
            boxes.extend((edges[c], a, edges[c + 1], b) for c in range(n))
    table_top = top
    if header is not None and header[2]:
        rule_top, rule_bottom, head, partial = header
        boxes = _header_boxes(edges, rule_top, rule_bottom, head, partial) + boxes
        table_top = rule_top
    text_right = [max((w.x1 for w in by_col[c]), default=edges[c + 1] - SNAP) for c in range(n)]
    return UnruledTable((edges[0], table_top, edges[-1], bottom), boxes, edges[:-1], text_right), lead


def _header_boxes(edges: list[float], top: float, bottom: float, head: list[Word],
                  partial: list[Rule]) -> list[tuple[float, float, float, float]]:
    """The header row, or two when group labels sit over a partial rule: each label
    over the columns under the rule that centre on it best."""
    n = len(edges) - 1
    if not partial:
        return [(edges[c], top, edges[c + 1], bottom) for c in range(n)]
    y = max(r.y for r in partial)
    under = [c for c in range(n) if any(r.x0 - SNAP <= (edges[c] + edges[c + 1]) / 2 <= r.x1 + SNAP
                                        for r in partial)]
    labels = sorted(((a + b) / 2) for ln in group_lines([w for w in head if w.bottom <= y + 1])
                    for a, b in _segments(ln))
    groups = _fit_groups(labels, [(edges[c] + edges[c + 1]) / 2 for c in under]) if labels and under else []
    boxes = []
    for c in range(n):
        if c not in under:
            boxes.append((edges[c], top, edges[c + 1], bottom))
    for lo, hi in groups:
        boxes.append((edges[under[lo]], top, edges[under[hi] + 1], y))
    if not groups and under:
        boxes.append((edges[under[0]], top, edges[under[-1] + 1], y))
    boxes.extend((edges[c], y, edges[c + 1], bottom) for c in under)
    return boxes


def _fit_groups(labels: list[float], centres: list[float]) -> list[tuple[int, int]]:
    """Contiguous runs of columns (first, last index), one per label, whose middles
    lie closest to the labels' middles (a label is centred over its group)."""
    k, m = len(labels), len(centres)
    if k > m:
        return []
    inf = float("inf")
    # best[i][j]: cost of the first i labels over the first j columns
    best = [[inf] * (m + 1) for _ in range(k + 1)]
    back = [[0] * (m + 1) for _ in range(k + 1)]
    best[0][0] = 0.0
    for i in range(1, k + 1):
        for j in range(i, m + 1):
            for s in range(i - 1, j):
                mid = (centres[s] + centres[j - 1]) / 2
                cost = best[i - 1][s] + abs(mid - labels[i - 1])
                if cost < best[i][j]:
                    best[i][j], back[i][j] = cost, s
    out = []
    j = m
    for i in range(k, 0, -1):
        s = back[i][j]
        out.append((s, j - 1))
        j = s
    return out[::-1]


