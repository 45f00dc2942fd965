"""Activity tables: rows into sections, outputs and activities.

A row can be
* a part or accomplishment row (one cell across the table, or the section column:
  "A. Programmatic issues", "Enhanced coherence in programming");
* a heading row: item text and nothing in the other columns, followed by rows
  that it groups: an output whose children are those rows (SPEC activities);
* an item row: one output/activity, or a cell of numbered groups with lettered
  items ("1. ...:" then "a) ...") whose Schedule cell holds one date per item
  (SPEC "Positional schedules").
"""

from __future__ import annotations

import re

from parsers import diagnostics as diag
from parsers.model import Cell, Table

from .columns import Layout, header_role, unique_cells
from .headings import PART_LABEL, keyword_heading, section_kind
from .keyvalue import fields_of, key_line, title_of
from .labels import Item, clean, items_from_paragraphs, nest_items, walk
from .outline import ActivityNode, GanttRow, OutlineBuilder, RoleCell, TimelineCell

ROLE_COLUMNS = ("lead", "contributor", "responsible")
# A label is short ("D4.5", "12", "WP3"); a longer number cell is data.
MAX_LABEL_CHARS = 12
# "1. Skills", "2) Jobs" in a section column: the number is the section's label
_SECTION_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)[.)]?\s+(\S.*)$")


def read_table(builder: OutlineBuilder, table: Table, layout: Layout | None) -> None:
    """Add the table's sections and activities to the outline (nothing for a table
    that is not an activity table)."""
    if layout is None:
        return
    first_new = len(builder.outline.activities)
    _read_rows(builder, table, layout)
    _nest_by_numbers(builder.outline.activities[first_new:])
    if layout.columns("period"):
        for node in builder.outline.activities[first_new:]:
            node.evidence = "gantt_row"  # a row of items against period columns (SPEC evidence)


def _row_texts(row: list) -> tuple[str, ...]:
    return tuple(clean(cell.text) if cell is not None else "" for cell in row)


def _read_rows(builder: OutlineBuilder, table: Table, layout: Layout) -> None:
    grid = table.grid
    # A header row repeated where the table runs onto the next page is no item.
    header_texts = {_row_texts(grid[r]) for r in layout.header_rows}
    body = [r for r in range(len(grid)) if r not in layout.header_rows and _row_texts(grid[r]) not in header_texts]
    _check_drawn_schedule(builder, table, layout, body)
    group: ActivityNode | None = None
    default_kind = "output" if layout.item_header and _says_output(layout.item_header) else "activity"
    split = bool(layout.columns("output")) and bool(layout.columns("item") or layout.columns("output_item"))
    for n, r in enumerate(body):
        row = grid[r]
        cells = [(c, cell) for c, cell in unique_cells(row) if cell.row == r]
        filled = [(c, cell) for c, cell in cells if clean(cell.text)]
        if not filled:
            continue
        if _is_section_row(filled, layout, table.n_cols):
            c, cell = filled[0]
            numbered = _numbered_group(cell) or _titled_output(cell)
            if numbered and layout.roles[c] != "section":
                # "1. Diagnóstico de riesgos" across the table: a numbered heading row
                # groups the rows under it, an output (SPEC activities.kind)
                label, text = numbered
                group = builder.add_activity("output", label, text, cell.source_ref,
                                             block_ids=[b.block_id for b in cell.blocks], evidence="table_row")
                continue
            _add_section_from_cell(builder, cell, layout.section_header if layout.roles[c] == "section" else None)
            group = None
            continue
        for c, cell in filled:
            if layout.roles[c] == "section":
                _add_section_from_cell(builder, cell, layout.section_header)
                group = None
        if split:
            # Separate Output and Activities columns: an output cell opens an output
            # that the activity cells of its row and of the rows below belong to.
            out_cells = [cell for c, cell in filled if layout.roles[c] == "output"]
            act_cells = [cell for c, cell in filled if layout.roles[c] in ("item", "output_item")]
            if out_cells:
                out_items = nest_items(items_from_paragraphs([p for cl in out_cells for p in cl.paragraphs]))
                if not act_cells:
                    _add_row_items(builder, table, layout, cells, out_items, None, "output")
                    continue
                first = out_items[0]
                label, text = first.label, " ".join(i.text for i in out_items)
                titled = title_of(text) if label is None else None  # "Output 1: Survivors access ..."
                if titled:
                    label, text = titled[0], titled[1]
                group = builder.add_activity("output", label, text,
                                             first.source_ref, block_ids=[b.block_id for cl in out_cells
                                                                          for b in cl.blocks],
                                             evidence="table_row")
            if act_cells:
                items = nest_items(items_from_paragraphs([p for cl in act_cells for p in cl.paragraphs]))
                if items:
                    _add_row_items(builder, table, layout, cells, items, group, "activity")
            continue
        item_cells = [cell for c, cell in filled if c in layout.item_columns]
        if not item_cells:
            continue
        other = [(c, cell) for c, cell in filled if layout.roles[c] not in ("item", "output", "output_item",
                                                                             "section")]
        paragraphs = [p for cell in item_cells for p in cell.paragraphs]
        items = nest_items(_one_item(paragraphs) if layout.columns("label") else items_from_paragraphs(paragraphs))
        if not items:
            continue
        if not other and len(items) == 1 and not items[0].children and _groups_next(grid, body, n, layout):
            group = builder.add_activity("output", items[0].label, items[0].text, items[0].source_ref,
                                         block_ids=_row_blocks(cells), evidence="table_row")
            continue
        _add_row_items(builder, table, layout, cells, items, group, default_kind)


