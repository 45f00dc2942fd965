"""What a table is for, read from its header words rather than its position.

`read_layout(table)` finds the header row(s) and gives each grid column a role:
`item` (activities), `output`, `section` (expected accomplishment, focus area),
`timeline`, `lead`, `contributor`, `responsible`, or `period` (a quarter, month or
year column of a Gantt grid), in English, French and Spanish (data/structure.json).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from parsers.model import Cell, Table

from ..timelines.grammar import month_number
from ..timelines.model import YEAR, is_year, years_in
from .headings import words, words_re
from .labels import clean

# A quarter or half ("Q1", "T2 2021", "S1", "Semester 2") ...
_QUARTER_HEADER = re.compile(
    r"^(?:(?:q|t|trim\.?\s*)[1-4]|[1-4]q|h[12]|s[12]|semester\s*[12])[a-zé.]*"
    r"\s*(?:" + YEAR + r"|\d\d)?$", re.I)
# ... or a word, a month when parsers/data/months.json names it ("Jan", "Ene", "déc.", "Sept 2021").
_WORD_HEADER = re.compile(r"^([^\W\d_]+)\.?\s*(?:" + YEAR + r"|\d\d)?$")
# A header cell longer than this (characters) is data, not a column name.
MAX_HEADER_CELL = 60
# The header sits in the table's first rows (a title row, a header, a row of periods).
HEADER_ROWS_SEARCHED = 4
# Without a header, a column is the timeline (or who is responsible) when this share of
# its cells read as dates (or organisation lists): most, allowing a "TBD" or a remark.
INFERRED_COLUMN_SHARE = 0.6
# A headerless table under no section needs this many rows to be read as work.
STRICT_MIN_ROWS = 3


@cache
def _column_words() -> list[tuple[str, re.Pattern]]:
    """Per column role, in the order they are tried, the pattern of its header words."""
    return [(role, words_re(tuple(ws))) for role, ws in words()["column_roles"]]


def header_role(text: str) -> str | None:
    """The role a header cell names ("Lead agency" -> "lead"), None when none."""
    t = clean(text).lower()
    if not t or len(t) > MAX_HEADER_CELL:
        return None
    if is_period_header(t):
        return "period"
    has_output = dict(_column_words())["output"].search(t)
    for role, pattern in _column_words():
        if pattern.search(t):
            if role == "item" and has_output:
                return "output_item"
            return role
    return None


def is_period_header(text: str) -> bool:
    """True for a Gantt column header: a quarter, half, month or year ("Q1", "2021", "Jan")."""
    t = clean(text).lower()
    return bool(is_year(t) or _QUARTER_HEADER.match(t) or _month_of(t))


def _month_of(header: str) -> int | None:
    """The month a month header names (any language of parsers/data/months.json), else None."""
    m = _WORD_HEADER.match(header)
    return month_number(m.group(1)) if m else None


@dataclass
class Layout:
    """The reading of one table.

    header_rows: indexes of the header rows (0-based).
    roles: per grid column, its role or None.
    period_headers: per grid column with role "period", its header texts top to bottom,
        with the year distributed to each quarter/month column.
    item_header: the header text of the item column ("Proposed output").
    section_header: the header text of the section column ("Component", "Outcome").
    """

    header_rows: list[int]
    roles: list[str | None]
    period_headers: dict[int, list[str]] = field(default_factory=dict)
    item_header: str = ""
    section_header: str = ""
    year_hint: int | None = None

    def columns(self, role: str) -> list[int]:
        return [i for i, r in enumerate(self.roles) if r == role]

    @property
    def item_columns(self) -> list[int]:
        return [i for i, r in enumerate(self.roles) if r in ("item", "output", "output_item")]


def unique_cells(row: list[Cell | None]) -> list[tuple[int, Cell]]:
    """(first grid column, cell) for each distinct cell of a grid row."""
    seen, out = set(), []
    for col, cell in enumerate(row):
        if cell is not None and id(cell) not in seen:
            seen.add(id(cell))
            out.append((col, cell))
    return out


def read_layout(table: Table) -> Layout | None:
    """The table's header rows and column roles; None when it is not an activity table."""
    grid = table.grid
    if not grid:
        return None
    header_rows: list[int] = []
    roles: list[str | None] = [None] * table.n_cols
    for r, row in enumerate(grid[:HEADER_ROWS_SEARCHED]):
        cells = unique_cells(row)
        found = {col: header_role(c.text) for col, c in cells if clean(c.text)}
        if not header_rows and len(cells) == 1 and table.n_cols > 1 and cells[0][1].col_span >= table.n_cols:
            header_rows.append(r)  # a title row across the table ("Work plan 2022") above the header
            continue
        if not found or not any(found.values()):
            break
        own = {col: v for col, v in found.items() if row[col] is not None and row[col].row == r}
        if any(roles) and any(v != "period" for v in own.values()):
            break  # below the header, only a row of period sub-headers (Q1 Q2 ...) is header too
        named = [v for v in found.values() if v]
        if not any(roles):
            # A header names at least two columns, or one column above a run of periods
            # ("Activities | 2021 | 2022"); a data row with one role-like word and a
            # date ("Map initiatives | Q1 2022 | UNEP") is not a header.
            spans = {col: c.col_span for col, c in cells}
            periods = sum(spans[col] for col, v in found.items() if v == "period")
            others = sum(1 for v in found.values() if v and v != "period")
            if others < 2 and not (others and periods >= 2):
                break
        # Most header cells must name a role; one or two unknown words are tolerated.
        if len(named) < max(1, len(found) - 1, (len(found) + 1) // 2 + 1 if len(found) > 4 else 0):
            break
        header_rows.append(r)
        for col, cell in cells:
            role = found.get(col)
            if role is None:
                continue
            for c in range(col, min(col + cell.col_span, table.n_cols)):
                if roles[c] is None or role == "period":
                    roles[c] = role
    while header_rows and not any(header_role(c.text) for _, c in unique_cells(grid[header_rows[-1]])):
        header_rows.pop()  # a title row with no header under it
    if not header_rows:
        return None
    _spread_periods(table, grid, header_rows, roles)
    if not any(r in ("item", "output", "output_item") for r in roles):
        return None
    period_headers = _period_headers(grid, header_rows, roles)
    _status_sub_columns(grid, header_rows, roles)
    layout = Layout(header_rows, roles)
    layout.item_header = next((clean(grid[header_rows[0]][c].text) for c in layout.item_columns
                               if grid[header_rows[0]][c] is not None), "")
    layout.section_header = next((clean(grid[header_rows[0]][c].text) for c in layout.columns("section")
                                  if grid[header_rows[0]][c] is not None), "")
    layout.period_headers = {c: h for c, h in period_headers.items() if roles[c] == "period"}
    layout.year_hint = _header_year(grid, header_rows, roles)
    return layout


def _status_sub_columns(grid, header_rows, roles) -> None:
    """A row under the header that splits each period into "Planned | Status" is header
    too: its status columns hold progress words (SPEC activities.status), the others
    the period's marks. Changes `header_rows` and `roles` in place."""
    r = header_rows[-1] + 1
    if r >= len(grid):
        return
    own = [(c, cell) for c, cell in unique_cells(grid[r]) if cell.row == r and clean(cell.text)]
    if not own or any(roles[c] != "period" for c, _ in own):
        return
    status = [c for c, cell in own if header_role(cell.text) == "status"]
    if not status or any(is_period_header(cell.text) for _, cell in own):
        return
    header_rows.append(r)
    for c in status:
        roles[c] = "status"


def _header_year(grid, header_rows, roles) -> int | None:
    """A year the table's title row or timeline header states ("Timeline (2022)"), which
    un-yeared cells of the table take before the document's reference year (SPEC)."""
    for r in header_rows:
        for col, cell in unique_cells(grid[r]):
            if roles[col] == "period":
                continue
            years = years_in(cell.text)
            if years and (roles[col] == "timeline" or cell.col_span >= len(roles)):
                return years[0]
    return None


def _spread_periods(table, grid, header_rows, roles) -> None:
    # A header row flattened by a text export ("2021", "2022" over six quarter columns)
    # leaves later columns without a role; the lowest header row tells them.
    last = grid[header_rows[-1]]
    for c in range(table.n_cols):
        cell = last[c]
        if roles[c] in (None, "period") and cell is not None and is_period_header(cell.text):
            roles[c] = "period"
    if "period" in roles and roles[0] == "period" and not is_period_header(_text(grid[header_rows[-1]][0])):
        roles[0] = "item"


def _text(cell: Cell | None) -> str:
    return clean(cell.text) if cell is not None else ""


def _period_headers(grid, header_rows, roles) -> dict[int, list[str]]:
    period_cols = [c for c, r in enumerate(roles) if r == "period"]
    if not period_cols:
        return {}
    lowest = {c: _text(grid[header_rows[-1]][c]) for c in period_cols}
    years: list[str] = []
    for r in header_rows[:-1]:
        for _, cell in unique_cells(grid[r]):
            t = clean(cell.text)
            if is_year(t) and t not in years:
                years.append(t)
    if not years or all(is_year(lowest[c]) for c in period_cols):
        return {c: [lowest[c]] for c in period_cols}
    # Distribute the years over the sub-period columns: a new year starts where the
    # sub-period number stops increasing (Q1 Q2 Q3 Q4 | Q1 Q2).
    out, year_index, previous = {}, 0, None
    for c in period_cols:
        number = _period_number(lowest[c])
        if previous is not None and number is not None and number <= previous:
            year_index = min(year_index + 1, len(years) - 1)
        previous = number if number is not None else previous
        out[c] = [years[year_index], lowest[c]]
    return out


def _period_number(text: str) -> int | None:
    t = text.lower()
    m = re.search(r"[1-4]", t)
    if t[:1] in "qtsh" and m:
        return int(m.group())
    return _month_of(t)


# A short cell with one of these header words is a header ("Responsible", "Status");
# two cells with these make a header row ("Budget line | Indicator"), while one may be
# an activity that says "budget"; dates say nothing, data rows hold them too.
_PEOPLE_HEADERS = frozenset({"lead", "contributor", "responsible", "status"})
_OTHER_HEADERS = frozenset({"other", "item", "output", "output_item", "section", "label"})


def _reads_as_header(row: list[Cell | None]) -> bool:
    roles = [header_role(cell.text) for _, cell in unique_cells(row) if len(cell.text.split()) <= 4]
    return any(r in _PEOPLE_HEADERS for r in roles) or sum(r in _OTHER_HEADERS for r in roles) >= 2


def infer_layout(table: Table, strict: bool = False) -> Layout | None:
    """Column roles of a table without a header row, read from what its cells hold:
    a column of dates is the timeline, a column of organisation lists names who
    leads (issue 10: a headerless column of names is a lead column), and the column
    of longest text holds the activities. None unless
    an activity column and at least one date or organisation column are found;
    with `strict` (a table no section announces), both a date and an organisation
    column and at least STRICT_MIN_ROWS rows are needed."""
    from .. import timelines as tl
    from ..organisations.participants import matcher

    grid = table.grid
    if len(grid) < 2 or table.n_cols < 2:
        return None
    if _reads_as_header(grid[0]):
        return None  # "Budget line | Amount | Responsible": a header with no activity column
    roles: list[str | None] = [None] * table.n_cols
    lengths = [0.0] * table.n_cols
    for c in range(table.n_cols):
        texts = [clean(row[c].text) for row in grid if row[c] is not None and row[c].col == c
                 and clean(row[c].text)]
        if len(texts) < 2:
            continue
        lengths[c] = sum(len(t) for t in texts) / len(texts)
        dated = sum(1 for t in texts if tl.reads_as_date(t))
        if dated >= INFERRED_COLUMN_SHARE * len(texts):
            roles[c] = "timeline"
            continue
        orgs = sum(1 for t in texts if (refs := matcher().split_list(t)) and all(r.org_id or r.role_ref for r in refs))
        if orgs >= INFERRED_COLUMN_SHARE * len(texts):
            roles[c] = "lead"
    free = [c for c in range(table.n_cols) if roles[c] is None and lengths[c] > 0]
    if not free or not any(roles):
        return None
    if strict and not ({"timeline", "lead"} <= set(roles) and len(grid) >= STRICT_MIN_ROWS):
        return None
    roles[max(free, key=lambda c: lengths[c])] = "item"
    return Layout([], roles)
