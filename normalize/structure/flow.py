"""The flow reader: sections and activities from the paragraphs and tables in order.

Reads the document top to bottom. Sections come from numbered section paragraphs
(those followed by role lines such as "Focus Area Lead:", or inside a "Focus
areas" region), from keyword headings ("Workstream 1: ..."), from heading-styled
paragraphs that open content, from bold or all-caps lines over work in a document
without heading styles (`emphasis`), from annex headings, and from part / accomplishment
rows of activity tables. Activities come from activity tables (`tables`), from
"Indicative activities" / "Purpose" bullets, from "Activities:" lists, and from
lettered and numbered items inside a section. Numbered prose before the first
section (an introduction) is not an activity (issue 3, point 1). The words that
announce all this live in data/structure.json (read by `headings`). The evidence
detectors add what these layouts do not cover: key-value blocks (`keyvalue`),
placed as the flow meets them, and work lists (`worklists`) the flow left unread.
"""

from __future__ import annotations

from dataclasses import replace

from parsers.model import Document, Paragraph, Table

from .aligned import read_aligned_table
from .columns import infer_layout, read_layout
from .detected import add_key_value_item, add_work_lists, drop_repeats, nest_by_number, read_item_tails
from .emphasis import emphasised_headings
from .eventtables import find_event_columns, read_event_table
from .headings import (
    ANNEX,
    MAX_HEADING_CHARS,
    PART_LABEL,
    is_activities_header,
    is_generic_heading,
    is_indicative_header,
    is_region_header,
    is_workplan_heading,
    keyword_heading,
    role_line,
    section_kind,
)
from .junk import (
    contents_titles,
    is_furniture,
    is_glossary,
    is_heading_text,
    is_item_text,
    names_milestones,
)
from .keyvalue import find_key_value_items, inline_roles, title_of
from .labels import clean, items_from_paragraphs, label_class, nest_items, split_label, walk
from .outline import ActivityNode, Outline, OutlineBuilder, RoleCell, SectionNode
from .parts import is_schedule_line, part_lines, schedule_by_order
from .tables import read_table
from .worklists import announces_work_text

# An unstyled "Annex 2 ..." line longer than this (characters) is prose that mentions an annex.
MAX_ANNEX_LINE = 120
# Under "Co-chairs:", a plain line this short (characters) names one holder; a longer one is prose.
MAX_HOLDER_LINE = 40
# In a "Focus areas" region, a numbered paragraph neither bold nor shorter than this is prose.
MAX_REGION_SECTION = 200
# A heading opens content when a table or list follows within this many blocks.
CONTENT_WINDOW = 40
# Role lines make a numbered paragraph a section when they sit within this many blocks below it.
ROLE_LINES_WINDOW = 6


