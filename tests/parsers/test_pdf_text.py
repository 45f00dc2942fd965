"""Text that reads as text (issue 10), on a generated PDF set as a grant form or
TeX sets it (pdf_samples.tight_text): words split by a gap relative to the font
size, text drawn over the next cell kept apart, superscript footnote numbers in
header cells taken out as note references, glyphs with no Unicode map read
through their symbol font or dropped with a warning."""

from __future__ import annotations

import pytest

from parsers.diagnostics import CODES
from parsers.model import Table
from parsers.pdf import parse_pdf


@pytest.fixture(scope="module")
def doc(tmp_path_factory, pdf_samples):
    return parse_pdf(pdf_samples.tight_text(tmp_path_factory.mktemp("pdf") / "tight.pdf"))


def _table(doc) -> Table:
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    return table


def test_pdf_words_split_where_a_small_font_leaves_a_word_space(doc):
    # 1.1 pt between words of 6 pt type is a word space (0.18 em), although
    # pdfplumber's tolerance of 1.5 pt would glue "Leadbeneficiary"
    header = [c.text for c in _table(doc).rows[0].cells]
    assert header == ["WP Number", "Lead beneficiary", "Type", "Dissemination level", "Start month"]


def test_pdf_text_drawn_over_the_next_cell_stays_apart(doc):
    # "Demonstrator" runs out of its narrow cell over "Public": two words, each in its cell
    assert [c.text for c in _table(doc).rows[1].cells] == ["WP1", "1 - UPSud", "Demonstrator", "Public", "1"]


def test_pdf_superscript_numbers_in_header_cells_are_note_references(doc):
    cells = _table(doc).rows[0].cells
    refs = [[(r.note_id, r.offset) for p in c.paragraphs for r in p.note_refs] for c in cells]
    # beside the last word, or wrapped to a line of its own under "Type"
    assert refs == [[("9", 9)], [("10", 16)], [("15", 4)], [], []]
    assert _table(doc).rows[0].is_header


def test_pdf_glyph_codes_never_reach_the_text(doc):
    texts = [p.text for p in doc.iter_paragraphs()]
    assert not any("(cid:" in t for t in texts)
    arrow = next(p for p in doc.iter_paragraphs() if p.text == "Arrow item")
    # ZapfDingbats code 0xD8 has no Unicode map in the font: the font's table says ➘
    assert (arrow.list_label, arrow.list_kind) == ("\u2798", "bullet")
    assert "Lost glyph here" in texts  # Helvetica has no glyph for 0x81: dropped


def test_pdf_dropped_glyphs_are_a_warning(doc):
    (warning,) = [d for d in doc.diagnostics if d.code == "glyphs_dropped"]
    assert warning.severity == "warning" and CODES["glyphs_dropped"].loses_data
    assert warning.message.startswith("1 character(s) on page 1 have no Unicode meaning in their font (Helvetica)")
    assert warning.source_ref == "page 1"


def test_pdf_symbol_font_table_reads_dingbat_letters():
    from parsers.pdf.words import glyph_text

    assert glyph_text("l", "ABCDEF+ZapfDingbats") == "\u25cf"  # a dot drawn as the letter l
    assert glyph_text("\u00d8", "Wingdings-Regular") == "\u27a2"  # Word's arrow bullet
    assert glyph_text("(cid:183)", "SymbolMT") == "\u2022"
    assert glyph_text("l", "Wingdings2") == "l"  # Wingdings 2 is another font
    assert glyph_text("(cid:7)", "TimesNewRomanPSMT") is None
    assert glyph_text("\uf0b7", "OpenSymbol") == "\uf0b7"  # private-use bullets stay bullets


def test_pdf_form_fields_are_text_boxes_and_hand_wrapped_text_one_paragraph(tmp_path, pdf_samples):
    doc = parse_pdf(pdf_samples.form_fields(tmp_path / "form.pdf"))
    # framed boxes under shaded bars are no table ruled across only
    assert list(doc.iter_tables()) == []
    texts = [p.text for p in doc.iter_paragraphs()]
    objective, workshops = " ".join(pdf_samples.FORM_TEXT[:4]), pdf_samples.FORM_TEXT[4]
    # lines wrapped by hand at a narrower measure: a sentence going on in lower case is one paragraph
    assert texts[:5] == ["Objectives", objective, workshops, "Description of work",
                         " ".join(pdf_samples.FORM_TEXT[:2])]
