"""Running text in a generated PDF: lines re-joined into paragraphs, hyphenation
undone (compounds kept), list labels split off, a footnote mark taken out of the
text and linked to its note, headings by size."""

from __future__ import annotations

import pytest

from parsers.model import Paragraph
from parsers.pdf import parse_pdf


@pytest.fixture(scope="module")
def doc(tmp_path_factory, pdf_samples):
    return parse_pdf(pdf_samples.prose(tmp_path_factory.mktemp("pdf") / "prose.pdf"))


def _paras(doc):
    return [b for b in doc.blocks if isinstance(b, Paragraph)]


def test_pdf_heading_by_size(doc):
    first = _paras(doc)[0]
    assert first.text == "Joint work plan" and first.heading_level == 1 and first.bold
    assert all(p.heading_level is None for p in _paras(doc)[1:])


def test_pdf_lines_rejoined_and_hyphenation_undone(doc):
    text = _paras(doc)[1].text
    assert text == ("The group agrees that the implementation of the plan starts in May and that "
                    "peer-review of the drafts is kept.")


def test_pdf_list_labels_split_off(doc):
    items = [(p.list_label, p.list_kind, p.text) for p in _paras(doc) if p.list_label]
    assert items == [
        ("a)", "number", "Prepare the outline of the joint guidance note with the lead agencies and "
                         "circulate it to the members for comment"),
        ("b)", "number", "Hold the review meeting"),
        ("-", "bullet", "A bullet item")]


def test_pdf_footnote_mark_removed_and_linked(doc):
    (note,) = doc.notes
    para = doc.block_by_id()[note.anchor_block]
    assert para.text == "Activities are funded by the members as agreed."
    assert note.text == "Members contribute staff time and travel." and note.kind == "footnote"
    assert note.anchor_offset == len("Activities are funded by the members")
    assert para.note_refs[0].note_id == "1" and note.anchor_text.endswith("by the members")


def test_pdf_headers_footers_and_page_numbers_removed(doc):
    texts = [p.text for p in doc.iter_paragraphs()]
    assert not any("internal use" in t or t.startswith("Page ") for t in texts)
    assert texts[-1].startswith("Second page text.")
    refs = [p.source_ref for p in _paras(doc)]
    assert refs[0] == "page 1, paragraph 1" and refs[-1] == "page 2, paragraph 1"
    assert len(set(p.block_id for p in doc.iter_blocks())) == len(list(doc.iter_blocks()))
