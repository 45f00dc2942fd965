"""The one document model that every parser emits and every normalizer reads.

A `Document` is a sequence of blocks in reading order: `Paragraph` and `Table`.
A table holds `Cell`s, and a cell holds blocks of its own (paragraphs and nested
tables). Footnotes, endnotes, reviewer comments and tracked changes sit beside the
blocks and point back into them by `block_id` (a number unique within the
document, given in reading order, nested blocks included).

Every block and side record carries `source_ref`, a human-readable locator
("paragraph 41", "table 2, row 5, col 1", "page 3, table 1, row 4"; SPEC.md,
"Tables"). Raw reader objects (lxml elements, pdfplumber pages) never appear here.

The model is plain data: frozen dataclasses with tuples, so a parsed document can
be shared, cached and compared without copying.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

Format = Literal["docx", "pdf", "txt"]
NoteKind = Literal["footnote", "endnote"]
ChangeKind = Literal["insert", "delete", "move_from", "move_to"]
Severity = Literal["info", "warning", "error"]


@dataclass(frozen=True)
class Diagnostic:
    """Something a parser or normalizer could not do with confidence (SPEC "diagnostics").

    `code` is one of the codes in `parsers.diagnostics.CODES`; `source_ref` is None
    for problems that concern the whole file.
    """

    severity: Severity
    code: str
    message: str
    source_ref: str | None = None


@dataclass(frozen=True)
class NoteRef:
    """Where a footnote or endnote reference mark sits inside a paragraph.

    `offset` is the character offset in `Paragraph.text` at which the mark stood
    (the mark itself is not in the text).
    """

    note_id: str
    offset: int


@dataclass(frozen=True)
class Paragraph:
    """One paragraph as a reader sees it.

    text: The visible text, without the list label Word generates, without note
        reference marks and comment text, with inserted tracked changes kept and
        deleted / moved-from text dropped. Tabs stay "\\t", line breaks "\\n".
        Whitespace is not collapsed (normalizers do that).
    style: The paragraph style's display name ("Heading 1", "List Paragraph"),
        None when the format has no styles (txt) or none is set.
    heading_level: 1 for a top-level heading, 2 below it, ...; None for body text.
        Taken from the style's outline level (docx), font size (pdf) or markup (txt).
    list_label: The label as displayed: "a)", "1.", "2.1.3", "iv)". For bullets the
        glyph ("•", "-", "\\uf0b7"). None when the paragraph is not a list item or
        when the label is typed into `text` itself (txt exports, hand-typed lists).
    list_level: 0-based list level (w:ilvl); None when not a list item.
    list_kind: "number" for an ordered label, "bullet" for a glyph, None otherwise.
    note_refs: Footnote/endnote references inside this paragraph, in order.
    bold: True when every visible character is bold (a hint for headings).
    indent: Leading spaces the line had in a text export, taken out of `text`; None
        when not measured. Set on the first-column paragraph of every row of an
        aligned-text table (`Table.origin == "aligned_text"`), where it is the
        item's nesting depth: a deeper indent is a child of the nearest shallower
        item above it.
    checked: The state of a Markdown task-list box ("- [x] task" True, "- [ ] task"
        False; the box itself is not in `text`, the item is a bullet); None when
        the paragraph has no box.
    """

    block_id: int
    text: str
    source_ref: str
    style: str | None = None
    heading_level: int | None = None
    list_label: str | None = None
    list_level: int | None = None
    list_kind: Literal["number", "bullet"] | None = None
    note_refs: tuple[NoteRef, ...] = ()
    bold: bool = False
    indent: int | None = None
    checked: bool | None = None

    @property
    def is_list_item(self) -> bool:
        return self.list_level is not None or self.list_label is not None


@dataclass(frozen=True)
class Cell:
    """One table cell, placed on the table's grid.

    row, col: 0-based grid position of the cell's top-left corner.
    row_span, col_span: How many grid rows / columns the cell covers (>= 1);
        vMerge / gridSpan (docx), spanning boxes (pdf), pandoc grid tables (txt).
    blocks: Paragraphs and nested tables, in order. Nested tables stay here as
        children of their cell; they are never flattened into the parent.
    merged: True for a docx vMerge continuation cell: a placeholder that the
        cell above spans. It is kept so that no text is ever lost and so that
        counts agree with the source XML; `Table.grid` maps it to its origin.
    fill: The cell's solid background colour as six hex digits ("FFC000"), None
        when the cell has no fill or a white one. A Gantt drawn by colouring
        cells has no text in them, only this (docx w:shd, spreadsheet fills).
    """

    row: int
    col: int
    blocks: tuple[Block, ...]
    source_ref: str
    row_span: int = 1
    col_span: int = 1
    merged: bool = False
    fill: str | None = None

    @property
    def text(self) -> str:
        """The cell's paragraphs joined with "\\n" (nested tables included)."""
        return "\n".join(_block_text(b) for b in self.blocks)

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """The cell's own paragraphs (nested tables left out)."""
        return tuple(b for b in self.blocks if isinstance(b, Paragraph))


@dataclass(frozen=True)
class Row:
    """One table row: its cells left to right (grid columns skipped by gridBefore
    are simply absent)."""

    index: int
    cells: tuple[Cell, ...]
    source_ref: str
    is_header: bool = False


