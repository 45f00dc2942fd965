"""What a document without work structure seems to be, so that its
`no_work_structure` diagnostic tells the analyst why nothing was found
(issue 10: "honest when there is no structure")."""

from __future__ import annotations

import re

from parsers.model import Document, Paragraph, Table

from .junk import is_prose
from .labels import clean

# Slides: short text per page. A page of a report holds 300+ words; a slide 10-60.
SLIDE_MAX_WORDS_PER_PAGE = 80
# A budget: most table cells are amounts.
BUDGET_MIN_NUMERIC_SHARE = 0.5
_AMOUNT = re.compile(r"^[\s$€£¥]*[-+]?\d[\d\s.,'’]*(?:%|k|m|eur|usd|chf)?\s*$", re.I)


def what_it_seems(doc: Document) -> tuple[str, str]:
    """(kind, evidence): kind is empty | slides | budget | narrative | unstructured."""
    paragraphs = [b for b in doc.iter_blocks() if isinstance(b, Paragraph) and clean(b.text)]
    words = sum(len(p.text.split()) for p in paragraphs)
    if not paragraphs:
        return "empty", "it holds no text"
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    cells = [clean(c.text) for t in tables for row in t.rows for c in row.cells if clean(c.text)]
    if cells and sum(bool(_AMOUNT.match(c)) for c in cells) / len(cells) >= BUDGET_MIN_NUMERIC_SHARE:
        return "budget", f"{len(cells)} table cells, mostly amounts"
    if doc.format == "pdf" and doc.n_pages and words / doc.n_pages <= SLIDE_MAX_WORDS_PER_PAGE:
        return "slides", f"{doc.n_pages} pages of about {words // doc.n_pages} words each"
    prose = sum(is_prose(p.text) or len(p.text) > 200 for p in paragraphs)
    if prose * 2 >= len(paragraphs):
        return "narrative", f"{prose} of {len(paragraphs)} paragraphs are running prose"
    return "unstructured", f"{len(paragraphs)} paragraphs and {len(tables)} tables, none announcing work"
