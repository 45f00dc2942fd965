"""Calendar spans for parsed timeline groups: years filled in, ranges rolled over,
adjacent parts merged (SPEC "timelines", conventions).

`resolve(groups, reference_year)` returns one `Piece` per future timelines row.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from .grammar import PRECISIONS, Atom
from .groups import Group

_ONE_DAY = dt.timedelta(days=1)


def month_period(m: int, y: int) -> tuple[dt.date, dt.date]:
    """First and last day of month m of year y."""
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


def quarter_period(q: int, year: int) -> tuple[dt.date, dt.date]:
    """First and last day of quarter q (1-4) of the year."""
    return month_period(3 * q - 2, year)[0], month_period(3 * q, year)[1]


def half_period(h: int, year: int) -> tuple[dt.date, dt.date]:
    """First and last day of half-year (semester) h (1-2) of the year."""
    return month_period(6 * h - 5, year)[0], month_period(6 * h, year)[1]


def bounds(a: Atom) -> tuple[dt.date, dt.date] | None:
    """The first and last day an atom covers; None when its year or month is missing
    or it names no calendar day ("31 June")."""
    y = a.year
    if y is None or not 1 <= y <= 9998:
        return None
    try:
        if a.prec == "day":
            if a.month is None:
                return None
            d = dt.date(y, a.month, a.day)
            return d, d
        if a.prec == "month_part":
            last = calendar.monthrange(y, a.month)[1]
            return dt.date(y, a.month, min(a.lo, last)), dt.date(y, a.month, min(a.hi, last))
        if a.prec == "month":
            return month_period(a.month, y)
        if a.prec == "quarter":
            return quarter_period(a.n, y)
        if a.prec == "half":
            return half_period(a.n, y)
        return month_period(a.lo or 1, y)[0], month_period(a.hi or 12, y)[1]
    except (ValueError, TypeError):
        return None


def finest(precs) -> str:
    """The finest of the precisions (SPEC: a range takes the precision of its finer end)."""
    return min(precs, key=PRECISIONS.index)


@dataclass
class Piece:
    """One dated span of a cell, before it becomes a reading.

    start/end: None when the cell gives no year and there is no reference year
    (`missing_year`) or names no calendar day (`invalid`). multi: True when two or more
    different dates made it (a range). The flags are those of its group.
    """

    start: dt.date | None
    end: dt.date | None
    precision: str
    multi: bool
    deadline: bool = False
    open_start: bool = False
    open_end: bool = False
    missing_year: bool = False
    invalid: bool = False
    after: bool = False


def resolve(groups: list[Group], reference_year: int | None) -> list[Piece]:
    """Pieces for the groups of one cell: bare days and years filled in from
    neighbours, then the reference year; yearless spans rolled forward; adjacent
    segments of a list merged ("September/October 2021", "Qs 1 and 2")."""
    segs = [seg for g in groups for seg in g.segments]
    for seg in segs:                        # "next year": counted from the reference year
        for a in seg:
            if a.offset is not None and reference_year is not None:
                a.year, a.year_from = reference_year + a.offset, "stated"
    _fill_bare_days(groups)
    _fill_years(segs, reference_year)
    pieces: list[Piece] = []
    for g in groups:
        made: list[Piece] = []
        prev_start: dt.date | None = None
        for seg in g.segments:
            seg = [a for a in seg if not (a.prec == "day" and a.month is None)]
            if not seg:
                continue
            p = _segment(seg)
            # "Nov, Dec and Jan" with no year: a later part that falls before the
            # previous one rolls into the next year, as a yearless range does
            if p.start and prev_start and p.start.month < prev_start.month \
                    and all(a.year_from != "stated" for a in seg):
                for a in seg:
                    a.year += 1
                p = _segment(seg)
            prev_start = p.start or prev_start
            if made and p.start and made[-1].end and made[-1].start <= p.start <= made[-1].end + _ONE_DAY:
                last = made[-1]
                last.end = max(last.end, p.end)
                last.precision = finest([last.precision, p.precision])
                last.multi = True
                continue
            made.append(p)
        for p in made:
            p.deadline, p.open_start, p.after = g.deadline, g.open_start, g.after
        if made and g.open_end:
            made[-1].open_end = True
        pieces.extend(made)
    return pieces


def _fill_bare_days(groups: list[Group]) -> None:
    """A day without a month takes month (and year) from the next atom that has one
    ("15 - 30 July", "1, 2 and 3 June"), else from the one before ("June 15-16")."""
    for g in groups:
        atoms = [a for seg in g.segments for a in seg]
        nxt: Atom | None = None
        for a in reversed(atoms):
            if a.prec == "day" and a.month is None:
                if nxt is not None:
                    a.month = nxt.month
                    if a.year is None and nxt.year is not None:
                        a.year, a.year_from = nxt.year, "shared"
            elif a.month is not None:
                nxt = a
        prev: Atom | None = None
        for a in atoms:                     # "June 15-16": from the atom before
            if a.prec == "day" and a.month is None and prev is not None:
                a.month = prev.month
            elif a.month is not None:
                prev = a


def _fill_years(segs: list[list[Atom]], reference_year: int | None) -> None:
    """Years for atoms that state none: from the same segment (right side first:
    "31 May - 17 June 2021"), then from the nearest segment after, then before
    ("March and June 2021"), then the reference year."""
    for seg in segs:
        for i, a in enumerate(seg):
            if a.year is None:
                src = next((b for b in seg[i + 1:] if b.year is not None), None) or \
                    next((b for b in reversed(seg[:i]) if b.year is not None), None)
                if src is not None:
                    a.year, a.year_from = src.year, "shared"
    stated = [next((a.year for a in seg if a.year is not None), None) for seg in segs]
    for k, seg in enumerate(segs):
        if stated[k] is not None:
            continue
        y = next((s for s in stated[k + 1:] if s is not None), None)
        if y is None:
            y = next((s for s in reversed(stated[:k]) if s is not None), None)
        source = "shared" if y is not None else "ref"
        if y is None:
            y = reference_year
        for a in seg:
            if a.offset is not None:        # "next year" with no reference year stays unknown
                continue
            a.year, a.year_from = y, source


def _segment(seg: list[Atom]) -> Piece:
    """The span from the first atom's start to the last atom's end, rolled over a
    year end when needed ("Dec-Jan", "Q4-Q1" roll forward; "Dec-Jan 2022" starts in 2021)."""
    first, last = seg[0], seg[-1]
    prec = finest(a.prec for a in seg)
    if first.year is None or last.year is None:
        return Piece(None, None, prec, len(seg) > 1, missing_year=True)
    b1, b2 = bounds(first), bounds(last)
    if b1 and b2 and b1[0] > b2[1]:
        if first.year_from != "stated" and last.year_from == "stated":
            first.year -= 1
        elif last.year_from != "stated":
            last.year += 1
        b1, b2 = bounds(first), bounds(last)
    if not (b1 and b2):
        return Piece(None, None, prec, len(seg) > 1, invalid=True)
    start, end = min(b1[0], b2[0]), max(b1[1], b2[1])
    multi = len(seg) > 1 and b1 != b2
    return Piece(start, end, prec, multi)
