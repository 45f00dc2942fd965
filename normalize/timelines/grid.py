"""Document-level timeline helpers: years a document states, whether it writes
two-digit years ("Oct 17" for October 2017), and Gantt-style grids whose marks
stand for their columns' periods (SPEC "timelines").
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from ..data import load_timewords
from .grammar import certainty_of, tokens
from .model import DEFAULT_CONTEXT, YEAR, TimelineContext, TimelineReading, years_in
from .reader import read_timeline
from .resolve import finest

_ONE_DAY = dt.timedelta(days=1)
# a mark in a grid that means "not in this period"
_NO_MARKS = {"", "-", "–", "—", "0", "no", "n/a"}


@functools.cache
def _month_number_re() -> re.Pattern:
    """A month word followed by a two-digit number that is not a day of a dated
    phrase ("July 15, 2021") and not an ordinal ("June 1st")."""
    names = sorted(load_timewords()["months"], key=len, reverse=True)
    return re.compile(
        r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, names)) + r")\.?[ \t\u00a0]*(\d{2})(?![\w])"
        r"(?![ \t]*,?[ \t]*" + YEAR + ")",
        re.I,
    )


def _month_numbers(text: str) -> list[int]:
    return [int(m.group(1)) for m in _month_number_re().finditer(text or "")]


def infer_two_digit_years(cells: Iterable[str]) -> bool:
    """True when the document's cells write "Mon YY" for years ("Oct 17 – Mar 18",
    "Jan-April 18", "Dec 18 (tentative)"), False when such numbers read as days.

    The numbers count as years when most of them sit within a year of a 4-digit
    year the document states, or (no such year) when they cluster within 2 of each
    other as the years of a short plan do.
    """
    hits: list[int] = []
    years: set[int] = set()
    for cell in cells:
        hits += _month_numbers(cell)
        years.update(years_in(cell))
    if not hits:
        return False
    if years:
        yearlike = [n for n in hits if any(abs(2000 + n - y) <= 1 for y in years)]
        return len(yearlike) >= max(1.0, 0.6 * len(hits))
    return len(hits) >= 2 and max(hits) - min(hits) <= 2


def infer_reference_year(cells: Iterable[str], two_digit_years: bool) -> int | None:
    """The year most often stated in the cells (the earliest on a tie), counting
    "Mon YY" as 20YY when the document writes two-digit years; None when no cell states one."""
    counts: Counter[int] = Counter()
    for cell in cells:
        counts.update(years_in(cell))
        if two_digit_years:
            counts.update(2000 + n for n in _month_numbers(cell))
    if not counts:
        return None
    best = max(counts.values())
    return min(y for y, n in counts.items() if n == best)


def column_period(header: str, year: int | None, ctx: TimelineContext) -> tuple[dt.date, dt.date, str] | None:
    """(start, end, precision) of a Gantt column header ("Q1", "Q3 2021", "Jan", "T1",
    "S2", "2021"); `year` is the year of the header row above it, if any (else the
    context's reference year). None when the header is not a period or has no year."""
    if not header or not header.strip():
        return None
    local = replace(ctx, reference_year=year if year is not None else ctx.reference_year)
    # a header is a label, not a sentence: "may." over a column is the month, not the verb
    header = header.strip()
    result = read_timeline(header[0].upper() + header[1:], local)
    if len(result.readings) != 1:
        return None
    r = result.readings[0]
    if r.kind not in ("point", "range") or r.start is None or r.end is None:
        return None
    return r.start, r.end, r.precision


def gantt_readings(periods: list[tuple[dt.date, dt.date, str] | None], marks: list[str],
                   ctx: TimelineContext = DEFAULT_CONTEXT,
                   filled: list[bool] | None = None) -> tuple[TimelineReading, ...]:
    """Timeline rows for one row of a Gantt grid: periods[i] is column i's period
    (None for a column that is not a period), marks[i] the text of the cell under it
    (a cell spanning several columns repeats its text under each).

    Any mark ("X", "✓", "1st, 2nd and 3rd") covers its period; marks in adjacent
    periods give one row (kind range, or point for a single period), marks with a gap
    give one row each. raw is the marks' text, a repeated (spanning) text once.
    filled[i] True marks column i by its colour alone (a shaded bar); such a run
    has an empty raw and the note "from fill colour".
    """
    filled = filled or []
    rows: list[TimelineReading] = []
    run: list[int] = []

    def flush() -> None:
        if not run:
            return
        texts: list[str] = []
        for i in run:
            t = " ".join(marks[i].split())
            if not texts or texts[-1] != t:
                texts.append(t)
        texts = [t for t in texts if t]
        by_fill = any(i < len(filled) and filled[i] and not marks[i].strip() for i in run)
        certs = [v for text in texts for c, v, _ in tokens(text) if c == "CERT"]
        first, last = periods[run[0]], periods[run[-1]]
        multi = first[:2] != last[:2]
        rows.append(TimelineReading(" ".join(texts), first[0], max(p[1] for p in (periods[i] for i in run)),
                                    "range" if multi else "point", finest(periods[i][2] for i in run),
                                    certainty_of(certs), "from fill colour" if by_fill else None))
        run.clear()

    for i, period in enumerate(periods):
        mark = marks[i] if i < len(marks) else ""
        covered = period is not None and (" ".join((mark or "").split()).lower() not in _NO_MARKS
                                          or (i < len(filled) and filled[i]))
        if not covered:
            flush()
            continue
        if run and period[0] > periods[run[-1]][1] + _ONE_DAY:
            flush()
        run.append(i)
    flush()
    return tuple(rows)
