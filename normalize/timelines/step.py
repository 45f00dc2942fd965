"""Timelines step: every activity's timeline cell and Gantt marks into timelines rows.

Document context decides what a cell alone cannot (SPEC "timelines"): whether
"Oct 17" is a two-digit year (from all the document's cells), and the year of a
cell without one (the row's own notes, then the document's reference year, which
is the year the title states, else the one the cells state most).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from parsers.model import Document, Paragraph, Table

from .. import timelines as tl
from ..context import Context
from ..records import Records
from ..rows import EventRecord, TimelineRecord
from .model import YEAR
from .model import iso_date as _iso
from .statements import fiscal_year_start, project_start

# a year the title states, not inside a date ("12/2021") nor a range's second year ("2021-2022")
_TITLE_YEAR = re.compile(rf"(?<![\d/-])({YEAR})(?![\d/])")
# the plan period a title states: "2021-2022", "2021/22"
_SPAN = re.compile(rf"\b({YEAR})\s*[-–—/]\s*({YEAR}|\d\d)\b")


def run(doc: Document, ctx: Context) -> Records:
    """timelines rows (and N.B. events) for the outline's activities; sets the
    document's reference year, two-digit-year reading and plan period."""
    records = Records()
    activities = ctx.outline.activities
    cells = [a.timeline.raw for a in activities if a.timeline]
    ctx.two_digit_years = tl.infer_two_digit_years(cells)
    ctx.reference_year = _title_year(ctx.outline.title) or tl.infer_reference_year(cells, ctx.two_digit_years)
    texts = [p.text for p in doc.iter_paragraphs()]
    # SPEC: a fiscal year's first month and the project's start only from the document (or --fiscal-year-start)
    fiscal_start = fiscal_year_start(texts) or ctx.fiscal_year_start
    stated = _title_span(ctx.outline.title, fiscal_start)  # "Work plan 2025–2026": recurring cells span it
    base = tl.TimelineContext(reference_year=ctx.reference_year, two_digit_years=ctx.two_digit_years,
                              period_start=stated[0] if stated else None, period_end=stated[1] if stated else None,
                              fiscal_year_start=fiscal_start,
                              project_start=project_start(texts, _two_cell_rows(doc)),
                              languages=tl.language_order(ctx.languages))
    readings: list[tuple[str, str, tl.TimelineReading]] = []
    for a in activities:
        if a.timeline:
            cell_ctx = base
            own_years = tl.years_in(a.timeline.raw)
            # SPEC: a cell without a year takes it from the row's own notes, then the table.
            year = own_years[0] if own_years else a.timeline.year_hint
            if year:
                cell_ctx = _with_year(base, year)
            result = tl.read_timeline(a.timeline.raw, cell_ctx, source_ref=a.timeline.source_ref)
            for r in result.readings:
                readings.append((a.activity_id, a.timeline.source_ref, r))
            for e in result.events:
                records.add(EventRecord(event_id=None, name=e.name, raw_period=e.raw_period,
                                        start=_iso(e.start), end=_iso(e.end), source="note",
                                        subject_id=a.activity_id, source_ref=a.timeline.source_ref))
            records.diagnostics.extend(_located(result.diagnostics, a.timeline.source_ref))
        if a.gantt:
            for r in _gantt(a.gantt, base):
                readings.append((a.activity_id, a.gantt.source_ref, r))
    _set_period(ctx, readings, stated)
    for n, (subject, ref, r) in enumerate(readings, 1):
        records.add(TimelineRecord(timeline_id=f"t{n:03d}", subject_id=subject, raw=r.raw,
                                   start=_iso(r.start), end=_iso(r.end), kind=r.kind, precision=r.precision,
                                   certainty=r.certainty, note=r.note, source_ref=ref))
    return records


def _two_cell_rows(doc: Document) -> list[tuple[str, str]]:
    """(first, second) cell text of every table row with exactly two non-empty cells
    (a cover table's "Starting date | 01/09/2015")."""
    pairs = []
    for block in doc.iter_blocks():
        if isinstance(block, Table):
            for row in block.rows:
                texts = [t for t in (" ".join(p.text for p in c.blocks if isinstance(p, Paragraph)).strip()
                                     for c in row.cells if not c.merged) if t]
                if len(texts) == 2:
                    pairs.append((texts[0], texts[1]))
    return pairs


def _with_year(base: tl.TimelineContext, year: int) -> tl.TimelineContext:
    return replace(base, reference_year=year)


def _gantt(gantt, base: tl.TimelineContext) -> tuple:
    periods = []
    for headers in gantt.headers:
        year = next((int(h) for h in headers if tl.is_year(h.strip())), None)
        label = headers[-1] if headers else ""
        periods.append(tl.column_period(label, year or base.reference_year, base))
    return tl.gantt_readings(periods, gantt.marks, base, gantt.filled)


def _title_year(title: str | None) -> int | None:
    if not title:
        return None
    m = _TITLE_YEAR.search(title)
    return int(m.group(1)) if m else None


def _title_span(title: str | None, fiscal_start: int | None = None) -> tuple[dt.date, dt.date] | None:
    """The plan period a title states ("Work plan 2021-2022", "2021/22"), else None.
    Two years back to back in a document whose fiscal year starts in another month
    than January ("2025/26", the year starting 1 July) are that one fiscal year."""
    m = _SPAN.search(title or "")
    if not m:
        return None
    first = int(m.group(1))
    end = int(m.group(2) if len(m.group(2)) == 4 else m.group(1)[:2] + m.group(2))
    if fiscal_start and fiscal_start != 1 and end == first + 1:
        return dt.date(first, fiscal_start, 1), dt.date(end, fiscal_start, 1) - dt.timedelta(days=1)
    return dt.date(first, 1, 1), dt.date(end, 12, 31)


def _set_period(ctx: Context, readings, stated: tuple[dt.date, dt.date] | None) -> None:
    """The plan period: a span the title states ("2021-2022"), else the span of the
    activities' firm dates, else the reference year."""
    if stated:
        ctx.period_start, ctx.period_end = stated
        return
    starts = [r.start for _, _, r in readings if r.start]
    ends = [r.end for _, _, r in readings if r.end]
    if starts and ends:
        ctx.period_start, ctx.period_end = min(starts), max(ends)
    elif ctx.reference_year:
        ctx.period_start, ctx.period_end = dt.date(ctx.reference_year, 1, 1), dt.date(ctx.reference_year, 12, 31)


def _located(diagnostics, source_ref):
    return [d if d.source_ref else replace(d, source_ref=source_ref) for d in diagnostics]
