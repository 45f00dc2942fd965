"""From page items to the shared model: what you get back are the Document's blocks,
notes and comments, with block ids in reading order and page-based source_refs
("page 3, paragraph 4", "page 3, table 1, row 4, col 2").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import make
from ..model import Block, Cell, Comment, Diagnostic, Note, NoteRef, Paragraph, Row, Table
from .pages import PageItems
from .paragraphs import ParaDraft
from .tables import TableDraft


@dataclass
class _Ids:
    next_block: int = 0
    next_table: int = 0
    # page -> [(top, bottom, x0, x1, block_id)] for placing comments, kept for the
    # pages that have some (a box per block of every page would outweigh the blocks)
    boxes: dict[int, list[tuple[float, float, float, float, int]]] = field(default_factory=dict)
    # (page, mark) -> (block_id, offset, text before the mark)
    marks: dict[tuple[int, str], tuple[int, int, str]] = field(default_factory=dict)


def assemble(pages: list[PageItems], levels: dict[float, int]) -> tuple[tuple[Block, ...], _Ids]:
    """Top-level blocks for all page items, and the id bookkeeping for notes and comments.

    Each page's items are taken from it (`PageItems.items` is left empty) as they
    become blocks, so the drafts go while the blocks come.
    """
    ids = _Ids(boxes={page.number: [] for page in pages if page.annots})
    blocks: list[Block] = []
    for page in pages:
        n_para = 0
        items, page.items = page.items, []
        for item in items:
            if isinstance(item, ParaDraft):
                n_para += 1
                blocks.append(_paragraph(item, f"page {item.page}, paragraph {n_para}", ids, levels))
            else:
                blocks.append(_table(item, ids, levels))
    return tuple(blocks), ids


def _paragraph(d: ParaDraft, ref: str, ids: _Ids, levels: dict[float, int]) -> Paragraph:
    block_id = ids.next_block
    ids.next_block += 1
    if d.page in ids.boxes:
        ids.boxes[d.page].append((d.top, d.bottom, d.x0, d.x1, block_id))
    for mark, offset in d.marks:
        ids.marks.setdefault((d.page, mark), (block_id, offset, d.text[:offset]))
    level = levels.get(round(d.size * 2) / 2) if d.label is None else None
    return Paragraph(block_id, d.text, ref, heading_level=level, list_label=d.label,
                     list_level=d.level if d.label is not None else None, list_kind=d.kind,
                     note_refs=tuple(NoteRef(m, o) for m, o in d.marks), bold=d.bold and bool(d.text))


def _table(t: TableDraft, ids: _Ids, levels: dict[float, int]) -> Table:
    block_id = ids.next_block
    ids.next_block += 1
    ids.next_table += 1
    index = ids.next_table
    if t.page in ids.boxes:
        ids.boxes[t.page].append((t.bbox[1], t.bbox[3], t.bbox[0], t.bbox[2], block_id))
    rows = []
    for r_i, row in enumerate(t.rows, start=1):
        row_ref = f"page {row.page}, table {index}, row {r_i}"
        cells = []
        for cell in row.cells:
            cell_ref = f"{row_ref}, col {cell.col + 1}"
            blocks = tuple(_paragraph(p, f"{cell_ref}, paragraph {k}", ids, levels)
                           for k, p in enumerate(cell.paras, start=1))
            cells.append(Cell(cell.row, cell.col, blocks, cell_ref, cell.row_span, cell.col_span, cell.merged,
                              fill=cell.fill))
        rows.append(Row(r_i - 1, tuple(cells), row_ref, row.is_header))
    return Table(block_id, index, tuple(rows), t.n_cols, f"page {t.page}, table {index}")


def notes(pages: list[PageItems], ids: _Ids) -> tuple[tuple[Note, ...], list[Diagnostic]]:
    """Footnotes linked to their marks (same page first, then any page)."""
    out, diags = [], []
    by_mark = {mark: v for (page, mark), v in sorted(ids.marks.items(), reverse=True)}
    for page in pages:
        for _n, draft in enumerate(page.notes, start=1):
            anchor = ids.marks.get((page.number, draft.mark)) or by_mark.get(draft.mark)
            ref = f"page {page.number}, footnote {draft.mark}"
            if anchor is None:
                diags.append(make("lost_note_reference", ref, note_id=draft.mark))
                out.append(Note(draft.mark, "footnote", draft.text, ref))
            else:
                block_id, offset, before = anchor
                out.append(Note(draft.mark, "footnote", draft.text, ref, block_id, offset,
                                before.strip() or None))
    return tuple(out), diags


def comments(pages: list[PageItems], ids: _Ids) -> tuple[Comment, ...]:
    """Comments from the annotations, anchored to the block under them; replies
    (/IRT) point to their parent's comment_id."""
    drafts = [a for page in pages for a in page.annots]
    by_obj = {a.objid: str(i) for i, a in enumerate(drafts, start=1) if a.objid is not None}
    out = []
    for i, a in enumerate(drafts, start=1):
        box = a.quads[0] if a.quads else a.box
        out.append(Comment(str(i), a.author, a.text, f"page {a.page}, comment {i}", date=a.date,
                           anchor_text=a.anchor_text, anchor_block=_block_at(ids, a.page, box),
                           parent_id=by_obj.get(a.parent_objid)))
    return tuple(out)


def _block_at(ids: _Ids, page: int, box) -> int | None:
    """The innermost block whose box holds the middle of `box` (else the nearest below it)."""
    if box is None:
        return None
    xc, yc = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    hits = [(b - t, bid) for t, b, x0, x1, bid in ids.boxes.get(page, [])
            if t - 2 <= yc <= b + 2 and x0 - 2 <= xc <= x1 + 2]
    if hits:
        return min(hits)[1]
    near = [(abs(t - yc), bid) for t, b, x0, x1, bid in ids.boxes.get(page, [])]
    return min(near)[1] if near else None
