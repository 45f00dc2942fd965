"""The outline of a workplan: sections and activities, with the source cells that
belong to each. `structure` builds it; the other steps read it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RoleCell:
    """Text that names who plays a role: a "Lead agency" cell, a "Focus Area Lead:" line.

    role: co_chair | lead | contributor | responsible (SPEC participants).
    """

    role: str
    raw: str
    source_ref: str


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
    """

    headers: list[list[str]]
    marks: list[str]
    source_ref: str


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

    def section(self, section_id: str | None) -> SectionNode | None:
        for s in self.sections:
            if s.section_id == section_id:
                return s
        return None
