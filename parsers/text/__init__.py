"""Plain-text exports of Word files -> `Document` (format "txt").

`parse_text(path)` decodes the bytes (decoding.py), decides which export dialect
the text is written in, reads its structure with that dialect's reader, and builds
the model (drafts.py). Dialects, recorded in `Document.properties["dialect"]`:

* "tika": Apache POI / Tika style (SPEC.md "Inputs"): TAB-led table cells,
  "[footnoteRef:N]" marks, "TAB Comment by AUTHOR:" comments (tika.py).
* "markdown": Markdown / pandoc markdown: ATX or setext headings, lists, pipe
  tables, "[^1]" footnotes (markdown.py).
* "plain": anything else, e.g. LibreOffice "Text" (one paragraph a line) or pandoc's
  plain writer (wrapped paragraphs, "[1]" notes); read by the Tika reader. Lines whose
  fields line up in columns of spaces become tables of origin "aligned_text"
  (aligned.py).

In the "markdown" and "plain" dialects pandoc's simple, multiline and grid tables are
taken out first (pandoc_tables.py) and put back in reading order.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Document
from . import pandoc_plain
from .aligned import find_aligned
from .decoding import read_text
from .drafts import NoteDraft, ParaDraft, TableDraft, build
from .html import read_blocks as read_html_blocks
from .pandoc_tables import blank_tables, find_tables, merge, to_draft
from .tika import read_tika

TIKA_MARKS = re.compile(r"\[(?:foot|end)noteRef:\d|\tComment by ")
MD_SIGNS = re.compile(
    r"^(?:#{1,6}[ \t]+\S"  # ATX heading
    r"|[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|"  # pipe-table delimiter row
    r"|\[\^[^\]\s]+\]:"  # footnote definition
    r"|={3,}[ \t]*$"  # setext heading underline
    r"|[ \t]*[-*+][ \t]+\[[ xX]\][ \t]+\S"  # GFM task list item
    r"|\*\*[^*\n]+\*\*[ \t]*$)",  # a paragraph all in bold (pandoc's headings in body style)
    re.MULTILINE,
)
# An inline link "[text](url)"; no "[" inside the text, so a scan stays linear.
MD_LINK = re.compile(r"\[[^\[\]\n]{1,200}\]\((?:https?://|mailto:|[\w./#-]{1,200}\.md\b)[^()\s]{0,500}\)")
CELL_LINE = re.compile(r"^\t", re.MULTILINE)


MD_SUFFIXES = (".md", ".markdown")


def detect_dialect(text: str, suffix: str = "") -> str:
    """"tika", "markdown" or "plain": Tika's own marks win, then Markdown signs or a
    Markdown file name suffix (`suffix`, ".md"), then TAB-led lines (Tika tables
    without marks)."""
    if TIKA_MARKS.search(text):
        return "tika"
    if suffix.lower() in MD_SUFFIXES or MD_SIGNS.search(text) or MD_LINK.search(text):
        return "markdown"
    if CELL_LINE.search(text):
        return "tika"
    return "plain"


def parse_text(path: str | Path) -> Document:
    """The Document read from a plain-text export at `path` (format "txt").

    Raises UnreadableFile (missing or empty file) or UnsupportedFormat (binary data).
    """
    decoded = read_text(path)
    dialect = detect_dialect(decoded.text, Path(path).suffix)
    if dialect == "tika":
        items, note_drafts = read_tika(decoded.text), []
    else:
        items, note_drafts = _read_pandoc_like(decoded.text, dialect)
    built = build(items, note_drafts)
    return Document(
        path=str(path), format="txt", blocks=built.blocks, notes=built.notes,
        comments=built.comments, diagnostics=decoded.diagnostics + built.diagnostics,
        properties={"dialect": dialect, "encoding": decoded.encoding},
    )


def _read_pandoc_like(text: str, dialect: str) -> tuple[list[ParaDraft | TableDraft], list[NoteDraft]]:
    """Paragraphs, tables and notes of a Markdown or plain text that may carry pandoc's
    simple, multiline and grid tables (pandoc_tables.py) and, in plain text, pandoc's
    "[1]" notes and wrapped paragraphs (pandoc_plain.py)."""
    lines = text.split("\n")
    html_tables: list[TableDraft] = []
    html_notes: list[NoteDraft] = []
    if dialect == "markdown":
        html_tables, html_notes = read_html_blocks(lines)  # blanks them, as blank_tables does
    raw_tables = find_tables(lines)
    blank_tables(lines, raw_tables)
    if dialect == "markdown":
        from .markdown import read_markdown, read_markdown_cell
        items, note_drafts = read_markdown("\n".join(lines))
        note_drafts += html_notes
        if pandoc_plain.is_wrapped(lines):  # line breaks are the writer's, not the author's
            for item in items:
                if isinstance(item, ParaDraft):
                    item.text = item.text.replace("\n", " ")
        tables = sorted([to_draft(t, read_markdown_cell) for t in raw_tables] + html_tables, key=lambda t: t.line)
        return merge(items, tables), note_drafts
    note_drafts = pandoc_plain.take_notes(lines)
    aligned = find_aligned(lines)  # before unwrapping, which would join their lines
    pandoc_plain.unwrap(lines)
    tables = [to_draft(t, pandoc_plain.read_cell) for t in raw_tables]
    tables = sorted(tables + aligned, key=lambda t: t.line)
    items = merge(read_tika("\n".join(lines)), tables)
    pandoc_plain.link_marks(items, note_drafts)
    return items, note_drafts


__all__ = ["parse_text", "detect_dialect"]
