"""The structure step: the document's outline (sections, activities and the cells
that belong to each) into `ctx.outline`, and the sections and activities rows."""

from __future__ import annotations

from parsers.model import Document, Paragraph

from ..context import Context
from ..records import Records
from ..rows import ActivityRecord, SectionRecord
from ..timelines import without_notes
from .flow import FlowReader
from .headings import names_workplan
from .labels import clean
from .outline import Outline
from .owners import initials_key

# The title and the issuer's name are among the first paragraphs with text.
TITLE_WINDOW = 12
# A line longer than this (characters) is prose, not a title.
MAX_TITLE_LINE = 150
# A title this short ("Draft Workplan") takes the line above it, the issuing body's name.
MAX_BARE_TITLE_WORDS = 3


def run(doc: Document, ctx: Context) -> Records:
    """Sections and activities rows; fills ctx.outline for the later steps."""
    outline = ctx.outline
    ctx.title = outline.title = _title(doc)
    outline.issuer_text = _issuer_text(doc)
    outline.initials = initials_key(doc)
    FlowReader(doc, outline).read()
    return _records(outline)


def _title(doc: Document) -> str | None:
    paragraphs = [p for p in doc.blocks if isinstance(p, Paragraph) and clean(p.text)][:TITLE_WINDOW]
    for i, p in enumerate(paragraphs):
        t = clean(p.text)
        if len(t) < MAX_TITLE_LINE and names_workplan(t):
            above = clean(paragraphs[i - 1].text) if i else ""
            if above and len(t.split()) <= MAX_BARE_TITLE_WORDS and len(above) < MAX_TITLE_LINE:
                # "Draft Workplan" under the name of the body that issues it
                return f"{above} — {t}"
            return t
    if doc.title and clean(doc.title):
        return clean(doc.title)
    return clean(paragraphs[0].text) if paragraphs else None


def _issuer_text(doc: Document) -> str:
    """Text that names the body issuing the plan: the title lines and the line that
    calls the document a work plan."""
    lines = []
    for p in [b for b in doc.blocks if isinstance(b, Paragraph) and clean(b.text)][:TITLE_WINDOW]:
        t = clean(p.text)
        if len(t) < MAX_TITLE_LINE and (p.bold or p.heading_level or names_workplan(t)):
            lines.append(t)
    return " | ".join(lines)


def timeline_display(raw: str) -> str | None:
    """The activity's timeline text without the "N.B." notes that follow it in the cell
    (those are events, SPEC events), whitespace collapsed."""
    return clean(without_notes(raw)) or None


def _records(outline: Outline) -> Records:
    records = Records()
    records.diagnostics.extend(outline.diagnostics)
    for s in outline.sections:
        records.add(SectionRecord(section_id=s.section_id, parent_section_id=s.parent_id, level=s.level,
                                  label=s.label, title=s.title, kind=s.kind, source_ref=s.source_ref))
    for a in outline.activities:
        records.add(ActivityRecord(activity_id=a.activity_id, section_id=a.section_id,
                                   parent_activity_id=a.parent_id, label=a.label, kind=a.kind, text=a.text,
                                   timeline_raw=timeline_display(a.timeline.raw) if a.timeline else None,
                                   source_ref=a.source_ref, evidence=a.evidence, status=a.status))
    return records
