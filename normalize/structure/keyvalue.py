"""The key-value detector: a titled work item followed by labelled lines.

    Action 3: Develop a Data Ethics Framework
    GSA will work with academia ... (description)
    Responsible: General Services Administration
    Timeline: Completed within 3 months

A paragraph whose text opens with an item word and a number ("Action 3:", "Task
2.1", "Livrable 4 –") or a bare identifier ("WP4", "D4.5") is a title; it makes a
work item only when at least one labelled line that names a role, a time frame or
a status follows it before the next title or heading. The title alone proves
nothing (a table of contents repeats every title), so the labelled lines are the
evidence. Words live in data/workitems.json.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from parsers.model import Block, Paragraph, Table

from ..data import load_json
from .headings import is_generic_heading, is_workplan_heading, keyword_heading
from .labels import clean

# How far below its title a labelled line may sit: an action's description rarely
# runs past a page, and a farther "Timeline:" belongs to something else.
MAX_BLOCKS_PER_ITEM = 30
# A title is one line of a heading's length; longer text is prose that happens to
# start with "Action 1".
MAX_TITLE_CHARS = 200
# Labelled lines looked at under a heading to tell a work item from a section
MAX_FIELD_LINES = 6


@dataclass
class KeyValueItem:
    """One work item read from a key-value block.

    start / end: the block indexes it covers (end exclusive), title included.
    label: the title's label as displayed ("Action 3", "WP4"); kind: activity | output.
    roles: (role, value, source_ref) for lead / responsible / contributor lines.
    timeline: (value, source_ref) of the first time-frame line; None when none.
    """

    start: int
    end: int
    label: str
    title: str
    kind: str
    source_ref: str
    roles: list[tuple[str, str, str]] = field(default_factory=list)
    timeline: tuple[str, str] | None = None
    status: str | None = None
    block_ids: list[int] = field(default_factory=list)


@functools.cache
def _vocabulary() -> dict:
    return load_json("workitems.json")


def _words_re(words) -> str:
    ordered = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@functools.cache
def _title_re() -> re.Pattern:
    words = [w for group in _vocabulary()["item_words"].values() for w in group]
    return re.compile(
        rf"^\s*(?P<label>(?:{_words_re(words)})\s*(?:n[°o]\.?\s*|no\.\s*|#\s*)?"
        r"\d+(?:\.\d+)*[a-z]?)\s*(?:[:.)\u2013\u2014-]\s*|\s+)(?P<title>\S.*)$", re.I | re.S)


@functools.cache
def _identifier_re() -> re.Pattern:
    ids = [p for key, group in _vocabulary()["identifiers"].items() if key != "_doc" for p in group]
    prefixes = "|".join(sorted(ids, key=len, reverse=True))
    return re.compile(rf"^\s*(?P<label>(?:{prefixes})\s?\d+(?:\.\d+)*)\s*(?:[:.)\u2013\u2014-]\s*|\s+)"
                      r"(?P<title>\S.*)$", re.S)


@functools.cache
def _key_re() -> re.Pattern:
    words = [w for key, group in _vocabulary()["key_labels"].items() for w in group]
    return re.compile(rf"^\s*\(?(?P<key>{_words_re(words)})\s*(?:\(s\))?\s*:\s*(?P<value>.*)$", re.I | re.S)


@functools.cache
def _key_kinds() -> dict[str, str]:
    return {w.lower(): kind for kind, group in _vocabulary()["key_labels"].items() for w in group}


@functools.cache
def _kind_of_word() -> dict[str, str]:
    return {w.lower(): kind for kind, group in _vocabulary()["item_words"].items() for w in group}


_LEAD_MARK = re.compile(r"\s*\((?:lead|leader|chef de file|líder)\)", re.I)
_DOT_LEADER = re.compile(r"(?:\.\s*){4,}\s*\d*\s*$|\s\d{1,3}\s*$")


def title_of(text: str) -> tuple[str, str, str] | None:
    """(label, title, kind) when `text` is a work item's title line, else None."""
    text = clean(text)
    if not text or len(text) > MAX_TITLE_CHARS or _DOT_LEADER.search(text):
        return None
    m = _title_re().match(text) or _identifier_re().match(text)
    if not m:
        return None
    label = clean(m.group("label"))
    word = re.sub(r"[\d.\s#°]+[a-z]?$|\s*n[°o]\.?$", "", label, flags=re.I).strip().lower()
    kind = _kind_of_word().get(word) or _identifier_kind(label)
    title = clean(m.group("title")).rstrip(":")
    return (label, title, kind) if title else None


def _identifier_kind(label: str) -> str:
    prefix = re.match(r"[A-Z]+", label)
    ids = _vocabulary()["identifiers"]
    return "output" if prefix and prefix.group(0) in ids.get("output", ()) else "activity"


def key_line(text: str) -> tuple[str, str] | None:
    """(kind, value) for a labelled line ("Responsible: GSA" -> ("responsible", "GSA")),
    kind one of lead | responsible | contributor | timeline | status; None otherwise."""
    m = _key_re().match(clean(text))
    if not m:
        return None
    key = re.sub(r"\s+", " ", m.group("key").lower())
    value = clean(m.group("value")).rstrip(";,.").strip()
    if value.count(")") > value.count("("):  # "(Lead: UNHCR)": the field's own bracket
        value = value[:value.rindex(")")].strip()
    return _key_kinds()[key], value


@functools.cache
def _inline_key_re() -> re.Pattern:
    words = [w for key, group in _vocabulary()["key_labels"].items() for w in group]
    return re.compile(rf"\s(?=\(?(?:{_words_re(words)})\s*(?:\(s\))?\s*:)", re.I)


