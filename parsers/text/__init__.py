"""Plain-text exports of Word files -> `Document` (format "txt").

`parse_text(path)` decodes the bytes (decoding.py), decides which export dialect
the text is written in, reads its structure with that dialect's reader, and builds
the model (drafts.py). Dialects, recorded in `Document.properties["dialect"]`:

* "tika": Apache POI / Tika style (SPEC.md "Inputs"): TAB-led table cells,
  "[footnoteRef:N]" marks, "TAB Comment by AUTHOR:" comments (tika.py).
* "markdown": Markdown / pandoc markdown: ATX or setext headings, lists, pipe
  tables, "[^1]" footnotes (markdown.py).
* "plain": anything else, e.g. LibreOffice "Text": one paragraph a line; read by
  the Tika reader, which finds no tables in it.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Document
from .decoding import read_text
from .drafts import build
from .tika import read_tika

TIKA_MARKS = re.compile(r"\[(?:foot|end)noteRef:\d|\tComment by ")
MD_SIGNS = re.compile(
    r"^(?:#{1,6}[ \t]+\S"  # ATX heading
    r"|[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|"  # pipe-table delimiter row
    r"|\[\^[^\]\s]+\]:"  # footnote definition
    r"|={3,}[ \t]*$)",  # setext heading underline
    re.MULTILINE,
)
CELL_LINE = re.compile(r"^\t", re.MULTILINE)


def detect_dialect(text: str) -> str:
    """"tika", "markdown" or "plain": Tika's own marks win, then Markdown signs, then
    TAB-led lines (Tika tables without marks)."""
    if TIKA_MARKS.search(text):
        return "tika"
    if MD_SIGNS.search(text):
        return "markdown"
    if CELL_LINE.search(text):
        return "tika"
    return "plain"


def parse_text(path: str | Path) -> Document:
    """The Document read from a plain-text export at `path` (format "txt").

    Raises UnreadableFile (missing or empty file) or UnsupportedFormat (binary data).
    """
    decoded = read_text(path)
    dialect = detect_dialect(decoded.text)
    if dialect == "markdown":
        from .markdown import read_markdown
        items, note_drafts = read_markdown(decoded.text)
    else:
        items, note_drafts = read_tika(decoded.text), []
    built = build(items, note_drafts)
    return Document(
        path=str(path), format="txt", blocks=built.blocks, notes=built.notes,
        comments=built.comments, diagnostics=decoded.diagnostics + built.diagnostics,
        properties={"dialect": dialect, "encoding": decoded.encoding},
    )


__all__ = ["parse_text", "detect_dialect"]
