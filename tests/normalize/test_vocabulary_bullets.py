"""One vocabulary of bullet glyphs (issue 9): parsers/data/glyphs.json, read by the
text and PDF readers and by the normalizers (list labels, organisation lists), so a
glyph one reader takes for a bullet is a bullet to all of them."""

from __future__ import annotations

import pytest

from normalize.organisations import default_matcher
from normalize.structure.labels import split_label
from parsers import vocabulary
from parsers.model import Paragraph
from parsers.pdf.layout import Line, Word
from parsers.pdf.paragraphs import split_label as split_pdf_label
from parsers.text.inline import LineReader


def test_org_list_drops_the_bullets_the_text_reader_knows():
    (ref,) = default_matcher().split_list("➢ UNDP")
    assert ref.org_id == "UNDP"


@pytest.mark.parametrize("glyph", sorted(vocabulary.BULLETS))
def test_every_reader_takes_every_bullet_glyph(glyph):
    assert [r.org_id for r in default_matcher().split_list(f"{glyph} UNDP\n{glyph} UNEP")] == ["UNDP", "UNEP"]
    draft = LineReader().read(f"{glyph} Map the initiatives", 1)
    assert (draft.list_kind, draft.list_label, draft.text) == ("bullet", glyph, "Map the initiatives")
    p = Paragraph(block_id=1, text=f"{glyph}\tMap the initiatives", source_ref="paragraph 1")
    assert split_label(p) == (None, "Map the initiatives", True)


def _pdf_line(*words: tuple[str, float, float]) -> Line:
    return Line([Word(text, x0, x1, 100.0, 110.0, 10.0, False, False, 1) for text, x0, x1 in words])


@pytest.mark.parametrize("glyph", sorted(vocabulary.BULLETS))
def test_the_pdf_reader_takes_every_bullet_glyph(glyph):
    # a glyph set off by a hanging indent opens a list item; with a word's gap it is text
    assert split_pdf_label(_pdf_line((glyph, 72, 76), ("Map", 90, 110), ("initiatives", 113, 150))) == \
        (glyph, "bullet", 1)
    assert split_pdf_label(_pdf_line((glyph, 72, 76), ("Map", 78, 98))) == (None, None, 0)


@pytest.mark.parametrize("glyph", sorted(vocabulary.SYMBOL_BULLETS))
def test_org_list_drops_a_bullet_symbol_touching_the_name(glyph):
    assert [r.org_id for r in default_matcher().split_list(f"{glyph}UNDP")] == ["UNDP"]


@pytest.mark.parametrize("text", ["o la otra", "– 13 June", "NBA", "> 50 participants"])
def test_a_typed_glyph_is_a_bullet_only_set_apart(text):
    glued = text.replace(" ", "", 1)
    assert LineReader().read(glued, 1).list_kind is None
    assert vocabulary.strip_bullet(glued, touching=True) == glued