# Project months after a title: "M0-M48", "M6-M12@.2; M22-M24" (EU grant task lines)
# or in brackets: "Task 3.1: Requirements analysis (M1-M6)"
_TRAILING_MONTHS = re.compile(r"\s+\(?(M\d+(?:\s*[-\u2013]\s*M\d+)?(?:@[\d.]+)?(?:\s*;\s*M\d+\S*)*)\)?\s*$")


def fields_of(line: str) -> list[str]:
    """A labelled line cut where a second label starts ("Lead: A; Partners: B"); a
    line that does not open with a label stays whole (its words are not fields)."""
    parts = _inline_key_re().split(clean(line))
    return parts if key_line(parts[0]) else [line]


# where a field inside an item's text ends: a spaced dash, a semicolon, a closing bracket
_FIELD_END = re.compile(r"\s[\u2013\u2014-]\s|;|\)")
_ROLE_KINDS = ("lead", "responsible", "contributor")


def inline_roles(text: str) -> list[tuple[str, str]]:
    """(role, holder) for the labelled role fields inside a list item's own text:
    "Publish guidelines – Lead: OCHA – by June" or "Set up a portal (Lead: UNHCR;
    Q2 2024)" -> [("lead", "OCHA")]; [] for an item without one."""
    found = []
    for part in _inline_key_re().split(clean(text))[1:]:
        field = key_line(part)
        if field and field[0] in _ROLE_KINDS:
            holder = _FIELD_END.split(field[1])[0].strip(" ,.")
            if holder:
                found.append((field[0], holder))
    return found


def split_title_line(text: str) -> tuple[str, list[str], str | None]:
    """(title part, inline labelled fields, trailing project months) of a title line
    that carries its fields on the same line: "T1.1 Project management M0-M48 Sites:
    UPSud (lead), CNRS" -> ("T1.1 Project management", ["Sites: UPSud (lead), CNRS"], "M0-M48")."""
    parts = _inline_key_re().split(clean(text))
    head, fields = parts[0], parts[1:]
    months = _TRAILING_MONTHS.search(head)
    if months and title_of(head[:months.start()]):
        return head[:months.start()], fields, months.group(1)
    return head, fields, None


def _heading_title(blocks: list[Block], i: int) -> tuple[None, str, str] | None:
    """(None, title, "activity") for an unnumbered heading right above labelled lines
    that name both who and when ("Heat risk mapping" / "Lead: UN-Habitat" / "Timeline:
    Q1-Q2 2025"): a work item, where a section's lines name only who leads it."""
    p = blocks[i]
    text = clean(p.text)
    if not p.heading_level or (p.style or "").lower() == "title" or not text or len(text) > MAX_TITLE_CHARS \
            or keyword_heading(text) or is_generic_heading(text) or is_workplan_heading(text):
        return None
    kinds: set[str] = set()
    for b in blocks[i + 1:i + 1 + MAX_FIELD_LINES]:
        if not isinstance(b, Paragraph) or b.heading_level:
            break
        if not clean(b.text):
            continue
        found = [f for line in b.text.split("\n") for part in fields_of(line) if (f := key_line(part))]
        if not found:
            break
        kinds.update(kind for kind, _ in found)
    return (None, text, "activity") if "timeline" in kinds and kinds & {"lead", "responsible"} else None


def find_key_value_items(blocks: list[Block]) -> list[KeyValueItem]:
    """Every key-value work item among `blocks` (a story's top-level blocks), in order."""
    titles = [(i, t, split) for i, b in enumerate(blocks)
              if isinstance(b, Paragraph) and (t := title_of((split := split_title_line(b.text))[0])
                                               or _heading_title(blocks, i))]
    items = []
    for n, (i, (label, title, kind), (_, inline, months)) in enumerate(titles):
        limit = min(titles[n + 1][0] if n + 1 < len(titles) else len(blocks), i + 1 + MAX_BLOCKS_PER_ITEM)
        item = KeyValueItem(i, i + 1, label, title, kind, blocks[i].source_ref, block_ids=[blocks[i].block_id])
        if months:
            item.timeline = (months, blocks[i].source_ref)
        for field_text in inline:
            found = key_line(field_text)
            if found:
                _add(item, found, blocks[i].source_ref)
        for j in range(i + 1, limit):
            b = blocks[j]
            if isinstance(b, Paragraph) and (b.heading_level or keyword_heading(b.text)) and not key_line(b.text):
                break  # a heading ("Strategic objective 2: ...") closes the item
            item.end = j + 1
            item.block_ids.append(b.block_id)
            if isinstance(b, Table):
                continue
            for line in b.text.split("\n"):
                # "Lead: UNIGE; Participants: UPSud, Simula": one line, two fields
                for field_text in fields_of(line):
                    found = key_line(field_text)
                    if found:
                        _add(item, found, b.source_ref)
        if item.roles or item.timeline or item.status:
            items.append(item)  # what follows up to the next title is its description
    return items


def _add(item: KeyValueItem, found: tuple[str, str], source_ref: str) -> None:
    kind, value = found
    if not value:
        return
    if kind == "timeline":
        item.timeline = item.timeline or (value, source_ref)
    elif kind == "contributor" and _LEAD_MARK.search(value):
        # "Sites: UPSud (lead), CNRS": the marked one leads, the others contribute
        pieces = [p.strip() for p in value.split(",") if p.strip()]
        leads = [_LEAD_MARK.sub("", p).strip() for p in pieces if _LEAD_MARK.search(p)]
        others = [p for p in pieces if not _LEAD_MARK.search(p)]
        item.roles.append(("lead", ", ".join(leads), source_ref))
        if others:
            item.roles.append(("contributor", ", ".join(others), source_ref))
    elif kind == "status":
        item.status = item.status or value
    else:
        item.roles.append((kind, value, source_ref))
