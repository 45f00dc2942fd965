"""Tables: rows and cells placed on the grid (gridBefore/gridAfter, gridSpan, vMerge).

A cell's blocks are read by the body reader that met the table, so tables and
paragraphs nest to any depth; the reader is passed in (`BlockReader`) rather than
imported, which keeps this module below `body`.
"""

from __future__ import annotations

from typing import Protocol

from ..diagnostics import make
from ..model import Cell, Diagnostic, Row, Table
from .changes import KINDS
from .oxml import ALT, CUSTOMXML, SDT, SDTCONTENT, build, choose_branch, first_child
from .package import W
from .stories import Container
from .styles import int_val, on_off

TR, TC, TRPR, TCPR = W + "tr", W + "tc", W + "trPr", W + "tcPr"
GRID_BEFORE, GRID_AFTER, GRID_SPAN = W + "gridBefore", W + "gridAfter", W + "gridSpan"
VMERGE, TBLHEADER, VAL = W + "vMerge", W + "tblHeader", W + "val"
SHD, FILL, COLOR = W + "shd", W + "fill", W + "color"
_HEX = frozenset("0123456789ABCDEF")
# Word allows 63 columns; a larger span is damage, and would blow up Table.grid.
MAX_SPAN = 1000


class BlockReader(Protocol):
    """What a table needs of the body reader (parsers.docx.body.BodyReader)."""

    n_tables: int
    diagnostics: list[Diagnostic]

    def new_id(self) -> int: ...

    def blocks_into(self, parent, container: Container, out: list) -> None: ...

    def record_change(self, el, block_id: int | None, source_ref: str) -> None: ...


class _CellDraft:
    __slots__ = ("row", "col", "col_span", "row_span", "blocks", "ref", "merged", "fill")

    def __init__(self, row, col, col_span, blocks, ref, fill=None):
        self.row, self.col, self.col_span = row, col, col_span
        self.row_span = 1
        self.blocks = blocks
        self.ref = ref
        self.merged = False
        self.fill = fill

    def freeze(self) -> Cell:
        return build(Cell, row=self.row, col=self.col, blocks=tuple(self.blocks), source_ref=self.ref,
                     row_span=self.row_span, col_span=self.col_span, merged=self.merged, fill=self.fill)


def shading_fill(shd) -> str | None:
    """The solid colour a w:shd paints, as six hex digits; None for none, "auto" or white.

    With the pattern "solid" the foreground (w:color) covers the cell; with "clear"
    (what Word writes for a plain fill) and the percentage patterns the background
    (w:fill) shows. Theme colours without a hex value are left unresolved.
    """
    pattern = (shd.get(VAL) or "clear").lower()
    if pattern == "nil":
        return None
    colour = (shd.get(COLOR) if pattern == "solid" else shd.get(FILL)) or ""
    colour = colour.upper()
    if len(colour) != 6 or not _HEX.issuperset(colour) or colour == "FFFFFF":
        return None
    return colour


def _children(parent, tag):
    """Elements `tag` among the children of `parent`, looking through content controls
    and custom XML wrappers (rows and cells can sit inside w:sdt)."""
    for child in parent:
        t = child.tag
        if t == tag:
            yield child
        elif t == SDT:
            content = first_child(child, SDTCONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif t == CUSTOMXML:
            yield from _children(child, tag)
        elif t == ALT:
            branch = choose_branch(child)
            if branch is not None:
                yield from _children(branch, tag)


def _span(el, default: int) -> int:
    n = int_val(el, default)
    return min(max(n, 0), MAX_SPAN) if n is not None else default


def read_table(reader: BlockReader, tbl) -> Table:
    """The Table of a w:tbl element, its cells' blocks read by `reader` (nested tables too)."""
    block_id = reader.new_id()
    reader.n_tables += 1
    index = reader.n_tables
    table_ref = f"table {index}"
    rows: list[tuple[list[_CellDraft], str, bool, int]] = []
    open_merges: dict[int, _CellDraft] = {}  # grid column -> origin of a vMerge run
    for r, tr in enumerate(_children(tbl, TR)):
        row_ref = f"{table_ref}, row {r + 1}"
        before = after = 0
        header = False
        trpr = first_child(tr, TRPR)
        if trpr is not None:
            for prop in trpr:
                tag = prop.tag
                if tag == GRID_BEFORE:
                    before = _span(prop, 0)
                elif tag == GRID_AFTER:
                    after = _span(prop, 0)
                elif tag == TBLHEADER:
                    header = on_off(prop)
                elif tag in KINDS:  # inserted / deleted row
                    reader.record_change(prop, block_id, row_ref)
        col = before
        drafts: list[_CellDraft] = []
        for tc in _children(tr, TC):
            span, merge, fill = 1, None, None
            if len(tc) and tc[0].tag == TCPR:  # the schema puts w:tcPr first
                for prop in tc[0]:
                    tag = prop.tag
                    if tag == GRID_SPAN:
                        span = max(_span(prop, 1), 1)
                    elif tag == VMERGE:
                        merge = prop.get(VAL) or "continue"
                    elif tag == SHD:
                        fill = shading_fill(prop)
            cell_ref = f"{row_ref}, col {col + 1}"
            blocks: list = []
            reader.blocks_into(tc, Container(cell_ref), blocks)
            draft = _CellDraft(r, col, span, blocks, cell_ref, fill)
            if merge is not None and merge != "restart" and col in open_merges:
                origin = open_merges[col]
                origin.row_span = r - origin.row + 1
                draft.merged = True
            elif merge is not None:
                open_merges[col] = draft  # "restart", or a continue with nothing above
            elif open_merges:
                for c in range(col, col + span):
                    open_merges.pop(c, None)
            drafts.append(draft)
            col += span
        rows.append((drafts, row_ref, header, col + after))
    n_cols = max((width for *_, width in rows), default=0)
    for drafts, row_ref, _, width in rows:
        if width != n_cols and drafts:
            reader.diagnostics.append(make(
                "ragged_row", row_ref, found=width, expected=n_cols,
                action="the grid positions it lacks are left empty"))
    return Table(
        block_id=block_id,
        index=index,
        rows=tuple(build(Row, index=i, cells=tuple(d.freeze() for d in drafts), source_ref=row_ref,
                         is_header=header)
                   for i, (drafts, row_ref, header, _) in enumerate(rows)),
        n_cols=n_cols,
        source_ref=table_ref,
    )
