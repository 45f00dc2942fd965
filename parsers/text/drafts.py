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
    refs: (note key, offset in `text`) for each reference mark; the key is
        "<kind>:<id>" ("footnote:1"), kind being the one the mark names.
    bodies: (note id, note text) for note texts found inside this paragraph (Tika
        writes "[1:  text]" into the citing paragraph).
    comments: (author or None, text) for comments appended to this paragraph.
    lost_note: True when the whole paragraph is the text of a note whose reference
        mark was lost (a U+FFFD line): it becomes a Note, not a block.
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


@dataclass
class CellDraft:
    line: int
    paras: list[ParaDraft] = field(default_factory=list)


@dataclass
class TableDraft:
    """A table: rows of cells. `n_cols` is the width the dialect expects (header or
    most common row); rows of another width are reported as ragged."""

    line: int
    rows: list[list[CellDraft]]
    n_cols: int


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


class _Builder:
    def __init__(self, note_drafts: list[NoteDraft]):
        self.next_id = 0
        self.n_paragraphs = 0
        self.n_tables = 0
        self.diagnostics: list[Diagnostic] = []
        self.comments: list[Comment] = []
        # note key -> (anchor block, offset, anchor text) of its first reference
        self.anchors: dict[str, tuple[int, int, str | None]] = {}
        self.ref_order: list[str] = []
        self.ref_where: dict[str, str] = {}
        # note id -> (text, source_ref) for bodies found in paragraphs
        self.bodies: dict[str, tuple[str, str]] = {}
        self.lost: list[tuple[str, str]] = []  # (text, source_ref)
        self.note_drafts = note_drafts

    def _take_id(self) -> int:
        self.next_id += 1
        return self.next_id

    def paragraph(self, draft: ParaDraft, ref: str) -> Paragraph | None:
        if draft.lost_note:
            self.lost.append((draft.text, ref))
            return None
        block_id = self._take_id()
        for key, offset in draft.refs:
            if key not in self.anchors:
                self.anchors[key] = (block_id, offset, _anchor_text(draft.text, offset))
                self.ref_order.append(key)
                self.ref_where[key] = ref
        for note_id, text in draft.bodies:
            self.bodies.setdefault(note_id, (text, ref))
        for author, text in draft.comments:
            self.comments.append(Comment(comment_id=str(len(self.comments) + 1), author=author,
                                         text=text, source_ref=ref, anchor_block=block_id))
        return Paragraph(
            block_id=block_id, text=draft.text, source_ref=ref,
            heading_level=draft.heading_level, list_label=draft.list_label,
            list_level=draft.list_level, list_kind=draft.list_kind,  # type: ignore[arg-type]
            note_refs=tuple(NoteRef(key.split(":", 1)[1], off) for key, off in draft.refs),
        )

    def table(self, draft: TableDraft) -> Table:
        block_id = self._take_id()
        self.n_tables += 1
        index = self.n_tables
        n_cols = max([draft.n_cols] + [len(r) for r in draft.rows])
        rows = []
        for r, cells in enumerate(draft.rows):
            row_line = cells[0].line if cells else draft.line
            row_ref = f"table {index}, row {r + 1} (line {row_line})"
            if len(cells) != draft.n_cols:
                self._ragged(r, len(cells), draft.n_cols, row_ref)
            built_cells = []
            for c, cell in enumerate(cells):
                cell_ref = f"table {index}, row {r + 1}, col {c + 1}"
                blocks = []
                for k, para in enumerate(cell.paras):
                    p = self.paragraph(para, f"{cell_ref}, paragraph {k + 1} (line {para.line})")
                    if p is not None:
                        blocks.append(p)
                built_cells.append(Cell(row=r, col=c, blocks=tuple(blocks),
                                        source_ref=f"{cell_ref} (line {cell.line})"))
            rows.append(Row(index=r, cells=tuple(built_cells), source_ref=row_ref))
        return Table(block_id=block_id, index=index, rows=tuple(rows), n_cols=n_cols,
                     source_ref=f"table {index} (line {draft.line})")

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
        notes: list[Note] = []
        texts = dict(self.bodies)
        for nd in self.note_drafts:
            texts.setdefault(nd.note_id, (nd.text, f"line {nd.line}"))
        used: set[str] = set()
        for key in self.ref_order:
            kind, note_id = key.split(":", 1)
            if note_id in used:
                continue
            block, offset, anchor = self.anchors[key]
            if note_id not in texts:
                self.diagnostics.append(make("unresolved_note", self.ref_where[key], note_id=note_id))
                continue
            used.add(note_id)
            text, ref = texts[note_id]
            notes.append(Note(note_id=note_id, kind=kind, text=text, source_ref=ref,  # type: ignore[arg-type]
                              anchor_block=block, anchor_offset=offset, anchor_text=anchor))
        orphans = [(nid, t, ref) for nid, (t, ref) in texts.items() if nid not in used]
        taken = {n.note_id for n in notes} | {nid for nid, _, _ in orphans}
        for text, ref in self.lost:
            # The lost mark's number is unknown; the first free number is the most
            # likely one (a document's only note is note 1) and keeps ids unique.
            n = 1
            while str(n) in taken:
                n += 1
            taken.add(str(n))
            orphans.append((str(n), text, ref))
        for note_id, text, ref in orphans:
            self.diagnostics.append(make("lost_note_reference", ref, note_id=note_id))
            notes.append(Note(note_id=note_id, kind="footnote", text=text, source_ref=ref))
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
