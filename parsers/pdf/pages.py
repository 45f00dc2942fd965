"""From pdfplumber pages to page items: what you get back, per page, is the list of
`ParaDraft`s and `TableDraft`s in reading order, the notes at its foot and its
comment annotations; running headers, footers and page numbers are left out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..diagnostics import make
from ..model import Diagnostic
from .annotations import AnnotDraft, read_annotations
from .booktabs import find_booktabs
from .bullets import drawn_bullets
from .footnotes import NoteDraft, note_area_top, notes_from_lines
from .layout import Line, Word, WordIndex, body_size, group_lines, typical_gap
from .lists import set_levels
from .paragraphs import ParaDraft, paragraphs_from_lines
from .rules import rules_of
from .tables import TableDraft, find_table_boxes, grid_from_boxes, mark_headers
from .unruled import find_unruled
from .words import page_words


@dataclass
class RawPage:
    """What one pdfplumber page gave: words, table boxes, rules, annotations."""

    number: int
    width: float
    height: float
    words: list[Word]
    table_boxes: list[tuple]  # (bbox, cell boxes, text right per column or None)
    rules: list[tuple[float, float, float]]
    annots: list[AnnotDraft]
    lines: list[Line] = field(default_factory=list)  # words outside tables
    dropped: Counter = field(default_factory=Counter)  # unreadable glyphs by font


@dataclass
class PageItems:
    number: int
    items: list  # ParaDraft | TableDraft, top to bottom
    notes: list[NoteDraft]
    annots: list[AnnotDraft]
    words: list[Word]


def read_page(page, number: int) -> RawPage:
    """Everything parse_pdf needs from one pdfplumber page."""
    words, dropped = page_words(page, number)
    words += drawn_bullets(page.curves + page.rects, words, number)  # list markers drawn as shapes
    # a ruled frame with no text in it (a slide's empty title box) is a drawing, not a table
    boxes = [(b, cells, None) for b, cells in find_table_boxes(page) if any(_in_box(w, b) for w in words)]
    rules = rules_of(page.edges)
    return RawPage(number, float(page.width), float(page.height), words, boxes, rules,
                   read_annotations(page, number), dropped=dropped)


def _in_box(w: Word, box) -> bool:
    return box[0] - 1 <= w.xc <= box[2] + 1 and box[1] - 1 <= w.yc <= box[3] + 1


def build_pages(raw_pages: list[RawPage], vocab: Counter) -> tuple[list[PageItems], list[Diagnostic]]:
    """Page items for every page, with layout measures taken over the whole document."""
    diags: list[Diagnostic] = []
    for rp in raw_pages:  # running headers and footers are gone already (furniture.py)
        free = [w for w in rp.words if not any(_in_box(w, t[0]) for t in rp.table_boxes)]
        rp.lines = group_lines(free)
    body = body_size([w for rp in raw_pages for ln in rp.lines for w in ln.words] or
                     [w for rp in raw_pages for w in rp.words])

    # split off note areas and unruled tables before measuring the prose
    notes_by_page: list[list[NoteDraft]] = []
    last_note: NoteDraft | None = None
    carry: list[float] | None = None  # columns of an unruled table that ended the page before
    ruled_carry = None  # columns of a booktabs table that ran off the page before
    for rp in raw_pages:
        top = note_area_top(rp.lines, rp.rules, rp.width, rp.height, body)
        notes: list[NoteDraft] = []
        if top is not None:
            notes = notes_from_lines([ln for ln in rp.lines if ln.top > top], last_note)
            rp.lines = [ln for ln in rp.lines if ln.top <= top]
        if notes:
            last_note = notes[-1]
        notes_by_page.append(notes)
        ruled, ruled_carry = find_booktabs(rp.lines, rp.rules, ruled_carry)
        for t in ruled:
            rp.table_boxes.append((t.bbox, t.boxes, t.text_right))
            rp.lines = [ln for ln in rp.lines if not _in_box(ln.words[0], t.bbox)]
        found = find_unruled(rp.lines, carry)
        for t in found:
            rp.table_boxes.append((t.bbox, t.boxes, t.text_right))
            rp.lines = [ln for ln in rp.lines if not _in_box(ln.words[0], t.bbox)]
        ends_page = found and not any(ln.top > found[-1].bbox[3] for ln in rp.lines)
        carry = found[-1].columns if ends_page else None
        rp.table_boxes.sort(key=lambda t: t[0][1])

    prose = [ln for rp in raw_pages for ln in rp.lines]
    gap_limit = typical_gap(prose) + 0.4 * body
    full = [ln.x1 for ln in prose if len(ln.words) >= 6]
    right = _quantile(full, 0.9) if full else max((ln.x1 for ln in prose), default=0.0)

    pages = []
    for rp, notes in zip(raw_pages, notes_by_page, strict=False):
        marks = {n.mark for n in notes}
        items: list = []
        tables = []
        index = WordIndex(rp.words)
        for box, cells, text_right in rp.table_boxes:
            table = grid_from_boxes(rp.number, box, cells)
            if text_right is not None:
                for row in table.rows:
                    for cell in row.cells:
                        cell.text_right = text_right[min(cell.col + cell.col_span, len(text_right)) - 1]
            _fill(table, index, body, vocab, marks)
            mark_headers(table)
            tables.append(table)
        # prose between tables never joins across a table
        cuts = [t.bbox[1] for t in tables] + [float("inf")]
        start = 0
        for t_i, cut in enumerate(cuts):
            run = [ln for ln in rp.lines[start:] if ln.top < cut]
            start += len(run)
            items.extend(paragraphs_from_lines(run, right, gap_limit, vocab, marks))
            if t_i < len(tables):
                items.append(tables[t_i])
        items.sort(key=lambda it: it.top if isinstance(it, ParaDraft) else it.bbox[1])
        for annot in rp.annots:
            if annot.missing:
                for key in annot.missing:
                    diags.append(make("annotation_incomplete", f"page {rp.number}", page=rp.number, key=key))
        pages.append(PageItems(rp.number, items, notes, rp.annots, rp.words))
    return pages, diags


def _fill(table: TableDraft, words: WordIndex, body: float, vocab: Counter, marks: set[str]) -> None:
    """Put each cell's words into the cell as paragraphs."""
    for row in table.rows:
        for cell in row.cells:
            if cell.merged:
                continue
            inside = words.within(cell.bbox)
            lines = group_lines(inside)
            if not lines:
                continue
            pad = min(max(min(ln.x0 for ln in lines) - cell.bbox[0], 1.0), 8.0)
            right = cell.text_right if cell.text_right is not None else cell.bbox[2] - pad
            gap = typical_gap(lines) if len(lines) > 3 else 0.25 * body
            cell.paras = paragraphs_from_lines(lines, right, gap + 0.4 * body, vocab, marks, in_cell=True)
            set_levels(cell.paras)


def _quantile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def document_vocab(words: list[Word]) -> Counter:
    """How often each lower-case word occurs in the document; a word cut by a
    hyphen at a line end is not counted (its halves are no evidence)."""
    vocab: Counter = Counter()
    for w in words:
        if w.text.endswith("-"):
            continue
        for token in re.findall(r"\w[\w-]*\w|\w", w.text.lower()):
            vocab[token] += 1
    return vocab
