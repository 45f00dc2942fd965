"""What pandoc's plain-text writer adds to a text besides tables: footnotes as "[1]"
marks with the notes' texts at the end ("[1] To be aligned ..."), and paragraphs
wrapped at 72 columns with a blank line between paragraphs.

Hand-written because no library reads pandoc's plain output back.
"""

from __future__ import annotations

import re

from ..vocabulary import MARKDOWN_BULLETS, SYMBOL_BULLETS, char_class
from .drafts import NoteDraft, ParaDraft, TableDraft
from .inline import LineReader

NOTE_DEF = re.compile(r"^\[(\d{1,4})\] (.*)$")
NOTE_MARK = re.compile(r"\[(\d{1,4})\]")
WRAP_WIDTH = 72  # pandoc's default --columns
MIN_WRAPPED = 3  # blocks of several lines filling the width that show the text is wrapped
# A tight list's next item: a number or letter label, a bullet pandoc writes ("-", "*",
# "+") or a symbol that is only ever a bullet; not "–" or "o", which may start a wrapped line.
LIST_START = re.compile(r"^ *(?:" + char_class(SYMBOL_BULLETS | MARKDOWN_BULLETS)
                        + r"|\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{2,5})[.)]) +\S")


def take_notes(lines: list[str]) -> list[NoteDraft]:
    """The trailing note texts ("[1] ...", "[2] ...", numbered from 1 in order, with
    their continuation lines), blanked in `lines`; [] when the text does not end so."""
    start = None
    for i, line in enumerate(lines):
        m = NOTE_DEF.match(line)
        if m and m.group(1) == "1" and (i == 0 or not lines[i - 1].strip()):
            start = i  # the last "[1] " that opens a block wins
    if start is None:
        return []
    notes: list[NoteDraft] = []
    for i in range(start, len(lines)):
        line = lines[i]
        m = NOTE_DEF.match(line)
        fresh = not lines[i - 1].strip() if i > start else True
        if m and fresh and m.group(1) == str(len(notes) + 1):
            notes.append(NoteDraft(m.group(1), "footnote", m.group(2).strip(), i + 1))
        elif line.strip() and notes and (not fresh or line.startswith(" ")):
            sep = "\n" if fresh else " "  # an indented block is the note's next paragraph
            notes[-1].text = f"{notes[-1].text}{sep}{line.strip()}"
        elif line.strip():
            return []  # body text after the notes: these were not pandoc's notes
    for i in range(start, len(lines)):
        lines[i] = ""
    return notes


def link_marks(items: list[ParaDraft | TableDraft], notes: list[NoteDraft]) -> None:
    """Turn the first "[N]" of each note N (in reading order) into a reference mark."""
    waiting = {n.note_id for n in notes}
    for para in _paragraphs(items):
        if not waiting or "[" not in para.text:
            continue
        pieces, last, length = [], 0, 0
        for m in NOTE_MARK.finditer(para.text):
            if m.group(1) not in waiting:
                continue
            waiting.discard(m.group(1))
            pieces.append(para.text[last:m.start()])
            length += m.start() - last
            para.refs.append((f"footnote:{m.group(1)}", length))
            last = m.end()
        if pieces:
            pieces.append(para.text[last:])
            para.text = "".join(pieces)


def _paragraphs(items: list[ParaDraft | TableDraft]):
    for item in items:
        if isinstance(item, ParaDraft):
            yield item
        else:
            for row in item.rows:
                for cell in row:
                    yield from cell.paras


def _blocks(lines: list[str]) -> list[list[int]]:
    """Line numbers of each blank-separated block."""
    blocks: list[list[int]] = [[]]
    for i, line in enumerate(lines):
        if line.strip():
            blocks[-1].append(i)
        elif blocks[-1]:
            blocks.append([])
    return blocks


def is_wrapped(lines: list[str]) -> bool:
    """True when the text (tables blanked) looks wrapped by pandoc: no line beyond
    WRAP_WIDTH (pipe-table rows aside) and at least MIN_WRAPPED multi-line blocks whose first line fills it."""
    # a pipe-table row is as wide as its widest cell: pandoc never wraps those
    if any(len(line) > WRAP_WIDTH for line in lines if not line.lstrip().startswith("|")):
        return False
    wrapped = [b for b in _blocks(lines) if len(b) > 1 and len(lines[b[0]]) > WRAP_WIDTH - 20]
    return len(wrapped) >= MIN_WRAPPED


def unwrap(lines: list[str]) -> bool:
    """Join the lines of each blank-separated block into its first line (the others
    blanked) when the text is wrapped pandoc-style: no line beyond WRAP_WIDTH and
    several blocks that fill it. Returns whether it did. A text written one paragraph
    a line (LibreOffice "Text") has long lines or no such blocks, and is left alone."""
    if not is_wrapped(lines):
        return False
    for block in _blocks(lines):
        first = None
        for i in block:
            if first is None or LIST_START.match(lines[i]):
                first = i
            else:
                lines[first] = f"{lines[first].rstrip()} {lines[i].strip()}"
                lines[i] = ""
    return True


def read_cell(text: str, line: int) -> list[ParaDraft]:
    """The paragraphs of one plain table-cell paragraph: its wrapped lines joined, a
    tight list's items kept apart, bullets read as list labels."""
    reader = LineReader()
    paras: list[ParaDraft] = []
    for k, part in enumerate(text.split("\n")):
        if paras and not LIST_START.match(part):
            paras[-1].text = f"{paras[-1].text} {part.strip()}"
        else:
            paras.append(reader.read(part.strip(), line + k))
    return paras
