"""Headings typed as emphasis: bold or all-caps lines that divide a plan written
without heading styles.

Plans typed by hand mark their sections with a bold or capitalised line ("WASTE
MANAGEMENT", "Mercury and artisanal gold mining") over the work they hold. The same
emphasis also marks the front matter (a ministry's name, "Note by the Chair") and
side headings ("Background", "Contact"), which are no sections. What tells them
apart is what stands below the line: a section heading has work under it (a table,
numbered or lettered items, role lines, an "Activities:" lead-in) before the next
emphasised line; front matter has prose, and the lines above the one naming the
plan ("Work plan 2025") are its title block. One such line alone is not a sectioning
scheme, so at least two are needed; and a document with real heading styles or
Markdown headings uses those, so there emphasis is only emphasis.
"""

from __future__ import annotations

from parsers.model import Paragraph, Table

from .columns import infer_layout, read_layout
from .headings import (
    MAX_HEADING_CHARS,
    is_activities_header,
    is_generic_heading,
    is_indicative_header,
    is_workplan_heading,
    role_line,
)
from .junk import is_furniture, is_glossary, never_a_list_heading
from .labels import clean, split_label

# A heading is a few words: longer emphasised lines are emphasised sentences.
MAX_HEADING_WORDS = 12
# Fewest emphasised lines with work under them that make a sectioning scheme.
MIN_SECTIONS = 2
# Letters an all-caps line needs to be a heading rather than an acronym ("UNEP").
MIN_CAPS_LETTERS = 6


def emphasised_headings(blocks: list, title: str | None = None) -> set[int]:
    """Indexes (into `blocks`) of the bold or all-caps lines that head sections."""
    if any(isinstance(b, Paragraph) and b.heading_level for b in blocks):
        return set()
    # The lines above the one that names the plan ("Work plan 2025") are its title block.
    body = next((i + 1 for i, b in enumerate(blocks)
                 if isinstance(b, Paragraph) and is_workplan_heading(clean(b.text))), 0)
    candidates = [i for i, b in enumerate(blocks) if i >= body and _looks_like_heading(b, title)]
    heads = set()
    for n, i in enumerate(candidates):
        end = candidates[n + 1] if n + 1 < len(candidates) else len(blocks)
        if any(_is_work(b) for b in blocks[i + 1:end]):
            heads.add(i)
    return heads if len(heads) >= MIN_SECTIONS else set()


def _looks_like_heading(block, title: str | None) -> bool:
    if not isinstance(block, Paragraph) or block.is_list_item or "\n" in block.text.strip():
        return False
    text = clean(block.text)
    if not text or len(text) > MAX_HEADING_CHARS or len(text.split()) > MAX_HEADING_WORDS:
        return False
    if text[-1] in ".;,:" or split_label(block)[0] or role_line(text):
        return False
    if is_workplan_heading(text) or is_generic_heading(text) or (title and text in title):
        return False
    if is_activities_header(text) or is_indicative_header(text) or is_furniture(text) \
            or never_a_list_heading(text):
        return False  # a caption ("Table 2: Budget") or a heading of what is no work ("Risks")
    letters = [c for c in text if c.isalpha()]
    capitals = len(letters) >= MIN_CAPS_LETTERS and all(c.isupper() for c in letters) and " " in text
    return block.bold or capitals


def _is_work(block) -> bool:
    """Work under a heading: a work table, labelled items, role lines or a work lead-in."""
    if isinstance(block, Table):
        return not is_glossary(block) and (read_layout(block) is not None or infer_layout(block) is not None)
    text = clean(block.text)
    return bool(text) and bool(split_label(block)[0] or role_line(text) or is_activities_header(text)
                               or is_indicative_header(text))
