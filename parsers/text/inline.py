"""What one line of a Tika / POI text export carries besides its text: note marks
("[footnoteRef:1]"), note texts ("[1:  text]"), appended reviewer comments
("TAB Comment by AUTHOR: text") and a leading bullet glyph.

Hand-written because no library reads this export convention. Every scan is a
single left-to-right pass (no nested quantifiers), so a line of tens of MB costs
linear time.
"""

from __future__ import annotations

import re

from ..vocabulary import LEADING_BULLET
from .drafts import ParaDraft

REF = re.compile(r"\[(footnote|endnote)Ref:(\d{1,6})\]")
NOTE_OPEN = re.compile(r"\[(\d{1,6}):\s")
BRACKET = re.compile(r"[\[\]]")
COMMENT_MARK = "\tComment by "
LOST_MARK = "\ufffd"


def _note_spans(line: str, wanted: set[str]) -> list[tuple[int, int, str]]:
    """(start, end, id) of each balanced "[N: ...]" whose N is in `wanted`, outermost only."""
    spans: list[tuple[int, int, str]] = []
    stack: list[tuple[int, str | None]] = []
    open_notes = 0  # note brackets on the stack (a counter keeps the scan linear)
    for m in BRACKET.finditer(line):
        pos = m.start()
        if m.group() == "[":
            opened = NOTE_OPEN.match(line, pos)
            stack.append((pos, opened.group(1) if opened else None))
            open_notes += opened is not None
        elif stack:
            start, note_id = stack.pop()
            if note_id is None:
                continue
            open_notes -= 1
            if note_id in wanted and open_notes == 0:
                spans.append((start, pos + 1, note_id))
                wanted = wanted - {note_id}  # one text per mark; a repeat stays in the text
    return spans


def _split_comments(line: str) -> tuple[str, list[tuple[str | None, str]]]:
    """The line's own text and its (author, text) comments."""
    parts = line.split(COMMENT_MARK)
    comments: list[tuple[str | None, str]] = []
    for part in parts[1:]:
        colon = part.find(": ", 0, 300)
        if colon < 0:
            colon = part.find(":", 0, 300)
        if colon < 0:
            comments.append((None, part.strip()))
        else:
            comments.append((part[:colon].strip() or None, part[colon + 1:].strip()))
    return parts[0], comments


class LineReader:
    """Turns lines into ParaDrafts, remembering which note marks still wait for
    their text (Tika writes the text after the mark, in the same paragraph)."""

    def __init__(self) -> None:
        self.pending: dict[str, str] = {}  # number -> slot, for marks still without text
        self.serial = 0

    def read(self, line: str, lineno: int) -> ParaDraft:
        """The paragraph that `line` holds (the cell-opening TAB already removed)."""
        if line.lstrip(" ").startswith(LOST_MARK):
            return ParaDraft(text=line.lstrip(" ")[1:].strip(), line=lineno, lost_note=True)
        slots: dict[str, str] = {}  # number -> slot of the marks in this line
        if "Ref:" in line:
            for m in REF.finditer(line):
                kind, number = m.groups()
                if number not in self.pending:  # a repeated mark before the text cites the same note
                    self.serial += 1
                    self.pending[number] = f"{kind}:{number}#{self.serial}"
                slots[number] = self.pending[number]
        bodies: list[tuple[str, str]] = []
        if self.pending and ":" in line:
            spans = _note_spans(line, set(self.pending))
            if spans:
                pieces, last = [], 0
                for start, end, number in spans:
                    # The exporter puts one space before the note text; it is not the paragraph's
                    cut = start - 1 if start > last and line[start - 1] == " " else start
                    pieces.append(line[last:cut])
                    body = line[start + 1:end - 1]
                    bodies.append((self.pending.pop(number), body[body.index(":") + 1:].strip()))
                    last = end
                pieces.append(line[last:])
                line = "".join(pieces)
        text, comments = _split_comments(line) if COMMENT_MARK in line else (line, [])
        draft = ParaDraft(text=text, line=lineno, bodies=bodies, comments=comments)
        # A bullet glyph (parsers/data/glyphs.json) set apart at the start of the line.
        # Numbered labels ("1)", "a)", "A.") stay in the text: the export flattened Word's
        # numbering, so typed and generated labels look alike (normalizers split them).
        bullet = LEADING_BULLET.match(text)
        if bullet:
            draft.list_label, draft.list_kind, draft.list_level = bullet.group(1), "bullet", 0
            text = text[bullet.end():]
        if slots:
            # Remove the marks and remember where each stood in the final text.
            pieces, last, refs, length = [], 0, [], 0
            for m in REF.finditer(text):
                pieces.append(text[last:m.start()])
                length += m.start() - last
                refs.append((slots[m.group(2)], length))
                last = m.end()
            pieces.append(text[last:])
            text = "".join(pieces)
            draft.refs = refs
        draft.text = text
        return draft