class FlowReader:
    """Reads the top-level blocks in order, keeping what the text before announced:
    a list of role holders, of indicative activities, of activities; a "Focus areas"
    region; the last activity table's layout."""

    def __init__(self, doc: Document, outline: Outline):
        self.blocks = list(doc.blocks)
        self.outline = outline
        self.builder = OutlineBuilder(outline)
        self.mode: str | None = None       # "indicative" | "activities" | a role being listed
        self.in_region = False
        self.pending: list[Paragraph] = []  # a run of labelled paragraphs inside a section
        self.pending_roles: dict[int, list[RoleCell]] = {}  # roles stated under a pending work item
        self.pending_dates: list[Paragraph] = []  # a schedule column flattened below the run
        self.parts = part_lines(self.blocks)  # "A. Programmatic issues" lines and accomplishments
        self.last_layout = None             # (section, Layout) of the last activity table
        self.text_since_table = False       # a line of text stands between this table and the last
        self.section_class = None           # label class of numbered section paragraphs ("num")
        self.heading_sections: list[tuple[int, SectionNode]] = []
        self.emphasised = emphasised_headings(self.blocks, outline.title)  # bold / all-caps headings
        self.contents = contents_titles(self.blocks)
        # (heading level, node) of the work items headed by a heading ("Work Package 3"),
        # outermost first: a deeper heading inside one is part of it, not a section
        self.item_headings: list[tuple[int, ActivityNode]] = []

    def read(self) -> None:
        key_value = {item.start: item for item in find_key_value_items(self.blocks)}
        claimed = {j for item in key_value.values() for j in range(item.start, item.end)}
        skip_to = 0
        for i, block in enumerate(self.blocks):
            if i < skip_to:
                continue
            if i in key_value:
                self.flush()
                self.mode = None
                node = add_key_value_item(self.builder, key_value[i])
                skip_to = key_value[i].end
                if isinstance(block, Paragraph) and block.heading_level:
                    self._close_items(block.heading_level)
                    self.item_headings.append((block.heading_level, node))
            elif isinstance(block, Table):
                self.flush()
                self.mode = None
                self.table(block)
                self.text_since_table = False
            elif clean(block.text):
                self.text_since_table = True
                if block.heading_level:
                    self._close_items(block.heading_level)
                self.paragraph(i, block)
        self.flush()
        add_work_lists(self.builder, self.blocks, claimed)
        nest_by_number(self.outline)
        drop_repeats(self.outline)

    def flush(self) -> None:
        if self.pending and self.builder.section is not None and _holds_work(self.builder.section):
            nodes = _items_to_activities(self.builder, list(self.pending), self.contents)
            for block_id, roles in self.pending_roles.items():
                if block_id in nodes:
                    nodes[block_id].roles.extend(roles)
            if self.pending_dates:
                schedule_by_order(self.builder, list(nodes.values()), self.pending_dates)
        self.pending.clear()
        self.pending_roles.clear()
        self.pending_dates = []

    def table(self, block: Table) -> None:
        if block.origin == "aligned_text":
            read_aligned_table(self.builder, block)
            return
        section = self.builder.section
        event_columns = find_event_columns(block, section)
        if event_columns:
            read_event_table(self.outline, block, section, event_columns)
            return
        layout = read_layout(block)
        if layout is None and is_glossary(block):
            return  # "PU | Public", "UNEP | UN Environment Programme": a key, not work
        if layout is None and self.last_layout and self.last_layout[0] is section \
                and len(self.last_layout[1].roles) == block.n_cols and not self.text_since_table:
            # A table split in two (a page break, a pasted block) keeps the
            # header of the table before it in the same section.
            layout = replace(self.last_layout[1], header_rows=[])
        if layout is None:
            # under no section, a headerless table must show both who and when to be work
            layout = infer_layout(block, strict=section is None)
        if layout is not None:
            self.last_layout = (section, layout)
            if names_milestones(layout.item_header):
                return  # "Milestone title | Due date": checkpoints of the work, not work items
        read_table(self.builder, block, layout)

    def section(self, level, label, title, kind, p: Paragraph, parent=None) -> None:
        self.flush()
        self.builder.add_section(level, label, title, kind, p.source_ref, parent=parent, block_ids=[p.block_id])
        self.mode = None

    def paragraph(self, i: int, p: Paragraph) -> None:
        if self.builder.section is not None:
            # Prose, role lines and notes under a section belong to it unless an
            # activity or a new section claims the paragraph below.
            self.outline.owners[p.block_id] = ("section", self.builder.section.section_id)
        text = clean(p.text)
        label, body, bullet = split_label(p)
        builder, outline = self.builder, self.outline
        part = self.parts.get(i)
        if part == "part":
            m = PART_LABEL.match(text)
            self.section(1, m.group(1), m.group(2), "part", p)
            return
        if part == "accomplishment":
            self.section(2, None, text, "accomplishment", p, parent=builder.part)
            return
        annex = ANNEX.match(text)
        if annex and (p.heading_level or p.bold or len(text) < MAX_ANNEX_LINE):
            self.section(1, clean(annex.group(1)), annex.group(2) or annex.group(1), "annex", p)
            return
        lines = [clean(line) for line in p.text.split("\n") if clean(line)]
        if role_line(lines[0]) and self.pending and _names_work_item(self.pending[-1]):
            # "Output 1.1 ..." then "Lead: IWMI": the roles are the output's own
            owner = self.pending[-1].block_id
            for line in lines:
                rl = role_line(line)
                if rl and rl[1]:
                    self.pending_roles.setdefault(owner, []).append(RoleCell(rl[0], rl[1], p.source_ref))
            return
        if role_line(lines[0]):
            # One role per line: a soft line break can join "Lead: X" and "Partners: Y".
            self.flush()
            self.mode = None
            for line in lines:
                rl = role_line(line)
                if rl is None:
                    continue
                role, value = rl
                target = outline.doc_roles if role == "co_chair" or builder.section is None \
                    else builder.section.roles
                if value:
                    target.append(RoleCell(role, value, p.source_ref))
                else:
                    self.mode = role
            return
        if self.mode in ("co_chair", "lead", "contributor") and (
                bullet or (p.is_list_item and p.list_kind != "number")
                or (not label and len(text) < MAX_HOLDER_LINE and not is_region_header(text))):
            target = outline.doc_roles if self.mode == "co_chair" or builder.section is None \
                else builder.section.roles
            target.append(RoleCell(self.mode, body, p.source_ref))
            return
        for is_header, mode in ((is_indicative_header, "indicative"), (is_activities_header, "activities")):
            if is_header(text):
                self.flush()
                if mode == "activities" and p.heading_level:
                    # a heading "Activities" over the work ends the section above it
                    self._heading_section(i, p, text, label, body)
                self.mode = mode
                return
        if is_region_header(text):
            self.flush()
            self.in_region, self.mode = True, None
            return
        if self._heading_section(i, p, text, label, body):
            return
        if label and builder.section is not None and _names_work_item(p):
            self.pending.append(p)  # "Output 1.2", "Activity 1.2.1" from Word's numbering
            self.mode = None
            return
        if label and _is_section_paragraph(p, self.blocks, i, self.in_region) \
                and self.section_class in (None, label_class(label)):
            self.section_class = label_class(label)
            self.section(1, label.strip("().") or None, body,
                         section_kind("focus area" if self.in_region else "", text), p)
            return
        if self.mode in ("indicative", "activities") and (bullet or p.is_list_item or label):
            # Indicative activities are narrative bullets (SPEC), so prose is fine here.
            if (builder.section is not None or self.mode == "activities") and not is_furniture(body):
                kind = "indicative" if self.mode == "indicative" else "activity"
                node = builder.add_activity(kind, label if kind == "activity" else None, body, p.source_ref,
                                            block_ids=[p.block_id], evidence="list_item")
                read_item_tails(node, body, p.source_ref)
            return
        if builder.section is not None and (label or (p.is_list_item and not bullet)
                                            or (bullet and (builder.section.roles or inline_roles(body)
                                                            or self._bullet_run()))):
            # Bullets count only in a section that names who leads it, or in a run of
            # bullets that name their own lead ("– Lead: OCHA"): then the list is work,
            # not background points.
            if self.pending_dates:
                self.flush()  # schedule lines close the run above them
            self.pending.append(p)
            self.mode = None
            return
        if self.pending and not label and is_schedule_line(text):
            self.pending_dates.append(p)  # "Oct 17 – Mar 18" under the run: its schedule column
            return
        if self.pending and not bullet and not p.heading_level and not self.pending_dates:
            self.pending.append(p)  # a continuation line of the run; items_from_paragraphs decides
            return
        self.flush()
        self.mode = None if not bullet else self.mode

    def _heading_section(self, i: int, p: Paragraph, text: str, label, body) -> bool:
        """Keyword headings ("Workstream 1: Data") and heading-styled paragraphs that
        open content (role lines, a table, a list) become sections."""
        # The keyword may be Word's own numbering: list label "Outcome 1:" + the text
        keyword = keyword_heading(text) or (keyword_heading(f"{p.list_label} {text}") if p.list_label else None)
        # a workbook's sheet heads its own plan, even when the title repeats its name
        sheet = (p.style or "") == "Sheet"
        heading = p.heading_level and (p.style or "").lower() != "title" \
            and (sheet or text not in (self.outline.title or "")) \
            and not is_generic_heading(text) and not is_workplan_heading(text) and len(text) < MAX_HEADING_CHARS
        if not keyword and not (heading and _opens_content(self.blocks, i)) and i not in self.emphasised:
            return False
        if p.heading_level and not keyword and self.item_headings:
            return False  # "Deliverables" under "Work Package 3": a part of the work item
        level_key = p.heading_level or 1
        while self.heading_sections and self.heading_sections[-1][0] >= level_key:
            self.heading_sections.pop()
        parent = self.heading_sections[-1][1] if self.heading_sections else None
        if keyword:
            label, title, kind = keyword
        else:
            label = label.strip("().") if label else None
            title, kind = body, section_kind("focus area" if self.in_region else "", text)
        if sheet:
            self.builder.sheet = None
        self.section(parent.level + 1 if parent else 1, label, title, kind, p, parent=parent)
        if sheet:
            self.builder.sheet = self.builder.section
        self.heading_sections.append((level_key, self.builder.section))
        return True


    def _bullet_run(self) -> bool:
        """True when the run of items under way ends with a bullet (one read as work)."""
        return bool(self.pending) and bool(split_label(self.pending[-1])[2])

    def _close_items(self, level: int) -> None:
        """Forget the work items headed at `level` or deeper: a heading there ends them."""
        while self.item_headings and self.item_headings[-1][0] >= level:
            self.item_headings.pop()


