"""A footnote printed at body size (pandoc's Word styles, printed by LibreOffice):
the short separator rule with a raised mark under it opens the note area, and the
mark glued to a word in a table cell ("cities¹") links the note to that cell."""

from __future__ import annotations

from pathlib import Path

from parsers.model import Table
from parsers.pdf import parse_pdf

PANDOC_PDF = Path(__file__).resolve().parents[1] / "documents" / "generated" / "pandoc-plan.pdf"


def test_body_size_footnote_under_a_separator_is_a_note_linked_to_its_cell():
    doc = parse_pdf(PANDOC_PDF)
    (note,) = doc.notes
    assert (note.note_id, note.text) == ("1", "The list of pilot cities is agreed in the concept note of March 2025.")
    cells = {p.block_id: (c, p) for b in doc.blocks if isinstance(b, Table) for c in b.cells for p in c.paragraphs}
    cell, para = cells[note.anchor_block]
    assert para.text == "Publish heat-risk profiles for 20 pilot cities"  # the mark is out of the text
    assert cell.source_ref == "page 1, table 1, row 3, col 1"
    # the note's text is no paragraph of the body
    assert not any(getattr(b, "text", "").startswith("1 The list of pilot cities") for b in doc.blocks)
