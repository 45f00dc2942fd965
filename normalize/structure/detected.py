"""Work items found by the evidence detectors (`keyvalue`, `worklists`), added to
the outline with the evidence they rest on (SPEC activities.evidence).

The flow reader places key-value items where it meets them, inside the section
it is in. Work lists are added after the flow has read the document, for the
lists it did not already read as activities; the outline is then put back in
document order so ids and positions follow the source.
"""

from __future__ import annotations

import re

from parsers.model import Block

from .. import timelines as tl
from .keyvalue import KeyValueItem, inline_roles, key_line
from .labels import walk
from .outline import ActivityNode, Outline, OutlineBuilder, RoleCell, TimelineCell
from .owners import owner_text
from .worklists import WorkList, find_work_lists


def add_key_value_item(builder: OutlineBuilder, item: KeyValueItem) -> ActivityNode:
    """One activity for a key-value block, its labelled lines as roles and timeline."""
    node = builder.add_activity(item.kind, item.label, item.title, item.source_ref,
                                block_ids=item.block_ids, evidence="key_value")
    node.roles = [RoleCell(role, value, ref) for role, value, ref in item.roles]
    if item.timeline:
        node.timeline = TimelineCell(*item.timeline)
    node.status = item.status
    return node


def add_work_lists(builder: OutlineBuilder, blocks: list[Block], claimed: set[int]) -> int:
    """Add the work lists the flow left unread; returns how many activities were added."""
    outline = builder.outline
    section_refs = {s.source_ref for s in outline.sections}
    added = 0
    for work_list in find_work_lists(blocks, claimed):
        paragraphs = [p for item in walk(work_list.items) for p in item.paragraphs]
        if any(outline.owners.get(p.block_id, ("",))[0] == "activity" for p in paragraphs):
            continue  # the flow read this list already
        if any(p.source_ref in section_refs for p in paragraphs):
            continue  # the flow read these lines as sections of the plan
        added += _add_work_list(builder, blocks, work_list)
    if added:
        _in_document_order(outline)
    return added


def _add_work_list(builder: OutlineBuilder, blocks: list[Block], work_list: WorkList) -> int:
    outline = builder.outline
    lead = blocks[work_list.lead_in]
    owner = outline.owners.get(lead.block_id)
    builder.section = outline.section(owner[1]) if owner and owner[0] == "section" else None
    parent = None
    if work_list.parent:
        label, title, _ = work_list.parent
        parent = builder.add_activity("output", label, title, lead.source_ref, block_ids=[lead.block_id],
                                      evidence="list_item")
    nodes: dict[int, ActivityNode] = {}
    count = 1 if parent else 0
    for item in walk(work_list.items):
        above = nodes.get(id(item.parent)) if item.parent else parent
        kind = "output" if item.children and above is None else "activity"
        node = builder.add_activity(kind, item.label, item.text, item.source_ref, above, item.block_ids,
                                    evidence="list_item")
        read_item_tails(node, item.text, item.source_ref)
        owner = trailing_owner(item.text, outline.initials)
        if owner:
            node.roles.append(RoleCell("responsible", owner, item.source_ref))
        nodes[id(item)] = node
        count += 1
    return count


# An identifier names one work item: "D1.2", "WP3", "T2.10", "Action 3".
_IDENTIFIER = re.compile(r"^(?=.*[A-Za-z])(?=.*\d)[\w .-]{2,16}$")


def drop_repeats(outline: Outline) -> int:
    """Keep the first of work items that share an identifier label: grant plans list
    each deliverable in a summary table and again under its work package. What the
    repeat adds (a time frame, roles, blocks) goes to the first. Returns how many went."""
    first: dict[str, ActivityNode] = {}
    dropped: dict[str, str] = {}
    for a in outline.activities:
        key = (a.label or "").strip().rstrip(":.").upper()
        if not _IDENTIFIER.match(key):
            continue
        if key not in first:
            first[key] = a
            continue
        keep = first[key]
        keep.timeline = keep.timeline or a.timeline
        keep.roles = keep.roles or a.roles
        dropped[a.activity_id] = keep.activity_id
    if not dropped:
        return 0
    outline.activities[:] = [a for a in outline.activities if a.activity_id not in dropped]
    for a in outline.activities:
        a.parent_id = dropped.get(a.parent_id, a.parent_id)
    for block_id, (kind, subject) in list(outline.owners.items()):
        if kind == "activity" and subject in dropped:
            outline.owners[block_id] = (kind, dropped[subject])
    _in_document_order(outline)
    return len(dropped)


