"""From pdfplumber pages to page items: what you get back, per page, is the list of
`ParaDraft`s and `TableDraft`s in reading order, the notes at its foot and its
comment annotations; running headers, footers and page numbers are left out.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from dataclasses import dataclass, field

from ..diagnostics import make
from ..model import Diagnostic
from .annotations import AnnotDraft, quad_text, read_annotations
from .booktabs import find_booktabs
from .bullets import drawn_bullets
from .fills import fill_of, filled_rects
from .footnotes import NoteDraft, note_area_top, notes_from_lines
from .furniture import EdgeLine, edge_lines
from .layout import (
    Line,
    Word,
    WordIndex,
    count_sizes,
    group_lines,
    line_gaps,
    median_gap,
    most_common_size,
    typical_gap,
)
from .lists import set_levels
from .packed import PackedLines, PackedWords, pack_boxes, unpack_boxes
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
    words: PackedWords | None  # None once the page's items are built
    table_boxes: list[tuple]  # (bbox, cell boxes (packed.pack_boxes), text right per column or None)
    rules: list[tuple[float, float, float]]
    annots: list[AnnotDraft]
    edge_lines: list[EdgeLine] = field(default_factory=list)  # furniture candidates (furniture.py)
    fills: list[tuple] = field(default_factory=list)  # (box, colour) of filled rectangles (fills.py)
    lines: PackedLines | None = None  # words outside tables, once grouped
    dropped: Counter = field(default_factory=Counter)  # unreadable glyphs by font


@dataclass
class Counts:
    """What measures over the whole document need from each page as it is read."""

    words: int = 0
    vocab: Counter = field(default_factory=Counter)  # see `count_vocab`
    sizes: Counter = field(default_factory=Counter)  # characters by font size (`layout.count_sizes`)

    def add(self, words: list[Word]) -> None:
        self.words += len(words)
        count_vocab(words, self.vocab)
        count_sizes(words, self.sizes)


@dataclass
class PageItems:
    number: int
    items: list  # ParaDraft | TableDraft, top to bottom
    notes: list[NoteDraft]
    annots: list[AnnotDraft]  # each with its anchor_text (the words under its quads)


def read_page(page, number: int, counts: Counts) -> RawPage:
    """Everything parse_pdf needs from one pdfplumber page; its words are added
    to `counts` once the page has been read whole."""
    words, dropped = page_words(page, number)
    words += drawn_bullets(page.curves + page.rects, words, number)  # list markers drawn as shapes
    # a ruled frame with no text in it (a slide's empty title box) is a drawing, not a table
    boxes = [(b, pack_boxes(cells), None) for b, cells in find_table_boxes(page)
             if any(_in_box(w, b) for w in words)]
    rules = rules_of(page.edges)
    width, height = float(page.width), float(page.height)
    annots = read_annotations(page, number)
    edges = edge_lines(words, boxes, width, height)
    counts.add(words)
    return RawPage(number, width, height, PackedWords(words, number), boxes, rules, annots, edges,
                   fills=filled_rects(page.rects) if boxes else [], dropped=dropped)


def _in_box(w: Word, box) -> bool:
    return box[0] - 1 <= w.xc <= box[2] + 1 and box[1] - 1 <= w.yc <= box[3] + 1


def build_pages(raw_pages: list[RawPage], vocab: Counter) -> tuple[list[PageItems], list[Diagnostic]]:
    """Page items for every page, with layout measures taken over the whole document.

    Three passes, a page at a time, each taking a measure the next one needs: the
    body size (from the lines outside ruled tables), then the line spacing and text
    width (from the prose left once note areas and unruled tables are split off),
    then the items. A page's words are released once its items are built.
    """
    body = _group_lines(raw_pages)
    notes_by_page, gaps, full, widest = _split_off(raw_pages, body)
    gap_limit = median_gap(gaps) + 0.4 * body
    right = _quantile(full, 0.9) if full else (0.0 if widest is None else widest)

    diags: list[Diagnostic] = []
    pages = []
    for rp, notes in zip(raw_pages, notes_by_page, strict=False):
        words = rp.words.unpack()
        lines = rp.lines.unpack(words)
        rp.words = rp.lines = None
        marks = {n.mark for n in notes}
        items: list = []
        tables = []
        index = WordIndex(words)
        for box, cells, text_right in rp.table_boxes:
            table = grid_from_boxes(rp.number, box, unpack_boxes(cells))
            if text_right is not None:
                for row in table.rows:
                    for cell in row.cells:
                        cell.text_right = text_right[min(cell.col + cell.col_span, len(text_right)) - 1]
            for row in table.rows:
                for cell in row.cells:
                    cell.fill = fill_of(cell.bbox, rp.fills)  # a Gantt bar drawn as a shaded cell
            _fill(table, index, body, vocab, marks)
            mark_headers(table)
            tables.append(table)
        # prose between tables never joins across a table
        cuts = [t.bbox[1] for t in tables] + [float("inf")]
        start = 0
        for t_i, cut in enumerate(cuts):
            run = [ln for ln in lines[start:] if ln.top < cut]
            start += len(run)
            items.extend(paragraphs_from_lines(run, right, gap_limit, vocab, marks))
            if t_i < len(tables):
                items.append(tables[t_i])
        items.sort(key=lambda it: it.top if isinstance(it, ParaDraft) else it.bbox[1])
        for annot in rp.annots:
            annot.anchor_text = quad_text(annot, words)
            if annot.missing:
                for key in annot.missing:
                    diags.append(make("annotation_incomplete", f"page {rp.number}", page=rp.number, key=key))
        pages.append(PageItems(rp.number, items, notes, rp.annots))
    return pages, diags


def _group_lines(raw_pages: list[RawPage]) -> float:
    """Group each page's words outside its ruled tables into lines (`RawPage.lines`);
    the body size, the most common size over those lines (over all the words
    when no line is left)."""
    line_sizes: Counter = Counter()
    word_sizes: Counter = Counter()
    any_line = False
    for rp in raw_pages:  # running headers and footers are gone already (furniture.py)
        words = rp.words.unpack()
        free = [w for w in words if not any(_in_box(w, t[0]) for t in rp.table_boxes)]
        lines = group_lines(free)
        for ln in lines:
            count_sizes(ln.words, line_sizes)
            any_line = any_line or bool(ln.words)
        count_sizes(words, word_sizes)
        rp.lines = PackedLines(words, lines)
    return most_common_size(line_sizes if any_line else word_sizes)


def _split_off(raw_pages: list[RawPage], body: float):
    """Split note areas and unruled tables off each page's lines (`RawPage.lines`
    keeps the prose, `RawPage.table_boxes` gains the tables), before the prose is
    measured. Returns the notes by page and the prose's measures: the gaps
    between lines (`layout.line_gaps`), the right ends of lines of six words or
    more, and the rightmost end of any line (None without prose)."""
    notes_by_page: list[list[NoteDraft]] = []
    last_note: NoteDraft | None = None
    carry: list[float] | None = None  # columns of an unruled table that ended the page before
    ruled_carry = None  # columns of a booktabs table that ran off the page before
    gaps, full = array("d"), array("d")
    widest: float | None = None
    before: Line | None = None  # the last line of prose so far
    for rp in raw_pages:
        words = rp.words.unpack()
        lines = rp.lines.unpack(words)
        top = note_area_top(lines, rp.rules, rp.width, rp.height, body)
        notes: list[NoteDraft] = []
        if top is not None:
            notes = notes_from_lines([ln for ln in lines if ln.top > top], last_note)
            lines = [ln for ln in lines if ln.top <= top]
        if notes:
            last_note = notes[-1]
        notes_by_page.append(notes)
        ruled, ruled_carry = find_booktabs(lines, rp.rules, ruled_carry)
        for t in ruled:
            rp.table_boxes.append((t.bbox, pack_boxes(t.boxes), t.text_right))
            lines = [ln for ln in lines if not _in_box(ln.words[0], t.bbox)]
        found = find_unruled(lines, carry)
        for t in found:
            rp.table_boxes.append((t.bbox, pack_boxes(t.boxes), t.text_right))
            lines = [ln for ln in lines if not _in_box(ln.words[0], t.bbox)]
        ends_page = found and not any(ln.top > found[-1].bbox[3] for ln in lines)
        carry = found[-1].columns if ends_page else None
        rp.table_boxes.sort(key=lambda t: t[0][1])
        rp.lines = PackedLines(words, lines)
        gaps.extend(line_gaps(lines, before))
        full.extend(ln.x1 for ln in lines if len(ln.words) >= 6)
        for ln in lines:
            widest = ln.x1 if widest is None else max(widest, ln.x1)
        before = lines[-1] if lines else before
    return notes_by_page, gaps, full, widest


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


def count_vocab(words: list[Word], vocab: Counter) -> Counter:
    """`vocab` (changed in place) with each lower-case word of `words` counted; a
    word cut by a hyphen at a line end is not counted (its halves are no evidence)."""
    for w in words:
        if w.text.endswith("-"):
            continue
        for token in re.findall(r"\w[\w-]*\w|\w", w.text.lower()):
            vocab[token] += 1
    return vocab
