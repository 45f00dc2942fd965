"""Rows of a booktabs table (see booktabs.py): what you get back are the tops of
the rows, from the table's lines cut into column pieces.

Pieces whose white space apart is no wider than a line's leading form bands; a
band where the first column starts a new cell opens a row. Cells centred
vertically share out the bands above a first-column cell; a band set off by
more white space than a cell's paragraphs, with no first-column text, is a row
whose first cell is empty; a table with no white space between its rows (LaTeX)
opens a row at a first-column line in capitals after a line that ended short.
"""

from __future__ import annotations

import statistics

from .layout import Line


def piece(line: Line, column: int) -> tuple[float, float, int, float, str, float, float]:
    first = line.words[0]
    return line.top, line.bottom, column, line.size, first.text, first.x1 - first.x0, line.x1


def leading(pieces: list[tuple]) -> float:
    """The white space allowed between two lines of one paragraph: the smallest
    gap between two lines of a column (lines touching or overlapping aside), plus
    a quarter of a line. Row gaps may outnumber it (a table of one-line cells)."""
    size = statistics.median(p[3] for p in pieces)
    gaps = []
    last: dict[int, float] = {}
    for t, b, c, *_ in sorted(pieces):
        if c in last and t - last[c] >= 0.15 * size:
            gaps.append(t - last[c])
        last[c] = b
    # a table of one-line cells has row gaps only: a paragraph's lines are never
    # set that far apart (leading beyond half a line)
    return min(min(gaps, default=0.0), 0.5 * size) + 0.25 * size


def row_starts(pieces: list[tuple], lead: float) -> list[float]:
    """The tops of the bands that open a row (see the module docstring).

    A table set with no white space at all between its rows (LaTeX) is one band:
    there a first-column line in capitals after a line that ended short (its first
    word would have fitted there) opens a row."""
    pieces = sorted(pieces)
    size = statistics.median(p[3] for p in pieces)
    tight, reach = _tight(pieces, lead)
    bands: list[list] = []  # [top, bottom, opens a row, spanning, first column's top, its bottom]
    last0 = None
    for t, b, c, _, first, width, end in pieces:
        ends = tight and c == 0 and last0 is not None and first[:1].isupper() \
            and last0[1] + 0.3 * size + width < reach
        opens = c == -1 or (c == 0 and (last0 is None or t - last0[0] > lead or ends))
        if c == 0:
            last0 = (b, end)
        if bands and t <= bands[-1][1] + lead and not (c == -1 or bands[-1][3] or ends):
            band = bands[-1]
            band[1] = max(band[1], b)
            band[2] = band[2] or opens
        else:
            band = [t, b, opens, c == -1, None, None]
            bands.append(band)
        if c == 0:
            band[4] = t if band[4] is None else band[4]
            band[5] = b
    starts = [k for k, band in enumerate(bands) if k and band[2]]
    if any(bands[k][4] is not None and bands[k][4] - bands[k][0] > lead for k in starts):
        starts = _centred_starts(bands, starts)
    return [bands[k][0] for k in sorted(set(starts) | _empty_first_starts(bands, starts, size))]


def _tight(pieces: list[tuple], lead: float) -> tuple[bool, float]:
    """(True when no white space wider than the leading parts the body's lines and
    the first column has three lines or more, where the first column's lines reach)."""
    bottom = None
    for t, b, *_ in pieces:
        if bottom is not None and t > bottom + lead:
            return False, 0.0
        bottom = b if bottom is None else max(bottom, b)
    col0 = [p for p in pieces if p[2] == 0]
    return len(col0) >= 3, max((p[6] for p in col0), default=0.0)


def _empty_first_starts(bands: list[list], starts: list[int], size: float) -> set[int]:
    """Rows whose first cell is empty: below a row's first-column text, a band set
    off by a line more white space than usually parts two paragraphs of a cell,
    with no first-column text down to the next row (a row's padding comes on top
    of its paragraphs' spacing)."""
    taken = set(starts)
    inner = [bands[m][0] - bands[m - 1][1] for m in range(1, len(bands)) if m not in taken]
    if len(inner) < 2:
        return set()
    wide = statistics.median(inner) + size
    out = set()
    bounds = [0] + sorted(taken) + [len(bands)]
    for a, b in zip(bounds, bounds[1:], strict=False):
        for m in range(a + 1, b):
            if bands[m][0] - bands[m - 1][1] >= wide and all(band[4] is None for band in bands[m:b]):
                out.add(m)
    return out


def _centred_starts(bands: list[list], starts: list[int]) -> list[int]:
    """Row starts for a table whose cells are centred vertically (a first-column
    cell starts below the top of its band): the bands above a row's first-column
    cell that hold no first-column text are shared out so that the cell is centred
    in its row ("15 June - 15 July" over "First full draft" / "International Day
    ..."). The last row of the page is left as it is (the page break cuts it)."""
    out = []
    for n, k in enumerate(starts):
        prev = out[-1] if out else 0
        if n + 1 >= len(starts) or bands[k][4] is None:
            out.append(k)
            continue
        end = starts[n + 1] - 1
        c0_bottom = max(band[5] for band in bands[k:end + 1] if band[5] is not None)
        target = bands[k][4] + c0_bottom - bands[end][1]  # where the row's top would be
        lo = max([m + 1 for m in range(prev, k) if bands[m][4] is not None or bands[m][3]] + [prev + 1])
        out.append(min(range(lo, k + 1), key=lambda m: abs(bands[m][0] - target)) if lo <= k else k)
    return out