def _numbered_group(cell: Cell) -> tuple[str, str] | None:
    """(label, text) when a spanning row opens with a number ("1.", "2)"), not a part
    letter ("A.") or a title alone."""
    paragraphs = cell.paragraphs
    if len(paragraphs) != 1:
        return None
    items = items_from_paragraphs(paragraphs)
    if len(items) == 1 and items[0].label and items[0].label.strip("().")[:1].isdigit():
        return items[0].label, items[0].text
    return None


def _labelled_roles(role: str, text: str) -> list[tuple[str, str]]:
    """(role, holders) of a role cell: its column's role for the whole text, or the role
    each labelled line names ("Lead: UNFPA" / "Support: WHO, UNICEF")."""
    fields = [key_line(field) for line in text.splitlines() if clean(line) for field in fields_of(line)]
    if fields and all(f and f[0] in ROLE_COLUMNS for f in fields):
        return [(kind, value) for kind, value in fields if value]
    return [(role, text.strip())]


def _titled_output(cell: Cell) -> tuple[str, str] | None:
    """(label, text) when a spanning row names an output ("Output 1.1: Safe schools"):
    like a numbered heading row, it groups the rows under it."""
    titled = title_of(cell.text) if len(cell.paragraphs) == 1 else None
    return (titled[0], titled[1]) if titled and titled[2] == "output" else None


def _says_output(header: str) -> bool:
    return header_role(header) in ("output", "output_item")


def _is_section_row(filled, layout: Layout, n_cols: int) -> bool:
    if len(filled) != 1:
        return False
    c, cell = filled[0]
    text = clean(cell.text)
    if cell.col_span >= max(2, n_cols - 1) and len(text) < 200:
        return True
    return layout.roles[c] == "section" and bool(PART_LABEL.match(text))


def _add_section_from_cell(builder: OutlineBuilder, cell: Cell, column_header: str | None) -> None:
    """A section from a row spanning the table, or from a cell of a section column
    (`column_header` is that column's header: "Component" gives focus areas,
    "Outcome" or no word of a kind gives accomplishments)."""
    text = clean(cell.text)
    blocks = [b.block_id for b in cell.blocks]
    m = PART_LABEL.match(text)
    if m:
        builder.add_section(1, m.group(1), m.group(2), "part", cell.source_ref, block_ids=blocks)
        return
    in_section_column = column_header is not None
    keyword = keyword_heading(text)
    numbered = _SECTION_NUMBER.match(text) if in_section_column and not keyword else None
    label, title = (keyword[0], keyword[1]) if keyword else numbered.groups() if numbered else (None, text)
    kind = keyword[2] if keyword else section_kind(column_header) if in_section_column else section_kind(text)
    if kind == "other" and in_section_column:
        kind = "accomplishment"
    if kind == "accomplishment" and builder.part is not None:
        builder.add_section(2, label, title, kind, cell.source_ref, parent=builder.part, block_ids=blocks)
    else:
        builder.add_section(1, label, title, kind, cell.source_ref, block_ids=blocks)