def _opens_content(blocks, i: int) -> bool:
    """True when what follows a heading, up to the next heading, holds a table, a role
    line, a list or labelled items (not just prose)."""
    for b in blocks[i + 1:i + CONTENT_WINDOW]:
        if isinstance(b, Table):
            return True
        if b.heading_level:
            return False
        t = clean(b.text)
        if t and (role_line(t) or b.is_list_item or split_label(b)[0] or is_activities_header(t)
                  or is_indicative_header(t)):
            return True
    return False


def _holds_work(section: SectionNode) -> bool:
    """A section's bare numbered items are work items when the section is part of the
    plan's structure (a focus area, part, accomplishment, annex; one with role lines),
    or its title announces work. Under any other heading ("Input request", "How to
    comment") a numbered list is just a list."""
    return section.kind != "other" or bool(section.roles) or bool(announces_work_text(section.title))


def _is_section_paragraph(p: Paragraph, blocks, i: int, in_region: bool) -> bool:
    """A numbered paragraph opens a section when role lines follow it, or inside a
    "Focus areas" region, or when it is a heading; never long prose."""
    text = clean(p.text)
    if len(text) > MAX_HEADING_CHARS or not is_item_text(text):
        return False  # long, or furniture: a contents line, a note closed by "↩"
    if p.heading_level:
        return True
    # Role lines right under it (before any other labelled paragraph) make it a section.
    for b in blocks[i + 1:i + ROLE_LINES_WINDOW]:
        if not isinstance(b, Paragraph) or not clean(b.text):
            continue
        if role_line(b.text):
            return True
        if split_label(b)[0] or is_region_header(b.text):
            break
    return in_region and not split_label(p)[2] and (p.bold or len(text) < MAX_REGION_SECTION) and not text.endswith(";")


