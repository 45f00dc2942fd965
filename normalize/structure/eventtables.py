"""Event tables: a key-events annex ("Q1 2021 | UNEA-5.1, HRC 46") or a
Date | Event | Venue table, recognised by a column of dates rather than by the
number of its columns (issue 10), so an acronyms annex is never events.

A table is an event table when one column holds dates in most body rows, another
holds names, and the table sits in an annex or says "event" in its header or its
section's title. The header row is never an event; a venue column is kept out
of the name.
"""

from __future__ import annotations

import functools
import re

from parsers.model import Cell, Table

from .. import timelines as tl
from ..data import load_json
from .columns import header_role
from .headings import words
from .labels import clean
from .outline import EventRow, Outline, SectionNode

ROLE_COLUMNS = ("lead", "contributor", "responsible")
# Most body cells of the date column read as dates; a stray "TBC" may not.
MIN_DATE_SHARE = 0.6


@functools.cache
def _venue_re() -> re.Pattern:
    venue = load_json("workitems.json")["venue_headers"]
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in venue) + r")(?!\w)", re.I)


def _columns(table: Table) -> list[list[Cell | None]]:
    return [[row[c] for row in table.grid] for c in range(table.n_cols)]


def _event_word(text: str) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(w)}", text.lower()) for w in words()["event_words"])


def find_event_columns(table: Table, section: SectionNode | None) -> tuple[int, int, int | None, int] | None:
    """(date column, name column, venue column or None, first body row) when the
    table is an event table; None otherwise."""
    if table.n_cols < 2 or len(table.rows) < 2:
        return None
    grid = table.grid
    header = [clean(c.text) if c is not None else "" for c in grid[0]]
    header_is_row = not any(tl.reads_as_date(h) for h in header if h)
    body = grid[1:] if header_is_row else grid
    shares = []
    for c in range(table.n_cols):
        values = [clean(row[c].text) for row in body if row[c] is not None and clean(row[c].text)]
        shares.append(sum(tl.reads_as_date(v) for v in values) / len(values) if values else 0.0)
    date_col = max(range(table.n_cols), key=lambda c: shares[c])
    if shares[date_col] < MIN_DATE_SHARE:
        return None
    in_annex = section is not None and section.kind == "annex"
    # An "Event" header counts only in a table that assigns no work: a table of the
    # plan's own meetings with a Lead column is a work table.
    said = (header_is_row and any(_event_word(h) for h in header)
            and not any(header_role(h) in ROLE_COLUMNS for h in header if h)) or \
        (section is not None and _event_word(section.title or ""))
    if not (in_annex or said):
        return None
    venue_col = next((c for c, h in enumerate(header) if header_is_row and h and _venue_re().search(h)), None)
    others = [c for c in range(table.n_cols) if c not in (date_col, venue_col)]
    named = [c for c in others if header_is_row and _event_word(header[c])]
    name_col = named[0] if named else (others[0] if others else None)
    if name_col is None:
        return None
    return date_col, name_col, venue_col, 1 if header_is_row else 0


def read_event_table(outline: Outline, table: Table, section: SectionNode | None,
                     columns: tuple[int, int, int | None, int]) -> None:
    """One EventRow per body row with a date and a name."""
    date_col, name_col, _venue_col, first = columns
    for r, row in enumerate(table.grid[first:], first):
        period_cell, name_cell = row[date_col], row[name_col]
        if period_cell is None or name_cell is None or period_cell.row != r:
            continue
        period, names = clean(period_cell.text), clean(name_cell.text)
        if period and names:
            outline.event_rows.append(EventRow(period, names, table.rows[r].source_ref,
                                               section.section_id if section else None))
        if section is not None:
            for cell in row:
                for b in (cell.blocks if cell is not None else ()):
                    outline.owners[b.block_id] = ("section", section.section_id)
