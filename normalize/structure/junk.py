"""Text that is never a work item, whatever list or table it sits in (issue 10):
contents lines, figure and table captions, running prose, and the kind of
document a plan without work structure seems to be.

Each test looks at the text alone, so every detector can ask it; words live in
data/workitems.json (`never_items`).
"""

from __future__ import annotations

import functools
import re

from parsers.model import Paragraph, Table

from ..data import load_json
from .headings import names_workplan
from .labels import clean

# Running prose: several sentences, or one very long one. A work item is a line;
# an item that needs three sentences is a description, and its first sentence is
# the item (the detectors cut there).
PROSE_MIN_SENTENCES = 3
PROSE_MIN_CHARS = 400

_CONTENTS = re.compile(r"(?:\.\s?){4,}\s*\d+\s*$|(?:\s|\.)\.{2,}\s*[ivxlc\d]+\s*$|\t\d+\s*$", re.I)
# "Annex 2:", "3.", "B)", "2.1 " before a heading's words
_CONTENTS_ENTRY_END = re.compile(r"(?:\.\s?){3,}\s*[ivxlc\d]+\b|\t\d+\b|\n", re.I)
_LEADING_LABEL = re.compile(r"^(?:(?:annex|annexe|anexo|appendix|section|part|partie|parte)\s+[\da-z]+[.:)\u2013-]?\s*"
                            r"|(?:\d+(?:\.\d+)*|[a-z]|[ivx]+)[.):\u2013-]\s*|\d+(?:\.\d+)*\s+)", re.I)
# A numbered line whose first words name the plan ("Workplan tables - ...") is a heading.
WORKPLAN_OPENING_WORDS = 3
_BACK_LINK = re.compile(r"\u21a9[\ufe0e\ufe0f]?\s*$")
_SENTENCE_END = re.compile(r"[.!?](?:\s+|$)(?=[A-Z\u00c0-\u00dd]|$)")


@functools.cache
def _never() -> dict:
    return load_json("workitems.json")["never_items"]


@functools.cache
def _caption_re() -> re.Pattern:
    words = "|".join(re.escape(w) for w in _never()["caption_words"])
    return re.compile(rf"^\s*(?:{words})\s+[\dIVX]+[.:\u2013-]?\s", re.I)


def is_contents_line(text: str) -> bool:
    """A table-of-contents line: dot leaders or a tab before a page number."""
    return bool(_CONTENTS.search(text or ""))


def is_caption(text: str) -> bool:
    """A figure or table caption ("Figure 1. Relationship between ...")."""
    return bool(_caption_re().match(clean(text)))


def is_prose(text: str) -> bool:
    """Running prose rather than an item: several sentences, or a very long text."""
    text = clean(text)
    return len(text) >= PROSE_MIN_CHARS or len(_SENTENCE_END.findall(text)) >= PROSE_MIN_SENTENCES


def never_a_list_heading(text: str) -> bool:
    """A heading whose list is not planned work: beneficiaries, personnel, budget,
    risks, acronyms, references, ideas kept for later."""
    key = _LEADING_LABEL.sub("", clean(text).lower()).rstrip(":")
    # The heading must start with the word: "Increase staff data skills" is work.
    return any(re.match(rf"{re.escape(w)}(?!\w)", key) for w in _never()["list_headings"])


def contents_titles(blocks) -> frozenset[str]:
    """The titles a table of contents lists, as keys for `in_contents`
    ("1.1. The project summary.......3" -> "the project summary")."""
    # a contents paragraph may hold several entries run together: cut at each page number
    return frozenset(key for b in blocks if isinstance(b, Paragraph) and is_contents_line(b.text)
                     for entry in _CONTENTS_ENTRY_END.split(b.text) if (key := _title_key(entry)))


def in_contents(text: str, titles: frozenset[str]) -> bool:
    """True when the text is a title the table of contents lists: a heading, even
    when it is numbered like a list item."""
    return bool(titles) and _title_key(text) in titles


def _title_key(text: str) -> str:
    return _LEADING_LABEL.sub("", clean(text).lower()).strip(" .:")


def names_milestones(header: str) -> bool:
    """True for an item column headed "Milestone title", "Jalon", "Hitos": checkpoints."""
    words = re.findall(r"\w+", clean(header).lower())
    return any(w.rstrip("s") in _never()["milestone_headers"] for w in words[:2])


def is_heading_text(text: str, contents: frozenset[str] = frozenset()) -> bool:
    """A numbered line that is a heading, not an item: a title the table of contents
    lists, one whose first words name the plan itself ("1.3. Workplan tables"), or one
    over a list of no work ("1.2. List of beneficiaries")."""
    opening = " ".join(clean(text).split()[:WORKPLAN_OPENING_WORDS])
    return in_contents(text, contents) or never_a_list_heading(text) or names_workplan(opening)


def is_furniture(text: str) -> bool:
    """A contents line or a caption: the document's furniture, never its content."""
    return is_contents_line(text) or is_caption(text)


def is_item_text(text: str) -> bool:
    """False for text no detector may turn into a work item; a note closed by an HTML
    export's "↩" back link is a note, however it is numbered."""
    text = clean(text)
    return bool(text) and not (is_contents_line(text) or is_caption(text) or is_prose(text)
                               or _BACK_LINK.search(text) is not None)


# A code or acronym in a glossary's first column: "PU", "EU-RES", "TA-uc", "UNEP".
_CODE = re.compile(r"^[A-Z][A-Za-z0-9&./-]{0,11}$")
# Most first-column cells must be codes: one heading-like cell may sit among them.
GLOSSARY_MIN_SHARE = 0.8


def is_glossary(table: Table) -> bool:
    """A two-column table of codes and what they mean (acronyms, dissemination levels):
    a key to the document, never work (issue 10)."""
    if table.n_cols != 2:
        return False
    firsts = [clean(row[0].text) for row in table.grid if row and row[0] is not None and clean(row[0].text)]
    return len(firsts) >= 2 and sum(bool(_CODE.match(f)) for f in firsts) >= GLOSSARY_MIN_SHARE * len(firsts)
