"""The aligned-text detector: a plain-text block whose fields line up by position.

    OWL features:
     Datatype support
       Basic datatype interface             Boris   2008-09-15
         calls out to Checker class
       Role chains                          Rob     2008-10-01

The text parser turns such a block into a `Table` of origin "aligned_text"
(parsers/text/aligned.py): one row per line, the first column's indentation kept
in `Paragraph.indent`, "Heading:" lines as full-width rows. Here every row is a
work item nested by indentation (a row with deeper rows under it is an output);
the other columns get their roles from what they hold: dates are time frames,
progress words ("DONE") a status, short names a lead.
"""

from __future__ import annotations

import functools
import re

from parsers.model import Cell, Paragraph, Table

from .. import timelines as tl
from ..data import load_json
from .labels import clean
from .outline import ActivityNode, OutlineBuilder, RoleCell, TimelineCell

# A column takes a role when most of its filled cells read as that role.
MIN_ROLE_SHARE = 0.6
# A lead is a name or two ("Rob", "Birte Glimm", "UNEP / FAO"), not a phrase.
MAX_LEAD_WORDS = 4
_NAME = re.compile(r"^[A-Z\u00c0-\u00dd][\w.'\u2019-]*(?:[\s/,&]+[A-Z\u00c0-\u00dd][\w.'\u2019-]*)*$")


@functools.cache
def _status_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load_json("workitems.json")["status_words"])


def is_status(text: str) -> bool:
    """A progress word ("DONE", "in progress", "terminé") rather than a date."""
    return clean(text).lower().rstrip(".!") in _status_words()


def column_roles(table: Table) -> list[str | None]:
    """Per grid column: "item" for the first, then "timeline" or "lead" or None."""
    roles: list[str | None] = ["item"]
    for c in range(1, table.n_cols):
        values = [clean(row[c].text) for row in table.grid if row[c] is not None and row[c].col_span == 1]
        values = [v for v in values if v]
        if not values:
            roles.append(None)
        elif sum(tl.reads_as_date(v) or is_status(v) for v in values) >= MIN_ROLE_SHARE * len(values):
            roles.append("timeline")
        elif sum(bool(_NAME.match(v)) and len(v.split()) <= MAX_LEAD_WORDS for v in values) \
                >= MIN_ROLE_SHARE * len(values):
            roles.append("lead")
        else:
            roles.append(None)
    return roles


def read_aligned_table(builder: OutlineBuilder, table: Table) -> int:
    """Add every row of an aligned-text table as a work item; returns how many."""
    roles = column_roles(table)
    stack: list[tuple[int, ActivityNode]] = []  # (indent, node) of the open items above
    added = 0
    rows = [row for row in table.grid if row and row[0] is not None and clean(row[0].text)]
    indents = [_indent(row[0]) for row in rows]
    for n, row in enumerate(rows):
        first = row[0]
        indent = indents[n]
        while stack and stack[-1][0] >= indent:
            stack.pop()
        has_children = n + 1 < len(rows) and indents[n + 1] > indent
        text = clean(first.text).rstrip(":")
        node = builder.add_activity("output" if has_children else "activity", None, text, first.source_ref,
                                    stack[-1][1] if stack else None,
                                    [b.block_id for cell in row if cell is not None for b in cell.blocks],
                                    evidence="aligned_text")
        for c, role in enumerate(roles):
            cell = row[c] if c < len(row) else None
            if c == 0 or cell is None or cell is first or not clean(cell.text):
                continue
            _fill(node, role, cell)
        stack.append((indent, node))
        added += 1
    return added


def _fill(node: ActivityNode, role: str | None, cell: Cell) -> None:
    value = clean(cell.text)
    if role == "timeline" and is_status(value):
        node.status = value
    elif role == "timeline":
        node.timeline = TimelineCell(value, cell.source_ref)
    elif role == "lead":
        node.roles.append(RoleCell("lead", value, cell.source_ref))


def _indent(cell: Cell) -> int:
    paragraphs = [b for b in cell.blocks if isinstance(b, Paragraph)]
    return (paragraphs[0].indent or 0) if paragraphs else 0
