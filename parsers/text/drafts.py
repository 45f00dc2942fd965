"""Mutable drafts that the text dialects fill, and the one builder that turns them into
the frozen model (`parsers.model`) with block ids, source refs, notes and comments.

Each dialect (tika.py, markdown.py) only decides *structure*; numbering, anchoring
and the diagnostics that follow from it live here once, so every dialect agrees.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import make
from ..model import Block, Cell, Comment, Diagnostic, Note, NoteRef, Paragraph, Row, Table


@dataclass
class ParaDraft:
    """One paragraph as a dialect read it.

    line: 1-based source line where the paragraph starts.
    refs: (slot, offset in `text`) for each reference mark. A slot names one note:
        "<kind>:<id>" or "<kind>:<id>#<n>" ("footnote:1#2"), kind being the one the
        mark names; "#n" tells apart notes that share a number (footnote 1 and
        endnote 1, or a number the exporter reused).
    bodies: (slot, note text) for note texts found inside this paragraph (Tika
        writes "[1:  text]" into the citing paragraph).
    comments: (author or None, text) for comments appended to this paragraph.
    lost_note: True when the whole paragraph is the text of a note whose reference
        mark was lost (a U+FFFD line): it becomes a Note, not a block.
    indent, checked: as `Paragraph.indent` and `Paragraph.checked`.
    """

    text: str
    line: int
    heading_level: int | None = None
    list_label: str | None = None
    list_level: int | None = None
    list_kind: str | None = None
    refs: list[tuple[str, int]] = field(default_factory=list)
    bodies: list[tuple[str, str]] = field(default_factory=list)
    comments: list[tuple[str | None, str]] = field(default_factory=list)
    lost_note: bool = False
    indent: int | None = None
    checked: bool | None = None


@dataclass
class CellDraft:
    """One cell. col: its grid column when the dialect knows it (pandoc grid tables,
    where spans leave gaps); None to number cells left to right."""

    line: int
    paras: list[ParaDraft] = field(default_factory=list)
    col: int | None = None
    row_span: int = 1
    col_span: int = 1


@dataclass
class TableDraft:
    """A table: rows of cells. `n_cols` is the width the dialect expects (header or
    most common row); rows of another width are reported as ragged."""

    line: int
    rows: list[list[CellDraft]]
    n_cols: int
    header_rows: int = 0  # rows the source marks as header (pandoc tables); 0 if unknown
    origin: str = "table"  # Table.origin: "aligned_text" for columns of spaces (aligned.py)


@dataclass
class NoteDraft:
    """A note whose text is known apart from any paragraph (Markdown "[^1]: text")."""

    note_id: str
    kind: str
    text: str
    line: int


@dataclass
class Built:
    blocks: tuple[Block, ...]
    notes: tuple[Note, ...]
    comments: tuple[Comment, ...]
    diagnostics: tuple[Diagnostic, ...]


def _anchor_text(text: str, offset: int) -> str | None:
    """The sentence just before a note mark (the text it annotates); None if empty."""
    before = text[:offset].rstrip()
    cut = max(before.rfind(". "), before.rfind("? "), before.rfind("! "), before.rfind("\n"))
    sentence = before[cut + 1:].strip() if cut >= 0 else before.strip()
    return sentence or None


def _slot_parts(slot: str) -> tuple[str, str]:
    """(kind, number as in the source) of a note slot."""
    kind, rest = slot.split(":", 1)
    return kind, rest.split("#", 1)[0]


class _Builder:
    def __init__(self, note_drafts: list[NoteDraft]):
        self.next_id = 0
        self.n_paragraphs = 0
        self.n_tables = 0
        self.diagnostics: list[Diagnostic] = []
        self.comments: list[Comment] = []
        # slot -> (anchor block, offset, anchor text, source_ref) of its first mark
        self.anchors: dict[str, tuple[int, int, str | None, str]] = {}
        self.bodies: dict[str, tuple[str, str]] = {}  # slot -> (text, source_ref)
        self.note_ids: dict[str, str] = {}  # slot -> the note_id it is published under
        self.lost: list[tuple[str, str]] = []  # (text, source_ref) of U+FFFD notes
        self.note_drafts = note_drafts

    def _take_id(self) -> int:
        self.next_id += 1
        return self.next_id

    def _note_id(self, slot: str) -> str:
        """The source's number, or "<number>.<n>" when another note already has it."""
        if slot not in self.note_ids:
            number = _slot_parts(slot)[1]
            taken = set(self.note_ids.values())
            note_id, n = number, 1
            while note_id in taken:
                n += 1
                note_id = f"{number}.{n}"
            self.note_ids[slot] = note_id
        return self.note_ids[slot]

    def paragraph(self, draft: ParaDraft, ref: str) -> Paragraph | None:
        if draft.lost_note:
            self.lost.append((draft.text, ref))
            return None
        block_id = self._take_id()
        for slot, offset in draft.refs:
            if slot not in self.anchors:
                self.anchors[slot] = (block_id, offset, _anchor_text(draft.text, offset), ref)
        for slot, text in draft.bodies:
            self.bodies.setdefault(slot, (text, ref))
        for author, text in draft.comments:
            self.comments.append(Comment(comment_id=str(len(self.comments) + 1), author=author,
                                         text=text, source_ref=ref, anchor_block=block_id))
        return Paragraph(
            block_id=block_id, text=draft.text, source_ref=ref,
            heading_level=draft.heading_level, list_label=draft.list_label,
            list_level=draft.list_level, list_kind=draft.list_kind,  # type: ignore[arg-type]
            note_refs=tuple(NoteRef(self._note_id(slot), off) for slot, off in draft.refs),
            indent=draft.indent, checked=draft.checked,
        )

    def table(self, draft: TableDraft) -> Table:
        block_id = self._take_id()
        self.n_tables += 1
        index = self.n_tables
        placed = any(c.col is not None for row in draft.rows for c in row)
        n_cols = draft.n_cols if placed else max([draft.n_cols] + [len(r) for r in draft.rows])
        rows = []
        for r, cells in enumerate(draft.rows):
            row_line = cells[0].line if cells else draft.line
            row_ref = f"table {index}, row {r + 1} (line {row_line})"
            if len(cells) != draft.n_cols and not placed:  # placed cells come with spans
                self._ragged(r, len(cells), draft.n_cols, row_ref)
            built_cells = []
            for k, cell in enumerate(cells):
                c = k if cell.col is None else cell.col
                cell_ref = f"table {index}, row {r + 1}, col {c + 1}"
                blocks = []
                for k, para in enumerate(cell.paras):
                    p = self.paragraph(para, f"{cell_ref}, paragraph {k + 1} (line {para.line})")
                    if p is not None:
                        blocks.append(p)
                built_cells.append(Cell(row=r, col=c, blocks=tuple(blocks),
                                        source_ref=f"{cell_ref} (line {cell.line})",
                                        row_span=cell.row_span, col_span=cell.col_span))
            rows.append(Row(index=r, cells=tuple(built_cells), source_ref=row_ref,
                            is_header=r < draft.header_rows))
        return Table(block_id=block_id, index=index, rows=tuple(rows), n_cols=n_cols,
                     source_ref=f"table {index} (line {draft.line})",
                     origin=draft.origin)  # type: ignore[arg-type]

    def _ragged(self, r: int, found: int, expected: int, ref: str) -> None:
        if r == 0 and found < expected:
            # A first row narrower than the body is a header with merged cells that the
            # export flattened ("2021" over four quarter columns): normal, so info only.
            self.diagnostics.append(make("ragged_row", ref, severity="info", found=found,
                                         expected=expected,
                                         action="header row read as having merged cells"))
        else:
            self.diagnostics.append(make("ragged_row", ref, found=found, expected=expected,
                                         action="cells kept as they are"))

    def notes(self) -> list[Note]:
        for nd in self.note_drafts:
            slot = f"{nd.kind}:{nd.note_id}"
            if slot in self.bodies:  # a second "[^1]: ..." must not vanish
                slot = f"{slot}#{nd.line}"
                self.diagnostics.append(make("duplicate_note", f"line {nd.line}", note_id=nd.note_id))
            self.bodies[slot] = (nd.text, f"line {nd.line}")
        notes: list[Note] = []
        for slot, (block, offset, anchor, where) in self.anchors.items():
            kind, number = _slot_parts(slot)
            if slot not in self.bodies:
                self.diagnostics.append(make("unresolved_note", where, note_id=number))
                continue
            text, ref = self.bodies[slot]
            notes.append(Note(note_id=self._note_id(slot), kind=kind, text=text,  # type: ignore[arg-type]
                              source_ref=ref, anchor_block=block, anchor_offset=offset,
                              anchor_text=anchor))
        orphans = [(slot, text, ref) for slot, (text, ref) in self.bodies.items()
                   if slot not in self.anchors]
        for slot, _, _ in orphans:
            self._note_id(slot)
        for k, (text, ref) in enumerate(self.lost):
            # The lost mark's number is unknown; the first free number is the most likely
            # one (a document's only note is note 1).
            taken, number = set(self.note_ids.values()), 1
            while str(number) in taken:
                number += 1
            slot = f"footnote:{number}#lost{k}"
            self._note_id(slot)
            orphans.append((slot, text, ref))
        for slot, text, ref in orphans:
            note_id = self._note_id(slot)
            self.diagnostics.append(make("lost_note_reference", ref, note_id=note_id))
            notes.append(Note(note_id=note_id, kind=_slot_parts(slot)[0], text=text,  # type: ignore[arg-type]
                              source_ref=ref))
        return notes


def build(items: list[ParaDraft | TableDraft], note_drafts: list[NoteDraft] | None = None) -> Built:
    """The model objects for a dialect's drafts: blocks numbered in reading order
    (a table, then its cells' paragraphs), notes anchored to the paragraph that cites
    them, comments numbered "1", "2", ... in reading order."""
    b = _Builder(note_drafts or [])
    blocks: list[Block] = []
    for item in items:
        if isinstance(item, TableDraft):
            blocks.append(b.table(item))
            continue
        if not item.lost_note:
            b.n_paragraphs += 1
        p = b.paragraph(item, f"paragraph {b.n_paragraphs} (line {item.line})"
                        if not item.lost_note else f"line {item.line}")
        if p is not None:
            blocks.append(p)
    notes = b.notes()
    return Built(tuple(blocks), tuple(notes), tuple(b.comments), tuple(b.diagnostics))
