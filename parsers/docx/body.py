"""Blocks and paragraph text of a WordprocessingML story (body, cell, text box, note).

`BodyReader.read_blocks(element, container)` walks the children of a block
container in reading order and returns model blocks. The walk works on lxml
elements directly (python-docx's proxies are ~10x slower and its Paragraph.text
mishandles tracked changes): one pass over each paragraph's inline content, with
state for complex fields, tracked changes, comment ranges and note references.
"""

from __future__ import annotations

from ..diagnostics import make
from ..model import Block, Diagnostic, NoteRef, Paragraph
from .changes import HIDING, KINDS, ChangeBuilder
from .numbering import FIND
from .oxml import (
    ALT,
    BR,
    CEND,
    COMMENTREF,
    CR,
    CSTART,
    CUSTOMXML,
    DELINSTR,
    DELTEXT,
    DRAWING,
    FLDCHAR,
    INSTR,
    M_T,
    NBH,
    NOTE_KINDS,
    NUMPR,
    OBJECT,
    OUTLINE,
    PICT,
    PPR,
    PSTYLE,
    PTAB,
    RPR,
    RUBY,
    RUBYBASE,
    SDT,
    SDTCONTENT,
    SYM,
    TAB,
    TBL,
    TRANSPARENT,
    TXBX,
    VAL,
    VANISH,
    B,
    P,
    R,
    T,
    build,
    choose_branch,
    first_child,
    sym_char,
)
from .package import W
from .stories import CommentAnchor, CommentRanges, Container
from .styles import Styles
from .tables import read_table