def _groups_next(grid, body, n, layout: Layout) -> bool:
    """A heading row groups the rows below it: the next filled row is a plain item row."""
    for r in body[n + 1:]:
        filled = [(c, cell) for c, cell in unique_cells(grid[r]) if clean(cell.text)]
        if not filled:
            continue
        others = [c for c, _ in filled if layout.roles[c] not in ("item", "output", "output_item", "section")]
        return bool(others)
    return False


def _row_blocks(cells) -> list[int]:
    return [b.block_id for _, cell in cells for b in cell.blocks]


def _add_row_items(builder, table: Table, layout: Layout, cells, items: list[Item],
                   group: ActivityNode | None, default_kind: str) -> None:
    nodes: dict[int, ActivityNode] = {}
    for item in walk(items):
        parent = nodes.get(id(item.parent)) if item.parent else group
        if item.children:
            kind = "output" if item.parent is None and group is None else "activity"
        elif item.parent is not None or group is not None:
            kind = "activity"
        else:
            kind = default_kind if not item.label or len(items) == 1 else _kind_of_label(item.label)
        nodes[id(item)] = builder.add_activity(kind, item.label, item.text, item.source_ref, parent,
                                               item.block_ids, evidence="table_row")
    all_items = list(walk(items))
    first = nodes[id(items[0])]
    by_col = {c: cell for c, cell in cells}
    # Everything in the row belongs to its (first) item unless paired more precisely below.
    for _, cell in cells:
        if cell.row == cells[0][1].row:
            for b in cell.blocks:
                builder.outline.owners.setdefault(b.block_id, ("activity", first.activity_id))
    for item in all_items:
        builder.own(item.block_ids, "activity", nodes[id(item)].activity_id)
    _assign_label(table, layout, by_col, items, nodes)
    time_cells = [(c, by_col[c]) for c in layout.columns("timeline") if c in by_col and clean(by_col[c].text)]
    if len(time_cells) == 2 and len(all_items) == 1:
        # "Start month | End month": one span, written as SPEC writes project time
        node = nodes[id(all_items[0])]
        a, b = (clean(cell.text) for _, cell in time_cells)
        raw = f"Month {a}–{b}" if _in_months(table, layout, time_cells[0][0]) and a.isdigit() and b.isdigit() \
            else f"{a} – {b}"
        node.timeline = TimelineCell(raw, time_cells[0][1].source_ref, layout.year_hint)
        time_cells = []
    for c, cell in time_cells:
        if len(all_items) == 1 and clean(cell.text).isdigit() and _in_months(table, layout, c):
            # "Due date (in months)": 6 is the project's month 6, M6 (SPEC relative time)
            nodes[id(all_items[0])].timeline = TimelineCell(f"M{clean(cell.text)}", cell.source_ref)
            continue
        _assign_timelines(builder, cell, all_items, nodes, layout.year_hint)
    for role in ROLE_COLUMNS:
        for c in layout.columns(role):
            cell = by_col.get(c)
            if cell is not None and clean(cell.text):
                for item in items:
                    nodes[id(item)].roles.extend(RoleCell(r, value, cell.source_ref)
                                                 for r, value in _labelled_roles(role, cell.text))
    for c in layout.columns("status"):
        cell = by_col.get(c)
        if cell is not None and clean(cell.text) and len(all_items) == 1:
            first.status = clean(cell.text)  # "Ongoing", "Completed": progress, never a timeline
    period_cols = layout.columns("period")
    if period_cols and len(all_items) == 1:
        marks, filled = [], []
        row_fill = cells[0][1].fill  # a highlighted row colours its item cell too: not a bar
        for c in period_cols:
            cell = table.grid[cells[0][1].row][c]
            marks.append(clean(cell.text) if cell is not None else "")
            filled.append(cell is not None and cell.fill is not None and cell.fill != row_fill)
        first.gantt = GanttRow([layout.period_headers.get(c, []) for c in period_cols], marks,
                               cells[0][1].source_ref, filled)


