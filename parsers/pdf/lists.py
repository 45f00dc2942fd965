"""List levels: what you get back is each list item's level (0, 1, ...), read from
how far its label is indented against the items before it.

A PDF keeps no list structure, only where each label stands: an item whose label
stands to the right of the item before it goes one level down; one that stands
back at an earlier item's place goes back to that level. The levels carry on
over page breaks (a slide goes on with the sub-items of the slide before), and
a paragraph that is no list item and starts at or left of the list's first label
ends the list.
"""

from __future__ import annotations

from .paragraphs import ParaDraft

INDENT_STEP = 3.0  # points a label must move to change level (labels drift a little)


def set_levels(paras: list[ParaDraft]) -> None:
    """Set `level` on the list items among `paras` (one container: the body or one
    table cell, in reading order)."""
    stack: list[float] = []  # label x of each open level
    for p in paras:
        if p.label is None:
            if stack and p.x0 <= stack[0] + INDENT_STEP:
                stack = []
            continue
        while stack and p.x0 < stack[-1] - INDENT_STEP:
            stack.pop()
        if not stack or p.x0 > stack[-1] + INDENT_STEP:
            stack.append(p.x0)
        p.level = len(stack) - 1
