"""Structure: sections and activities from the flow of paragraphs and tables.

Reads the document top to bottom. Sections come from numbered section paragraphs
(those followed by role lines such as "Focus Area Lead:", or inside a "Focus
areas" region), from annex headings, and from part / accomplishment rows of
activity tables. Activities come from activity tables (`worktable`), from
"Indicative activities" / "Purpose" bullets, and from lettered and numbered items
inside a section. Numbered prose before the first section (an introduction) is
not an activity (issue 3, point 1).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from parsers.model import Document, Paragraph, Table

from .context import Context
from .data import load_json
from .labels import clean, items_from_paragraphs, label_class, nest_items, split_label, walk
from .layout import read_layout
from .outline import ActivityNode, EventRow, Outline, RoleCell, SectionNode
from .records import Records

_ANNEX = re.compile(r"^\s*((?:annex|annexe|anexo|appendix|appendice|apéndice)\s*[\dIVXA-Z]*)\s*[:.\-–—]?\s*(.*)$",
                    re.I)
_PART_LABEL = re.compile(r"^\s*([A-H])[.)]\s+(\S.*)$")


@cache
def _words() -> dict:
    return load_json("structure.json")


def _starts_with_any(text: str, words: list[str]) -> str | None:
    t = text.lower()
    for w in sorted(words, key=len, reverse=True):
        if t.startswith(w) and (len(t) == len(w) or not t[len(w)].isalpha()):
            return w
    return None


def role_line(text: str) -> tuple[str, str] | None:
    """(role, value) for a line such as "Focus Area Lead: UNDP"; None otherwise.

    "Role of Co-Chairs: ..." describes a role and is not a role line."""
    t = clean(text)
    if ":" not in t:
        return None
    head, _, value = t.partition(":")
    head = head.strip()
    if len(head) > 50:
        return None
    for role, words in _words()["role_lines"]:
        if _starts_with_any(head, words) and len(head) <= len(_starts_with_any(head, words)) + 3:
            return role, value.strip()
    return None


def is_indicative_header(text: str) -> bool:
    t = clean(text).rstrip(":").strip().lower()
    return bool(t) and t in _words()["indicative_headers"]


def section_kind(*texts: str) -> str:
    joined = " ".join(texts).lower()
    for kind, words in _words()["section_kinds"]:
        if any(re.search(rf"\b{re.escape(w)}\b", joined) for w in words):
            return kind
    return "other"


class OutlineBuilder:
    """Adds sections and activities to an Outline with deterministic ids."""

    def __init__(self, outline: Outline):
        self.outline = outline
        self.part: SectionNode | None = None      # current level-1 section
        self.section: SectionNode | None = None   # current innermost section

    def add_section(self, level: int, label: str | None, title: str, kind: str, source_ref: str,
                    parent: SectionNode | None = None, block_ids=()) -> SectionNode:
        node = SectionNode(f"s{len(self.outline.sections) + 1:03d}", parent.section_id if parent else None,
                           level, label, clean(title), kind, source_ref)
        self.outline.sections.append(node)
        if level == 1:
            self.part = node
        self.section = node
        self.own(block_ids, "section", node.section_id)
        return node

    def add_activity(self, kind: str, label: str | None, text: str, source_ref: str,
                     parent: ActivityNode | None = None, block_ids=()) -> ActivityNode:
        node = ActivityNode(f"a{len(self.outline.activities) + 1:03d}",
                            self.section.section_id if self.section else None,
                            parent.activity_id if parent else None, label, kind, clean(text), source_ref)
        self.outline.activities.append(node)
        self.own(block_ids, "activity", node.activity_id)
        return node

    def own(self, block_ids, kind: str, subject_id: str) -> None:
        for b in block_ids:
            self.outline.owners[b] = (kind, subject_id)


def run(doc: Document, ctx: Context) -> Records:
    """Sections and activities rows; fills ctx.outline for the later steps."""
    from .worktable import read_table  # late import: worktable needs OutlineBuilder

    outline = ctx.outline
    builder = OutlineBuilder(outline)
    blocks = list(doc.blocks)
    ctx.title = outline.title = _title(doc)
    outline.issuer_text = _issuer_text(doc)
    mode: str | None = None          # "indicative" | "co_chair"/"lead"/"contributor" role lists
    in_section_region = False
    pending: list[Paragraph] = []     # a run of list paragraphs inside a section
    last_layout = None                # (section, Layout) of the last activity table
    section_class = None              # label class of numbered section paragraphs ("num")

    def flush_items():
        if pending and builder.section is not None:
            _items_to_activities(builder, list(pending))
        pending.clear()

    for i, block in enumerate(blocks):
        if isinstance(block, Table):
            flush_items()
            mode = None
            if _is_event_table(block, builder.section):
                _read_event_table(outline, block, builder.section)
                continue
            layout = read_layout(block)
            if layout is None and last_layout and last_layout[0] is builder.section \
                    and len(last_layout[1].roles) == block.n_cols:
                # A table split in two (a page break, a pasted block) keeps the
                # header of the table before it in the same section.
                layout = replace(last_layout[1], header_rows=[])
            if layout is not None:
                last_layout = (builder.section, layout)
            read_table(builder, block, layout)
            continue
        text = clean(block.text)
        if not text:
            continue
        label, body, bullet = split_label(block)
        annex = _ANNEX.match(text)
        if annex and (block.heading_level or block.bold or len(text) < 120):
            flush_items()
            title = annex.group(2) or annex.group(1)
            builder.add_section(1, clean(annex.group(1)), title, "annex", block.source_ref,
                                block_ids=[block.block_id])
            mode = None
            continue
        rl = role_line(text)
        if rl:
            flush_items()
            role, value = rl
            target = outline.doc_roles if role == "co_chair" or builder.section is None else builder.section.roles
            if value:
                target.append(RoleCell(role, value, block.source_ref))
                mode = None
            else:
                mode = role
            continue
        if mode in ("co_chair", "lead", "contributor") and (
                bullet or (block.is_list_item and block.list_kind != "number")
                or (not label and len(text) < 40 and not _is_region_header(text))):
            target = outline.doc_roles if mode == "co_chair" or builder.section is None else builder.section.roles
            target.append(RoleCell(mode, body, block.source_ref))
            continue
        if is_indicative_header(text):
            flush_items()
            mode = "indicative"
            continue
        if _is_region_header(text):
            flush_items()
            in_section_region = True
            mode = None
            continue
        if label and _is_section_paragraph(block, blocks, i, in_section_region) \
                and section_class in (None, label_class(label)):
            section_class = label_class(label)
            flush_items()
            builder.add_section(1, label.strip("().") or None, body, section_kind(_region_word(in_section_region), text),
                                block.source_ref, block_ids=[block.block_id])
            mode = None
            continue
        if mode == "indicative" and (bullet or block.is_list_item or label):
            if builder.section is not None:
                builder.add_activity("indicative", None, body, block.source_ref, block_ids=[block.block_id])
            continue
        if builder.section is not None and (label or (block.is_list_item and not bullet)):
            pending.append(block)
            mode = None
            continue
        if pending and not bullet and not block.heading_level:
            pending.append(block)  # a continuation line of the run; items_from_paragraphs decides
            continue
        flush_items()
        mode = None if not bullet else mode
    flush_items()
    return _records(outline)


def _is_region_header(text: str) -> bool:
    """True for a line that opens the list of sections ("Focus Areas", "Domaines prioritaires")."""
    return clean(text).rstrip(":").strip().lower() in _words()["section_regions"]


def _region_word(in_region: bool) -> str:
    return "focus area" if in_region else ""


def _is_section_paragraph(p: Paragraph, blocks, i: int, in_region: bool) -> bool:
    """A numbered paragraph opens a section when role lines follow it, or inside a
    "Focus areas" region, or when it is a heading; never long prose."""
    text = clean(p.text)
    if len(text) > 250:
        return False
    if p.heading_level:
        return True
    # Role lines right under it (before any other labelled paragraph) make it a section.
    for b in blocks[i + 1:i + 6]:
        if not isinstance(b, Paragraph) or not clean(b.text):
            continue
        if role_line(b.text):
            return True
        if split_label(b)[0] or _is_region_header(b.text):
            break
    return in_region and not split_label(p)[2] and (p.bold or len(text) < 200) and not text.endswith(";")


def _items_to_activities(builder: OutlineBuilder, paragraphs: list[Paragraph]) -> None:
    items = items_from_paragraphs(paragraphs)
    top = nest_items(items)
    nodes = {}
    for item in walk(top):
        parent = nodes.get(id(item.parent)) if item.parent else None
        kind = "output" if item.children and item.parent is None else "activity"
        nodes[id(item)] = builder.add_activity(kind, item.label, item.text, item.source_ref, parent,
                                               item.block_ids)


def _is_event_table(table: Table, section: SectionNode | None) -> bool:
    if section is None or section.kind != "annex":
        return False
    words = _words()["event_words"]
    return any(w in (section.title or "").lower() for w in words) or table.n_cols == 2


def _read_event_table(outline: Outline, table: Table, section: SectionNode | None) -> None:
    for row in table.rows:
        cells = [c for c in row.cells if not c.merged]
        if len(cells) < 2:
            continue
        period, names = clean(cells[0].text), clean(" ".join(c.text for c in cells[1:]))
        if period and names:
            outline.event_rows.append(EventRow(period, names, row.source_ref,
                                               section.section_id if section else None))
            for c in cells:
                for b in c.blocks:
                    outline.owners[b.block_id] = ("section", section.section_id)


def _title(doc: Document) -> str | None:
    words = _words()["workplan_words"]
    paragraphs = [p for p in doc.blocks if isinstance(p, Paragraph) and clean(p.text)][:12]
    for p in paragraphs:
        t = clean(p.text)
        if len(t) < 150 and any(w in t.lower() for w in words):
            return t
    if doc.title and clean(doc.title):
        return clean(doc.title)
    return clean(paragraphs[0].text) if paragraphs else None


def _issuer_text(doc: Document) -> str:
    """Text that names the body issuing the plan: the title lines and the line that
    calls the document a work plan."""
    words = _words()["workplan_words"]
    lines = []
    for p in [b for b in doc.blocks if isinstance(b, Paragraph) and clean(b.text)][:12]:
        t = clean(p.text)
        if len(t) < 150 and (p.bold or p.heading_level or any(w in t.lower() for w in words)):
            lines.append(t)
    return " | ".join(lines)


_NB_LINE = re.compile(r"(?im)^\s*N\.?\s?B\.?(?=[\s:]).*", re.S)


def timeline_display(raw: str) -> str | None:
    """The activity's timeline text without the "N.B." notes that follow it in the cell
    (those are events, SPEC events), whitespace collapsed."""
    return clean(_NB_LINE.sub("", raw)) or None


def _records(outline: Outline) -> Records:
    records = Records()
    records.diagnostics.extend(outline.diagnostics)
    for s in outline.sections:
        records.add("sections", section_id=s.section_id, parent_section_id=s.parent_id, level=s.level,
                    label=s.label, title=s.title, kind=s.kind, source_ref=s.source_ref)
    for a in outline.activities:
        records.add("activities", activity_id=a.activity_id, section_id=a.section_id,
                    parent_activity_id=a.parent_id, label=a.label, kind=a.kind, text=a.text,
                    timeline_raw=timeline_display(a.timeline.raw) if a.timeline else None,
                    source_ref=a.source_ref)
    return records