_DOTTED = re.compile(r"^(\d+(?:\.\d+)+)\.?$")


def _nest_by_numbers(nodes: list[ActivityNode]) -> None:
    """Rows numbered "2.1", "2.1.1", "2.1.2" nest by their numbers: 2.1.1 sits under
    2.1, which groups it (an output), when the table gave them no other parent."""
    by_number: dict[str, ActivityNode] = {}
    for node in nodes:
        m = _DOTTED.match((node.label or "").strip())
        if not m:
            continue
        number = m.group(1)
        parent = by_number.get(number.rsplit(".", 1)[0])
        if parent is not None and node.parent_id is None:
            node.parent_id = parent.activity_id
            node.kind = "activity"
            parent.kind = "output"
        by_number[number] = node


def _one_item(paragraphs) -> list[Item]:
    """A row numbered in its own column holds one item: its cell's lines are one text
    (a title wrapped in a narrow PDF cell), unless they carry list labels of their own."""
    items = items_from_paragraphs(paragraphs)
    if len(items) < 2 or any(i.label or i.bullet for i in items):
        return items
    return [Item(None, clean(" ".join(i.text for i in items)), False, [p for i in items for p in i.paragraphs])]


def _assign_label(table: Table, layout: Layout, by_col, items: list[Item], nodes) -> None:
    """A number column ("No.", "Deliverable Number") labels the row's one item."""
    label_cols = layout.columns("label")
    if not label_cols or len(items) != 1 or nodes[id(items[0])].label:
        return
    cell = by_col.get(label_cols[0])
    if cell is not None and clean(cell.text) and len(clean(cell.text)) <= MAX_LABEL_CHARS:
        nodes[id(items[0])].label = clean(cell.text)


def _in_months(table: Table, layout: Layout, col: int) -> bool:
    """True when the column's header counts in months ("Due date (in months)", "Start month")."""
    for r in layout.header_rows:
        cell = table.grid[r][col]
        if cell is not None and re.search(r"(?<![^\W\d_])(?:months?|mois|mes(?:es)?)(?![^\W\d_])",
                                          cell.text.lower()):
            return True
    return False


def _check_drawn_schedule(builder: OutlineBuilder, table: Table, layout: Layout, body: list[int]) -> None:
    """A Gantt grid whose period cells are all empty had its bars drawn as shapes:
    say so, rather than read no timeline in silence (issue 10)."""
    period_cols = layout.columns("period")
    if not period_cols or not body:
        return
    if any(table.grid[r][c] is not None and clean(table.grid[r][c].text) for r in body for c in period_cols):
        return
    headers = [" ".join(layout.period_headers.get(c, [])) for c in period_cols]
    shown = ", ".join(h for h in headers[:3] if h) + (", …" if len(headers) > 3 else "")
    builder.outline.diagnostics.append(diag.make("timeline_in_drawing", table.source_ref, table=table.index,
                                            periods=shown))


def _kind_of_label(label: str) -> str:
    core = label.strip("().")
    return "output" if core[:1].isdigit() else "activity"


def _assign_timelines(builder, cell: Cell, all_items: list[Item], nodes, year_hint: int | None) -> None:
    if len(all_items) == 1:
        node = nodes[id(all_items[0])]
        node.timeline = TimelineCell(cell.text.strip(), cell.source_ref, year_hint)
        return
    lines = [p for p in cell.paragraphs if clean(p.text)]
    leaves = [i for i in all_items if not i.children]
    for targets in (leaves, all_items):
        if len(lines) == len(targets):
            for item, p in zip(targets, lines, strict=True):
                node = nodes[id(item)]
                node.timeline = TimelineCell(clean(p.text), p.source_ref, year_hint)
                builder.own([p.block_id], "activity", node.activity_id)
            return
    builder.outline.diagnostics.append(
        diag.make("schedule_mismatch", cell.source_ref, n_dates=len(lines), n_items=len(leaves)))


