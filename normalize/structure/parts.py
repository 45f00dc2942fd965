"""Part lines and expected accomplishments written as plain lines, the way a text
export lays out a plan whose table it lost (LibreOffice "Text", a retyped plan):

    A. Programmatic issues
    Enhanced coherence in programming
    1. The Issue Management Group on Tackling E-waste:
        a) List available options ...

A line "A. <title>" is a part when the letters of such lines run A, B, C... and
each has numbered or lettered work below it before the next; the first plain line
right under a part, itself followed by a numbered line, is the part's expected
accomplishment. A lettered list "A. Do this / B. Do that" has no work under each
line, so it stays a list.
"""

from __future__ import annotations

from parsers import diagnostics as diag
from parsers.model import Paragraph

from .. import timelines as tl
from .headings import MAX_HEADING_CHARS, PART_LABEL, role_line
from .labels import clean, label_class, split_label
from .outline import ActivityNode, OutlineBuilder, TimelineCell

# Fewest lettered part lines that make a scheme of parts.
MIN_PARTS = 2
# A schedule cell is a date, not a sentence that mentions one.
MAX_SCHEDULE_WORDS = 6


def part_lines(blocks: list) -> dict[int, str]:
    """Block index -> "part" or "accomplishment" for the plain lines that head parts."""
    candidates = [i for i, b in enumerate(blocks) if _is_part_line(b)]
    letters = [PART_LABEL.match(clean(blocks[i].text)).group(1) for i in candidates]
    run_len = 0
    for n, letter in enumerate(letters):  # the letters must run A, B, C...
        if letter != chr(ord("A") + n):
            break
        run_len = n + 1
    candidates = candidates[:run_len]
    found: dict[int, str] = {}
    for n, i in enumerate(candidates):
        end = candidates[n + 1] if n + 1 < len(candidates) else len(blocks)
        below = [j for j in range(i + 1, end) if isinstance(blocks[j], Paragraph) and clean(blocks[j].text)]
        if not any(split_label(blocks[j])[0] for j in below):
            return {}  # a part with no numbered work under it: these are no parts
        found[i] = "part"
        # a plain line over a numbered output, right under the part line or after the
        # schedule lines that close the outputs above it (never a wrapped item's tail)
        before = blocks[i]
        for k, j in enumerate(below[:-1]):
            nxt = blocks[below[k + 1]]
            label = split_label(nxt)[0]
            if _is_accomplishment(blocks[j]) and label and label_class(label) == "num" \
                    and (before is blocks[i] or is_schedule_line(before.text)):
                found[j] = "accomplishment"
            before = blocks[j]
    return found if len(found) and sum(v == "part" for v in found.values()) >= MIN_PARTS else {}


def _is_part_line(block) -> bool:
    if not isinstance(block, Paragraph) or block.heading_level or block.list_level is not None:
        return False
    text = clean(block.text)
    return bool(PART_LABEL.match(text)) and len(text) < MAX_HEADING_CHARS and not text.endswith((";", ","))


def _is_accomplishment(block: Paragraph) -> bool:
    text = clean(block.text)
    return not split_label(block)[0] and not role_line(text) and len(text) < MAX_HEADING_CHARS \
        and block.list_level is None and not text.endswith((";", ",")) and not is_schedule_line(text)


def is_schedule_line(text: str) -> bool:
    """A line that is only a time frame ("Oct 17 – Mar 18", "May 18 – onwards")."""
    text = clean(text)
    return 0 < len(text.split()) <= MAX_SCHEDULE_WORDS and tl.reads_as_date(text)


def schedule_by_order(builder: OutlineBuilder, nodes: list[ActivityNode], lines: list[Paragraph]) -> None:
    """Give a run of items the schedule lines printed below it, in order: one per
    activity without children (the outputs above them have no line of their own),
    or one per item; any other count is reported, never guessed."""
    parents = {n.parent_id for n in nodes}
    leaves = [n for n in nodes if n.activity_id not in parents]
    # lines printed under the last outputs of a run belong to those outputs only
    tops = [n for n in nodes if n.parent_id is None]
    by_id = {n.activity_id: n for n in nodes}
    top_of = {n.activity_id: _top_of(n, by_id) for n in leaves}
    tails = [[n for n in leaves if top_of[n.activity_id] in tops[-m:]] for m in range(1, len(tops))]
    for targets in (leaves, nodes, *tails):
        if len(targets) == len(lines):
            for node, p in zip(targets, lines, strict=True):
                node.timeline = TimelineCell(clean(p.text), p.source_ref)
                builder.own([p.block_id], "activity", node.activity_id)
            return
    builder.outline.diagnostics.append(
        diag.make("schedule_mismatch", lines[0].source_ref, n_dates=len(lines), n_items=len(leaves)))


def _top_of(node: ActivityNode, by_id: dict[str, ActivityNode]) -> ActivityNode:
    while node.parent_id in by_id:
        node = by_id[node.parent_id]
    return node
