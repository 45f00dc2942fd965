"""Markdown and pandoc-markdown text exports, read with markdown-it-py (CommonMark
plus GFM pipe tables): headings -> heading_level, list items -> list labels, pipe
tables -> tables, "[^id]" marks and "[^id]: text" definitions -> footnotes, GFM task
boxes ("- [ ] task", "- [x] done") -> `checked`, the box taken out of the text.

Ordered items keep the number as written ("1.", "3.", "4." stay so, although
Markdown renders them 1, 2, 3): markdown-it gives it in the item token's `info`.
Links keep their text; the URL is dropped.

Footnote definitions are taken out by hand before parsing (markdown-it-py reads
them only with the mdit-py-plugins package, which the project does not install);
they are blanked, not deleted, so token line numbers stay those of the file.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .drafts import CellDraft, NoteDraft, ParaDraft, TableDraft
from .html import inline_refs

FOOTNOTE_DEF = re.compile(r"\[\^([^\]\s]{1,40})\]:[ \t]?")
FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]{1,40})\]")
TASK_BOX = re.compile(r"\[([ xX])\][ \t]+(?=\S)")  # GFM task list item: "[ ] " or "[x] "


def _take_definitions(lines: list[str]) -> list[NoteDraft]:
    """Footnote definitions (with their indented continuation lines), blanked in `lines`."""
    notes: list[NoteDraft] = []
    current: NoteDraft | None = None
    for i, line in enumerate(lines):
        m = FOOTNOTE_DEF.match(line)
        if m:
            current = NoteDraft(m.group(1), "footnote", line[m.end():].strip(), i + 1)
            notes.append(current)
            lines[i] = ""
        elif current is not None and line.startswith(("  ", "\t")) and line.strip():
            current.text = f"{current.text}\n{line.strip()}" if current.text else line.strip()
            lines[i] = ""
        elif line.strip():
            current = None
    return notes


def _inline_text(token: Token) -> str:
    """The visible text of an inline token: markup dropped, line breaks as "\n".

    Soft breaks stay line breaks: in a text export a line often carries one field
    ("Lead: UNEP" above "Partners: FAO"); normalizers collapse whitespace anyway."""
    out: list[str] = []
    has_html = False
    for child in token.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            out.append(child.content)
            has_html = has_html or child.type == "html_inline"
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif child.type == "image":
            out.append(_inline_text(child))
    # raw HTML in the text: note marks become "[^1]", other tags go (parsers.text.html)
    return inline_refs("".join(out)) if has_html else "".join(out)


def _para(token: Token, line: int) -> ParaDraft:
    text = _inline_text(token)
    refs: list[tuple[str, int]] = []
    if "[^" in text:
        pieces, last, length = [], 0, 0
        for m in FOOTNOTE_REF.finditer(text):
            pieces.append(text[last:m.start()])
            length += m.start() - last
            refs.append((f"footnote:{m.group(1)}", length))
            last = m.end()
        pieces.append(text[last:])
        text = "".join(pieces)
    return ParaDraft(text=text, line=line, refs=refs)


def _take_box(draft: ParaDraft) -> None:
    """A task box opening a list item's text becomes `checked` (note marks shift left)."""
    m = TASK_BOX.match(draft.text)
    if m is None:
        return
    draft.checked = m.group(1) != " "
    draft.text = draft.text[m.end():]
    draft.refs = [(slot, offset - m.end()) for slot, offset in draft.refs]


def read_markdown(text: str) -> tuple[list[ParaDraft | TableDraft], list[NoteDraft]]:
    """Paragraphs and tables of a Markdown text, and its footnote definitions."""
    lines = text.split("\n")
    note_drafts = _take_definitions(lines)
    tokens = MarkdownIt("commonmark").enable("table").parse("\n".join(lines))
    items: list[ParaDraft | TableDraft] = []
    lists: list[str] = []  # "bullet" / "number" per open list, innermost last
    label: str | None = None  # label of the list item whose first paragraph is next
    heading: int | None = None
    table: TableDraft | None = None
    row: list[CellDraft] | None = None
    row_line = 1
    for i, tok in enumerate(tokens):
        line = (tok.map[0] + 1) if tok.map else (items[-1].line if items else 1)
        kind = tok.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists.append("bullet" if kind == "bullet_list_open" else "number")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_close":
            label = None  # an empty item ("a)" alone) labels nothing after it
        elif kind == "list_item_open":
            label = tok.markup if lists[-1] == "bullet" else f"{tok.info}{tok.markup}"
        elif kind == "heading_open":
            heading = int(tok.tag[1:])
        elif kind == "table_open":
            table = TableDraft(line=line, rows=[], n_cols=0)
            items.append(table)
        elif kind == "table_close":
            table = None
        elif kind == "tr_open" and table is not None:
            row, row_line = [], line
            table.rows.append(row)
        elif kind in ("th_open", "td_open") and row is not None:
            inline = tokens[i + 1]
            row.append(CellDraft(row_line, [_para(inline, row_line)]))
        elif kind == "tr_close" and table is not None and row is not None:
            table.n_cols = table.n_cols or len(row)  # the header row sets the width
            row = None
        elif kind == "inline" and table is None:
            draft = _para(tok, line)
            if heading is not None:
                draft.heading_level, heading = heading, None
            elif label is not None:
                draft.list_label, draft.list_kind = label, lists[-1]
                draft.list_level, label = len(lists) - 1, None
                _take_box(draft)
            items.append(draft)
        elif kind in ("code_block", "fence", "html_block"):
            for k, code_line in enumerate(tok.content.rstrip("\n").split("\n")):
                if kind == "html_block":
                    code_line = inline_refs(code_line)
                if code_line.strip():
                    items.append(ParaDraft(text=code_line, line=line + k + (kind == "fence")))
    return items, note_drafts


def read_markdown_cell(text: str, line: int) -> list[ParaDraft]:
    """The paragraphs of one table-cell paragraph written in Markdown (starting at
    source line `line`); a table nested in it is left out."""
    items, _ = read_markdown(text)
    paras = [item for item in items if isinstance(item, ParaDraft)]
    for para in paras:
        para.line += line - 1
        # A cell's line breaks are where pandoc wrapped it to the column's width.
        para.text = para.text.replace("\n", " ")
    return paras
