"""Footnotes at the page foot: what you get back is where the note area starts and
the notes in it (mark, text), so that the body can drop the matching superscript
marks and link them to their notes.

A note area is found by the short separator rule Word and LibreOffice draw above
it, or else by a run of small-print lines at the bottom that start with a mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .layout import Line, join_words

MARK = re.compile(r"^(\d{1,3}|[*†‡§¶]{1,3}|[a-z])$")


@dataclass
class NoteDraft:
    """One note as found at a page foot."""

    mark: str
    text: str
    page: int
    top: float


def note_area_top(lines: list[Line], rules: list[tuple[float, float, float]], page_width: float,
                  page_height: float, body: float) -> float | None:
    """The y where the note area starts (below the separator), None when the page has none.

    rules: horizontal rules on the page as (x0, x1, y).
    """
    # Notes are small print, or (pandoc's Word styles) body-size text after a small mark.
    def note_like(ln: Line) -> bool:
        return ln.size < body - 0.4 or _starts_with_mark(ln)

    small_below = [ln for ln in lines if ln.top > page_height * 0.4 and note_like(ln)]
    if not small_below:
        return None
    for x0, x1, y in sorted(rules, key=lambda r: r[2]):
        width = x1 - x0
        if not (15 < width < 0.5 * page_width) or y < page_height * 0.4:
            continue
        below = [ln for ln in lines if ln.top > y]
        # a short separator with a raised mark under it opens the notes, whatever their size
        if below and _starts_with_mark(below[0]):
            return y
    # no rule: the run of small lines at the very bottom that starts with a mark
    run: list[Line] = []
    for ln in reversed(lines):
        if ln.size < body - 0.4:
            run.append(ln)
        else:
            break
    run.reverse()
    if run and _starts_with_mark(run[0]) and run[0].top > page_height * 0.5:
        return run[0].top - 0.5
    return None


def _starts_with_mark(line: Line) -> bool:
    first = line.words[0]
    return bool(MARK.match(first.text)) and (line.sup[0] or first.size < line.size - 1.0
                                             or (len(line.words) > 1 and first.size < line.words[1].size))


def notes_from_lines(lines: list[Line], previous: NoteDraft | None) -> list[NoteDraft]:
    """The notes in a note area's lines. Lines before the first mark continue the
    previous page's last note (`previous`, changed in place)."""
    notes: list[NoteDraft] = []
    for ln in lines:
        first = ln.words[0]
        if _starts_with_mark(ln) or (MARK.match(first.text) and len(ln.words) > 1
                                      and first.size < ln.words[1].size - 0.5):
            rest = join_words(ln.words[1:])
            notes.append(NoteDraft(first.text, rest, ln.page, ln.top))
        elif notes:
            notes[-1].text = _join(notes[-1].text, ln.text)
        elif previous is not None:
            previous.text = _join(previous.text, ln.text)
    return notes


def _join(text: str, more: str) -> str:
    if text.endswith("-") and more[:1].islower():
        return text + more
    return f"{text} {more}".strip()


# the "↩" back link that closes a note in HTML exports (pandoc, wikis), as a browser prints it
BACK_LINK = re.compile(r"\s*\u21a9[\ufe0e\ufe0f]?\s*$")


def take_endnotes(pages) -> None:
    """Notes an HTML export prints at the document's end: a numbered paragraph
    ("1. Activities will be ...↩") closed by the back-link arrow is the note its
    number names, moved from the page's items to its notes (linked by `assemble`)."""
    for page in pages:
        keep = []
        for item in page.items:
            text = getattr(item, "text", None)
            label = getattr(item, "label", None) or ""
            mark = label.strip(".)")
            if text and BACK_LINK.search(text) and MARK.match(mark or "-"):
                page.notes.append(NoteDraft(mark, BACK_LINK.sub("", text).strip(), page.number, item.top))
            else:
                keep.append(item)
        page.items = keep
