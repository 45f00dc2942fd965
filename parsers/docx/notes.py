"""Footnotes and endnotes: their text from footnotes.xml / endnotes.xml, their anchors
from the reference marks the body walk met."""

from __future__ import annotations

import re

from ..diagnostics import make
from ..model import Diagnostic, Note, TrackedChange
from .body import BodyReader
from .package import W
from .stories import Container
from .styles import Styles

SKIPPED_TYPES = frozenset(("separator", "continuationSeparator", "continuationNotice"))
# The sentence the mark annotates starts after the last sentence end before it.
_SENTENCE_END = re.compile(r"[.!?;:]\s+")


def story_text(blocks) -> str:
    """The text of a note or comment story: its blocks joined with "\\n", trimmed."""
    from ..model import _block_text  # the model's own rendering of a block as text
    return "\n".join(_block_text(b) for b in blocks).strip()


def anchor_text(text: str, offset: int) -> str | None:
    """The text a mark at `offset` annotates: the sentence (or cell text) before it,
    or the whole paragraph when the mark starts it; None for an empty paragraph."""
    before = text[:offset]
    starts = [m.end() for m in _SENTENCE_END.finditer(before.rstrip())]
    sentence = before[starts[-1]:] if starts else before
    sentence = sentence.strip() or text.strip()
    return sentence or None


def read_notes(root, kind: str, styles: Styles,
               anchors: dict[tuple[str, str], tuple[int, int, str]],
               changes: list[TrackedChange], diagnostics: list[Diagnostic]) -> list[Note]:
    """The notes of one notes part (`kind` "footnote"/"endnote"), separators left out.

    Tracked changes inside the notes are appended to `changes` (block_id None).
    """
    reader = BodyReader(styles)
    notes = []
    for el in root.iter(W + kind):
        if el.get(W + "type") in SKIPPED_TYPES:
            continue
        note_id = el.get(W + "id") or ""
        ref = f"{kind} {note_id}"
        start = len(reader.changes)
        blocks = reader.read_blocks(el, Container(ref))
        changes.extend(c.freeze(block_id=None) for c in reader.changes[start:])
        anchor = anchors.get((kind, note_id))
        if anchor is None:
            diagnostics.append(make("lost_note_reference", ref, note_id=note_id))
            notes.append(Note(note_id, kind, story_text(blocks), ref))
            continue
        block_id, offset, text = anchor
        notes.append(Note(note_id, kind, story_text(blocks), ref, anchor_block=block_id,
                          anchor_offset=offset, anchor_text=anchor_text(text, offset)))
    known = {(n.kind, n.note_id) for n in notes}
    for kind_, note_id in anchors:
        if kind_ == kind and (kind, note_id) not in known:
            diagnostics.append(make("unresolved_note", f"{kind} {note_id}", note_id=note_id))
    return notes