def _in_document_order(outline: Outline) -> None:
    """Sort activities by their first source block and renumber their ids."""
    first: dict[str, int] = {}
    for block_id, (kind, subject) in outline.owners.items():
        if kind == "activity":
            first[subject] = min(first.get(subject, block_id), block_id)
    ordered = sorted(outline.activities, key=lambda a: first.get(a.activity_id, 1 << 30))
    new_ids = {a.activity_id: f"a{n:03d}" for n, a in enumerate(ordered, 1)}
    for a in ordered:
        a.activity_id = new_ids[a.activity_id]
        a.parent_id = new_ids.get(a.parent_id) if a.parent_id else None
    outline.activities[:] = ordered
    for block_id, (kind, subject) in list(outline.owners.items()):
        if kind == "activity":
            outline.owners[block_id] = (kind, new_ids[subject])


_TRAILING_BRACKET = re.compile(r"\(([^()]{2,60})\)\s*[.;:]?\s*$")
# "Book the venue (CD) – by 15 March": a date after a spaced dash ends the item
_TRAILING_DASH = re.compile(r"\s[\u2013\u2014-]\s+([^\u2013\u2014()]{2,40}?)\s*[.;]?\s*$")


def _dated_tail(text: str) -> re.Match | None:
    m = _TRAILING_DASH.search(text)
    return m if m and tl.reads_as_date(m.group(1)) else None


def trailing_timeline(text: str, source_ref: str) -> TimelineCell | None:
    """A TimelineCell for a date in brackets that ends an item ("Map initiatives (Q1 2021)"),
    or after a spaced dash ("Book the venue – by 15 March"); labelled fields after it
    ("Side event (November 2024) - Lead: CARE") are looked past."""
    while (field := _TRAILING_DASH.search(text)) and key_line(field.group(1)):
        text = text[:field.start()]
    dash = _dated_tail(text)
    if dash:
        return TimelineCell(dash.group(1).strip(), source_ref)
    m = _TRAILING_BRACKET.search(text)
    if not m:
        return None
    # "(Q1 2021)", "(June 2024, date TBC)", "(2.5 months, June - mid-August)", or the
    # dated rest of "(JD, by 15 March 2024)": owners' initials hold no digit; labelled
    # fields before a semicolon are roles ("(Lead: UNHCR; Q2 2024)")
    text = m.group(1).strip()
    if ";" in text:
        text = ";".join(part for part in text.split(";") if not key_line(part)).strip() or text
    first, _, rest = text.partition(",")
    if rest.strip() and not tl.reads_as_date(first) and not any(ch.isdigit() for ch in first):
        text = rest.strip()
    return TimelineCell(text, source_ref) if tl.reads_as_date(text) or _undecided(text) else None


def read_item_tails(node: ActivityNode, text: str, source_ref: str) -> None:
    """The time frame and the labelled roles a list item carries in its own text
    ("Publish guidelines – Lead: OCHA – by June 2024")."""
    node.timeline = trailing_timeline(text, source_ref)
    node.roles.extend(RoleCell(role, holder, source_ref, inline=True) for role, holder in inline_roles(text))


def _undecided(text: str) -> bool:
    """"(Dates TBD)", "(to be confirmed)": a time frame not fixed yet (SPEC kind unknown)."""
    return any(r.certainty in ("tbd", "tbc") and r.kind == "unknown" for r in tl.read_timeline(text).readings)



def trailing_owner(text: str, initials: dict[str, str]) -> str | None:
    """The owners' initials that open an item's closing bracket ("(MO + JD, late April)"),
    also before a dated tail ("(AB, EF) – end of March")."""
    dash = _dated_tail(text)
    m = _TRAILING_BRACKET.search(text[:dash.start()] if dash else text)
    if not (m and initials):
        return None
    owners = []  # "(AB, EF, by May)": the leading parts that are initials of the key
    for part in m.group(1).split(","):
        if owner_text(part, initials) is None:
            break
        owners.append(part.strip())
    return ", ".join(owners) or None


# "Task 3.1", "D3.1", "T3.1", "Work Package 3": an identifier's word or letters, then its number
_IDENTIFIER_NUMBER = re.compile(r"^[A-Za-z][A-Za-z .]*?\s*(\d+(?:\.\d+)*)[.:)]?$")


def nest_by_number(outline: Outline) -> int:
    """A work item named by an identifier numbered under an earlier one ("Task 3.1" or
    "D3.1" after "Work Package 3") becomes its child, when it has no parent yet and
    sits in the same section; returns how many were nested. Bare numbers ("3.1"
    after "3.") are left to the lists and tables that show their levels."""
    latest: dict[str, ActivityNode] = {}
    nested = 0
    for node in outline.activities:
        m = _IDENTIFIER_NUMBER.match(node.label or "")
        if not m:
            continue
        number = m.group(1)
        above = latest.get(number.rpartition(".")[0]) if "." in number else None
        if node.parent_id is None and above is not None and above.section_id == node.section_id:
            node.parent_id = above.activity_id
            nested += 1
        latest[number] = node
    return nested