def _names_work_item(p: Paragraph) -> bool:
    """True when Word's list label names a work item ("Output 1.2", "Activity 1.2.1")."""
    return bool(p.list_label) and title_of(f"{p.list_label} {clean(p.text)}") is not None


def _items_to_activities(builder: OutlineBuilder, paragraphs: list[Paragraph],
                         contents: frozenset[str] = frozenset()) -> dict[int, ActivityNode]:
    """Activities for a run of labelled paragraphs; returns them by their first block id.
    Numbered headings are left out: a title the contents lists, one that names the
    plan itself ("1.3. Workplan tables"), or one over a list of no work ("1.2. List
    of beneficiaries")."""
    items = [i for i in items_from_paragraphs(paragraphs) if is_item_text(i.text) and not is_heading_text(i.text, contents)]
    top = nest_items(items)
    nodes = {}
    for item in walk(top):
        parent = nodes.get(id(item.parent)) if item.parent else None
        kind = "output" if item.children and item.parent is None else "activity"
        node = builder.add_activity(kind, item.label, item.text, item.source_ref, parent,
                                    item.block_ids, evidence="list_item")
        read_item_tails(node, item.text, item.source_ref)
        nodes[id(item)] = node
    return {item.block_ids[0]: nodes[id(item)] for item in walk(top)}
