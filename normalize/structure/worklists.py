"""The work-list detector: a list under a lead-in that announces planned work.

    ## Evolving Work Plan                 Phase 1: Testing monitoring architecture
    1. Gather use cases (June - August)   - Review existing infrastructures
        - Identify common use cases       - Acquire suitable sensors

The lead-in is a heading or a short line that names planned work (activities,
tasks, deliverables, action points, work plan, phases, steps; data/workitems.json
`list_lead_ins`), or a titled work item ("Phase 1: ...", "Task 2 –"), whose list
then becomes its children, or any line above a checklist ("- [ ] Draft survey"). A numbered, lettered, bulleted or checkbox list right
under it is the evidence; nested items become child activities. Lists under
headings that are not planned work (beneficiaries, risks, ideas kept for later)
and items that read as prose or contents lines are never work items (`junk`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from parsers.model import Block, Paragraph

from ..data import load_json
from .junk import contents_titles, is_heading_text, is_item_text, never_a_list_heading
from .keyvalue import key_line, title_of
from .labels import Item, clean, items_from_paragraphs, nest_items, split_label
from .owners import is_initials_key

# A lead-in that is not a heading is one short line ("Activities:", "Next steps");
# a longer line is a sentence that merely mentions work.
MAX_LEAD_IN_CHARS = 120
# At most this many labelled lines ("Members: ...", "Period: ...") between a title and its list
MAX_LABELLED_LINES = 4


@dataclass
class WorkList:
    """One list of work items.

    lead_in: block index of the heading, lead-in line or titled item above the list.
    start / end: block indexes of the list itself (end exclusive).
    parent: (label, title, kind) when the lead-in is a titled work item whose list
        holds its sub-items; None when the lead-in only announces the list.
    items: the top-level items, nested (`labels.Item`).
    """

    lead_in: int
    start: int
    end: int
    parent: tuple[str, str, str] | None
    items: list[Item]


@functools.cache
def _lead_in_re() -> re.Pattern:
    words = sorted(load_json("workitems.json")["list_lead_ins"], key=len, reverse=True)
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I)


def announces_work(p: Paragraph) -> bool:
    """True when a heading or a short lead-in line names planned work."""
    text = clean(p.text)
    if not text or never_a_list_heading(text):
        return False
    if not p.heading_level and (len(text) > MAX_LEAD_IN_CHARS or not (text.endswith(":") or p.bold)):
        return False
    return announces_work_text(text)


def announces_work_text(text: str) -> bool:
    """True when a title names planned work ("Work plan", "Tâches", "Next steps")."""
    return bool(_lead_in_re().search(text or "")) and not never_a_list_heading(text)


def _is_list_paragraph(p: Paragraph) -> bool:
    label, _, bullet = split_label(p)
    return bool(label or bullet or p.is_list_item)


def find_work_lists(blocks: list[Block], claimed: set[int] = frozenset()) -> list[WorkList]:
    """Every work list among `blocks`, skipping block indexes already `claimed` by
    another detector."""
    found = []
    contents = contents_titles(blocks)
    i = 0
    excluded = False  # under a heading whose lists are not work ("Original ideas", "Risks")
    while i < len(blocks):
        lead = blocks[i]
        if i in claimed or not isinstance(lead, Paragraph):
            i += 1
            continue
        if lead.heading_level:
            excluded = never_a_list_heading(lead.text)
        if excluded:
            i += 1
            continue
        parent = title_of(lead.text)  # "Phase 1 – ...", a list item itself on a slide
        start = i + 1
        if not (parent or announces_work(lead) or _checklist_below(blocks, i + 1)):
            if not (_is_title_line(blocks, i) and announces_work_text(lead.text)):
                i += 1
                continue
            # "WORKPLAN 2024 - ADVOCACY TASK FORCE" atop a text export, then "Members: ..."
            start = _after_labelled_lines(blocks, i + 1)
        end = _list_end(blocks, start, claimed)
        paragraphs = [b for b in blocks[start:end] if isinstance(b, Paragraph)]
        items = [it for it in items_from_paragraphs(paragraphs)
                 if is_item_text(it.text) and not is_heading_text(it.text, contents)]
        if items:
            found.append(WorkList(i, start, end, parent, nest_items(items)))
            i = end
        else:
            i += 1
    return found


def _is_title_line(blocks: list[Block], i: int) -> bool:
    """True for the document's first line of text when it stands alone as a title
    (a short line, no list label): a plain-text export's way of writing its title."""
    first = next((j for j, b in enumerate(blocks) if isinstance(b, Paragraph) and clean(b.text)), None)
    p = blocks[i]
    return first == i and len(clean(p.text)) <= MAX_LEAD_IN_CHARS and not _is_list_paragraph(p)


def _after_labelled_lines(blocks: list[Block], start: int) -> int:
    """The index after the labelled lines that hold a value ("Members: Oxfam, CARE")
    right under a title, where its list starts; a label without a value ("Co-chairs:")
    opens a list of its own, so the skipping stops there."""
    j = start
    while j < len(blocks) and j < start + MAX_LABELLED_LINES:
        b = blocks[j]
        text = clean(b.text) if isinstance(b, Paragraph) else None
        if text is None or (text and not (_LABELLED_LINE.match(text) or key_line(text))):
            break
        if text and not text.partition(":")[2].strip():
            break
        j += 1
    return j


def _checklist_below(blocks: list[Block], start: int) -> bool:
    """True when the list right below is a checklist ("- [ ] Draft survey"): a box to
    tick is itself the sign of work to do, whatever the heading says."""
    for b in blocks[start:start + 3]:
        if isinstance(b, Paragraph) and clean(b.text):
            return b.checked is not None
    return False


# "Expected visible behaviour: a four-page ...": a line that opens with its own short,
# capitalised label is a paragraph of its own, never the wrapped tail of an item
_LABELLED_LINE = re.compile(r"^[A-Z\u00c0-\u00dd][\w'\u2019-]*(?:\s+[\w'\u2019-]+){0,3}:\s+\S")


def _list_end(blocks: list[Block], start: int, claimed) -> int:
    """The index after the list that starts at `start`: list paragraphs, and the
    unlabelled lines that continue them, up to a heading, a table, a title or prose."""
    end = start
    for j in range(start, len(blocks)):
        b = blocks[j]
        if j in claimed or not isinstance(b, Paragraph) or b.heading_level:
            break
        text = clean(b.text)
        if not text:
            continue
        if title_of(text):
            break  # the next titled item opens its own list
        if _is_list_paragraph(b):
            end = j + 1
            continue
        if end == start or title_of(text) or key_line(text) or not is_item_text(text) or announces_work(b) \
                or is_initials_key(text) or _LABELLED_LINE.match(text):
            break
        end = j + 1  # a wrapped line of the item above; items_from_paragraphs joins it
    return end
