"""The outline of a workplan: sections and activities, with the source cells that
belong to each. The structure step builds it (`OutlineBuilder`); the other steps
read it."""

from __future__ import annotations

from dataclasses import dataclass, field

from .labels import clean


@dataclass
class RoleCell:
    """Text that names who plays a role: a "Lead agency" cell, a "Focus Area Lead:" line.

    role: co_chair | lead | contributor | responsible (SPEC participants).
    inline: True when the words sit inside the item's own text ("... – Lead: OCHA"),
        where they name the role's holder, not an organisation the work mentions.
    """

    role: str
    raw: str
    source_ref: str
    inline: bool = False


@dataclass
class TimelineCell:
    """The timeline text of one activity (a cell, or one line of a positional schedule).

    year_hint: a year stated by the row or table around the cell (its notes, its
        header), used before the document's reference year; None when none.
    """

    raw: str
    source_ref: str
    year_hint: int | None = None


@dataclass
class GanttRow:
    """Marks of one row under the period columns of a Gantt-style grid.

    headers: per period column, the header texts from top to bottom ("2021", "Q3").
    marks: per period column, the text in the row's cell ("X", "", "1st, 2nd and 3rd").
    filled: per period column, True when the cell is coloured in instead of (or as
        well as) written in: a Gantt bar drawn with cell shading or a sheet's fill.
    """

    headers: list[list[str]]
    marks: list[str]
    source_ref: str
    filled: list[bool] = field(default_factory=list)


@dataclass
class SectionNode:
    section_id: str
    parent_id: str | None
    level: int
    label: str | None
    title: str
    kind: str
    source_ref: str
    roles: list[RoleCell] = field(default_factory=list)


@dataclass
class ActivityNode:
    """One work item. evidence: what it was read from (SPEC activities: table_row,
    list_item, key_value, aligned_text, gantt_row); status: the plan's own progress word."""

    activity_id: str
    section_id: str | None
    parent_id: str | None
    label: str | None
    kind: str
    text: str
    source_ref: str
    timeline: TimelineCell | None = None
    roles: list[RoleCell] = field(default_factory=list)
    gantt: GanttRow | None = None
    evidence: str | None = None
    status: str | None = None


@dataclass
class EventRow:
    """A row of a key-events table: its period text and the events it lists."""

    raw_period: str
    names_text: str
    source_ref: str
    section_id: str | None


@dataclass
class Outline:
    """Sections and activities in document order, and who owns which block.

    owners: block_id -> ("activity" | "section", id) for every block that belongs
        to an activity or a section; blocks absent here belong to the document.
    doc_roles: roles stated for the whole document (co-chairs).
    """

    sections: list[SectionNode] = field(default_factory=list)
    activities: list[ActivityNode] = field(default_factory=list)
    owners: dict[int, tuple[str, str]] = field(default_factory=dict)
    doc_roles: list[RoleCell] = field(default_factory=list)
    event_rows: list[EventRow] = field(default_factory=list)
    title: str | None = None
    issuer_text: str = ""
    diagnostics: list = field(default_factory=list)
    initials: dict[str, str] = field(default_factory=dict)  # owners' initials -> whom (owners.py)

    def section(self, section_id: str | None) -> SectionNode | None:
        for s in self.sections:
            if s.section_id == section_id:
                return s
        return None


class OutlineBuilder:
    """Adds sections and activities to an Outline with deterministic ids."""

    def __init__(self, outline: Outline):
        self.outline = outline
        self.part: SectionNode | None = None      # current level-1 section
        self.section: SectionNode | None = None   # current innermost section
        self.sheet: SectionNode | None = None     # a workbook's sheet: its sections sit under it

    def add_section(self, level: int, label: str | None, title: str, kind: str, source_ref: str,
                    parent: SectionNode | None = None, block_ids=()) -> SectionNode:
        is_part = level == 1 and kind != "accomplishment"
        if self.sheet is not None and (parent is None or parent.level < self.sheet.level):
            parent, level = (parent or self.sheet), level + self.sheet.level
        node = SectionNode(f"s{len(self.outline.sections) + 1:03d}", parent.section_id if parent else None,
                           level, label, clean(title), kind, source_ref)
        self.outline.sections.append(node)
        if is_part:
            self.part = node
        self.section = node
        self.own(block_ids, "section", node.section_id)
        return node

    def add_activity(self, kind: str, label: str | None, text: str, source_ref: str,
                     parent: ActivityNode | None = None, block_ids=(), *, evidence: str) -> ActivityNode:
        node = ActivityNode(f"a{len(self.outline.activities) + 1:03d}",
                            self.section.section_id if self.section else None,
                            parent.activity_id if parent else None, label, kind, clean(text), source_ref,
                            evidence=evidence)
        self.outline.activities.append(node)
        self.own(block_ids, "activity", node.activity_id)
        return node

    def own(self, block_ids, kind: str, subject_id: str) -> None:
        for b in block_ids:
            self.outline.owners[b] = (kind, subject_id)