@dataclass(frozen=True)
class Table:
    """A table with a resolved cell grid.

    n_cols: Number of grid columns (the widest row, spans included).
    index: 1-based number of the table among all tables of the document in
        reading order, nested tables included ("table 2" in a source_ref).
    origin: How the table was drawn. "table": a real table (docx/pdf table, Tika
        TAB cells, pandoc or Markdown table syntax). "aligned_text": lines of a
        plain-text export whose fields line up in columns of spaces
        (parsers/text/aligned.py): one row a line, blank lines dropped; the first
        column holds the item, its paragraph's `indent` the item's nesting; a
        group heading line ("OWL features:" at the left margin, the lines under it
        indented) is a row of one cell spanning every column (col_span == n_cols),
        so the rows down to the next such row are that heading's group.
    """

    block_id: int
    index: int
    rows: tuple[Row, ...]
    n_cols: int
    source_ref: str
    origin: Literal["table", "aligned_text"] = "table"

    @property
    def cells(self) -> Iterator[Cell]:
        """Every cell, row by row, merge placeholders included."""
        for row in self.rows:
            yield from row.cells

    @cached_property
    def grid(self) -> list[list[Cell | None]]:
        """A full n_rows x n_cols grid: each position holds the cell that covers it.

        A merged region maps every position it covers to its top-left (origin)
        cell; positions no cell covers (gridBefore/gridAfter, ragged rows) are None.
        Computed once per table (normalizers read it row by row), so do not mutate it.
        """
        grid: list[list[Cell | None]] = [[None] * self.n_cols for _ in self.rows]
        for cell in self.cells:
            if cell.merged:
                continue
            for r in range(cell.row, min(cell.row + cell.row_span, len(self.rows))):
                for c in range(cell.col, min(cell.col + cell.col_span, self.n_cols)):
                    grid[r][c] = cell
        return grid


Block = Paragraph | Table


@dataclass(frozen=True)
class Note:
    """A footnote or endnote (separator notes excluded).

    note_id: The id as in the source ("1", "2"; docx w:id; txt [footnoteRef:N]).
    anchor_block: block_id of the paragraph holding the reference mark; None when
        the reference was lost (a U+FFFD note in a txt export, a note never cited).
    anchor_offset: Character offset of the mark in that paragraph's text.
    anchor_text: Text just before the mark (the sentence or cell it annotates),
        None when unknown.
    """

    note_id: str
    kind: NoteKind
    text: str
    source_ref: str
    anchor_block: int | None = None
    anchor_offset: int | None = None
    anchor_text: str | None = None


@dataclass(frozen=True)
class Comment:
    """A reviewer comment.

    author: As written in the source, tags included ("Gita Parihar [HOTMAIL]");
        normalizers split off the tag.
    date: ISO 8601 as in the source ("2021-05-04T14:12:00Z"), None when absent.
    anchor_text: The exact commented text range; None when the format does not
        keep it (txt) or the comment is a point comment.
    anchor_block: block_id of the block where the commented range starts (or the
        reference sits); None when unknown.
    parent_id: comment_id of the comment this one replies to, None for a root.
    resolved: True when a reviewer marked the thread resolved (Word's "Resolve",
        w15:done; a sheet's threaded comment marked done), False when the format
        says it is open, None when the format cannot say (txt, pdf).
    """

    comment_id: str
    author: str | None
    text: str
    source_ref: str
    initials: str | None = None
    date: str | None = None
    anchor_text: str | None = None
    anchor_block: int | None = None
    parent_id: str | None = None
    resolved: bool | None = None


@dataclass(frozen=True)
class TrackedChange:
    """One tracked change (w:ins, w:del, w:moveFrom, w:moveTo).

    Inserted and moved-to text is part of the paragraphs' text; deleted and
    moved-from text is not, and is kept only here.
    """

    kind: ChangeKind
    text: str
    source_ref: str
    author: str | None = None
    date: str | None = None
    block_id: int | None = None


@dataclass(frozen=True)
class Document:
    """One parsed source file.

    format: The format the parser read ("docx", "pdf", "txt").
    title: The document's title from its metadata (docx core properties, PDF
        info); None when not stated. Normalizers may find a better one in the body.
    blocks: Top-level blocks in reading order.
    n_pages: Number of pages (pdf); None for formats without pages.
    diagnostics: Problems the parser met (ragged rows, lost note references...).
    """

    path: str
    format: Format
    blocks: tuple[Block, ...]
    notes: tuple[Note, ...] = ()
    comments: tuple[Comment, ...] = ()
    changes: tuple[TrackedChange, ...] = ()
    title: str | None = None
    n_pages: int | None = None
    diagnostics: tuple[Diagnostic, ...] = ()
    properties: dict = field(default_factory=dict, compare=False, hash=False)

    def iter_blocks(self) -> Iterator[Block]:
        """Every block in reading order, depth first: a table, then the blocks of
        its cells row by row, nested tables included."""
        yield from _walk(self.blocks)

    def iter_paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph in reading order, those inside table cells included."""
        for block in self.iter_blocks():
            if isinstance(block, Paragraph):
                yield block

    def iter_tables(self) -> Iterator[Table]:
        """Every table in reading order, nested tables included."""
        for block in self.iter_blocks():
            if isinstance(block, Table):
                yield block

    def block_by_id(self) -> dict[int, Block]:
        """A map from block_id to block, for resolving note and comment anchors."""
        return {b.block_id: b for b in self.iter_blocks()}


def _walk(blocks: tuple[Block, ...]) -> Iterator[Block]:
    for block in blocks:
        yield block
        if isinstance(block, Table):
            for cell in block.cells:
                yield from _walk(cell.blocks)


def _block_text(block: Block) -> str:
    if isinstance(block, Paragraph):
        return block.text
    return "\n".join(cell.text for cell in block.cells if not cell.merged)