class BodyReader:
    """Walks stories of one document and collects blocks and side records.

    styles: style facts; numbering: a NumberingResolver, or None for stories whose
        paragraphs take no list labels (notes, comments).
    After the walk: `changes` (ChangeBuilder, in order), `comment_ranges`
    (id -> CommentAnchor), `comment_refs` (id -> block_id of the reference mark),
    `note_anchors` ((kind, id) -> (block_id, offset, paragraph text)),
    `diagnostics`.
    """

    def __init__(self, styles: Styles, numbering=None):
        self.styles = styles
        self.numbering = numbering
        self.diagnostics: list[Diagnostic] = []
        self.next_id = 0
        self.n_tables = 0
        self.changes: list[ChangeBuilder] = []
        self.comments = CommentRanges()
        self.comment_refs: dict[str, int] = {}
        self.note_anchors: dict[tuple[str, str], tuple[int, int, str]] = {}
        self._active: list[ChangeBuilder] = []
        self._deleted = 0
        self._fields: list[bool] = []  # one per open complex field: True once past "separate"
        self._hidden = False  # inside field instructions
        self._numbering_failed = False
        self._missing_reported: set[str] = set()  # numIds reported as numbering_missing
        self._new_paragraph_state(-1, "")

    # ---- blocks -------------------------------------------------------------

    def new_id(self) -> int:
        """The next block_id in reading order."""
        self.next_id += 1
        return self.next_id

    def read_blocks(self, parent, container: Container) -> list[Block]:
        """The blocks among the children of `parent` (w:body, w:tc, w:txbxContent...)."""
        out: list[Block] = []
        self.blocks_into(parent, container, out)
        return out

    def blocks_into(self, parent, container: Container, out: list) -> None:
        """Append to `out` the blocks among the children of `parent`."""
        for child in parent:
            tag = child.tag
            if tag == P:
                self._paragraph(child, container, out)
            elif tag == TBL:
                out.append(read_table(self, child))
            elif tag == SDT:
                content = first_child(child, SDTCONTENT)
                if content is not None:
                    self.blocks_into(content, container, out)
            elif tag == CUSTOMXML:
                self.blocks_into(child, container, out)
            elif tag == ALT:
                branch = choose_branch(child)
                if branch is not None:
                    self.blocks_into(branch, container, out)
            elif tag == CSTART:
                self.comments.open(child.get(W + "id") or "", None)
            elif tag == CEND:
                self.comments.close(child.get(W + "id") or "")
            elif tag in KINDS:
                # A change wrapped around block content (rare): record it, read inside.
                self._enter_change(child, None, container.prefix or "body")
                self.blocks_into(child, container, out)
                self._leave_change(child)

    def record_change(self, el, block_id: int | None, source_ref: str) -> None:
        """Record a structural change (paragraph mark, table row): no text of its own."""
        self.changes.append(ChangeBuilder(el, block_id, source_ref))

    # ---- paragraphs ---------------------------------------------------------

    def _new_paragraph_state(self, block_id: int, ref: str) -> None:
        self._block_id = block_id
        self._ref = ref
        self._parts: list[str] = []
        self._len = 0
        self._note_refs: list[NoteRef] = []
        self._pending_notes: list[tuple[str, str, int]] = []
        self._boxes: list = []
        self._all_bold = True
        self._any_text = False
        self._run_el = None
        self._run_bold: bool | None = None
        self._para_bold = self.styles.default_bold
        self._para_vanish = self.styles.default_vanish
        self._vanished = False  # the current run is hidden text (w:vanish)

    def _paragraph(self, p, container: Container, out: list) -> None:
        block_id = self.new_id()
        ref = container.paragraph_ref()
        self._new_paragraph_state(block_id, ref)
        styles = self.styles
        style_id = outline = None
        # The numbering resolver gets the numPr from here when pPr comes first (the schema's
        # place); otherwise it looks among the children itself, unless there are no others.
        num_pr = FIND if len(p) > 1 else None
        if len(p) and p[0].tag == PPR:  # the schema puts w:pPr first
            num_pr = None
            for prop in p[0]:
                tag = prop.tag
                if tag == PSTYLE:
                    style_id = prop.get(VAL)
                elif tag == OUTLINE:
                    outline = prop
                elif tag == RPR or tag == NUMPR:
                    if tag == NUMPR and num_pr is None:
                        num_pr = prop  # handed to the numbering resolver: no second look
                    for el in prop:  # paragraph-mark and numbering changes
                        if el.tag in KINDS:
                            self.record_change(el, block_id, ref)
        effective = style_id if styles.element(style_id) is not None else styles.default_paragraph
        name, style_level, bold = styles.facts(effective)
        if bold is not None:
            self._para_bold = bold
        vanish = styles.vanish(effective)
        if vanish is not None:
            self._para_vanish = vanish
        self.comments.new_paragraph(block_id)

        self._inline(p)

        text = "".join(self._parts)
        while self._fields and not self._fields[-1]:
            # Field instructions never span paragraphs in practice; an unclosed one
            # must not hide the rest of the document.
            self._fields.pop()
        self._hidden = not all(self._fields)
        if outline is not None:
            try:
                n = int(outline.get(VAL))
            except (TypeError, ValueError):
                n = 9
            level = n + 1 if 0 <= n < 9 else None
        else:
            level = style_level
        label = self._label(p, effective, num_pr)
        out.append(build(
            Paragraph,
            block_id=block_id,
            text=text,
            source_ref=ref,
            style=name,
            heading_level=level,
            list_label=(label.text or None) if label is not None else None,
            list_level=label.level if label is not None else None,
            list_kind=label.kind if label is not None else None,
            note_refs=tuple(self._note_refs),
            bold=self._all_bold and self._any_text,
            indent=None,  # every field given: `build`'s fast path
            checked=None,
        ))
        for (kind, note_id, offset) in self._pending_notes:
            self.note_anchors.setdefault((kind, note_id), (block_id, offset, text))
        boxes = self._boxes
        for box in boxes:
            self.blocks_into(box, container, out)

    def _label(self, p, style_id, num_pr):
        if self.numbering is None or self._numbering_failed:
            return None
        try:
            label = self.numbering.label(p, style_id, num_pr)
        except Exception as e:  # noqa: BLE001 - a numbering bug must not lose the document
            self._numbering_failed = True
            self.diagnostics.append(make("numbering_failed", self._ref, error=f"{type(e).__name__}: {e}"))
            return None
        if len(self.numbering.missing_num_ids) > len(self._missing_reported):
            # A list that numbering.xml does not define, first used here: reported once.
            for num_id in sorted(self.numbering.missing_num_ids - self._missing_reported):
                self._missing_reported.add(num_id)
                self.diagnostics.append(make("numbering_missing", self._ref, num_id=num_id))
        return label

    # ---- inline content -----------------------------------------------------

    def _inline(self, parent) -> None:
        for child in parent:
            tag = child.tag
            if tag == R:
                self._run_el = child
                self._run_bold = None
                self._vanished = self.styles.run_flag(child, VANISH, self._para_vanish)
                self._run_content(child)
                self._vanished = False
            elif tag == PPR:
                continue
            elif tag in TRANSPARENT:
                self._inline(child)
            elif tag in KINDS:
                self._enter_change(child, self._block_id, self._ref)
                self._inline(child)
                self._leave_change(child)
            elif tag == SDT:
                content = first_child(child, SDTCONTENT)
                if content is not None:
                    self._inline(content)
            elif tag == CSTART:
                self.comments.open(child.get(W + "id") or "", self._block_id)
            elif tag == CEND:
                self.comments.close(child.get(W + "id") or "")
            elif tag == ALT:
                branch = choose_branch(child)
                if branch is not None:
                    self._inline(branch)
            elif tag == M_T:
                if child.text:
                    self._run_el = parent
                    self._run_bold = None
                    self._emit(child.text)
            elif len(child) and isinstance(tag, str):
                self._inline(child)  # math (m:oMath...) and other wrappers

    def _run_content(self, r) -> None:
        for child in r:
            tag = child.tag
            if tag == T:
                s = child.text
                if s:
                    self._emit(s)
            elif tag == RPR:
                continue
            elif tag == TAB or tag == PTAB:
                self._emit("\t")
            elif tag == BR or tag == CR:
                self._emit("\n")
            elif tag == DELTEXT:
                if child.text:
                    for change in self._active:
                        change.parts.append(child.text)
            elif tag == FLDCHAR:
                self._field_char(child.get(W + "fldCharType"))
            elif tag == INSTR or tag == DELINSTR:
                continue
            elif tag == NBH:
                self._emit("-")
            elif tag == SYM:
                self._emit(sym_char(child))
            elif tag in NOTE_KINDS:
                if not self._deleted and not self._hidden and not self._vanished:
                    note_id = child.get(W + "id") or ""
                    self._note_refs.append(NoteRef(note_id, self._len))
                    self._pending_notes.append((NOTE_KINDS[tag], note_id, self._len))
            elif tag == COMMENTREF:
                self.comment_refs.setdefault(child.get(W + "id") or "", self._block_id)
            elif tag == DRAWING or tag == PICT or tag == OBJECT:
                self._find_boxes(child)
            elif tag == ALT:
                branch = choose_branch(child)
                if branch is not None:
                    self._run_content(branch)
            elif tag == RUBY:
                base = first_child(child, RUBYBASE)
                if base is not None:
                    self._inline(base)

    def _emit(self, s: str) -> None:
        if self._hidden or self._vanished:  # field instructions, hidden text
            return
        for change in self._active:
            change.parts.append(s)
        if self._deleted:
            return
        self._parts.append(s)
        self._len += len(s)
        if self.comments.open_anchors:
            for anchor in self.comments.open_anchors.values():
                anchor.parts.append(s)
        if self._all_bold and not s.isspace():
            self._any_text = True
            if self._run_bold is None:
                self._run_bold = self._bold_of(self._run_el)
            if not self._run_bold:
                self._all_bold = False

    def _bold_of(self, run) -> bool:
        return self.styles.run_flag(run, B, self._para_bold)

    def _field_char(self, kind: str | None) -> None:
        fields = self._fields
        if kind == "begin":
            fields.append(False)
        elif kind == "separate":
            if fields:
                fields[-1] = True
        elif kind == "end":
            if fields:
                fields.pop()
        self._hidden = not all(fields)

    def _find_boxes(self, el) -> None:
        for child in el:
            tag = child.tag
            if tag == TXBX:
                self._boxes.append(child)
            elif tag == ALT:
                branch = choose_branch(child)
                if branch is not None:
                    self._find_boxes(branch)
            elif len(child) and isinstance(tag, str):
                self._find_boxes(child)

    # ---- changes and comments -----------------------------------------------

    def _enter_change(self, el, block_id, ref) -> None:
        change = ChangeBuilder(el, block_id, ref)
        self.changes.append(change)
        self._active.append(change)
        if el.tag in HIDING:
            self._deleted += 1

    def _leave_change(self, el) -> None:
        self._active.pop()
        if el.tag in HIDING:
            self._deleted -= 1

    @property
    def comment_ranges(self) -> dict[str, CommentAnchor]:
        return self.comments.anchors
