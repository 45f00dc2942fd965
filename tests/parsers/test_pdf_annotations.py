"""Reviewer comments kept as PDF annotations become Comments (those of the shared
fixture as in its .docx twin and the gold); an annotation that
lacks /Rect is kept with a diagnostic, and the page's other annotations survive."""

from __future__ import annotations

import json
import re

import pdfplumber
import pytest
from pdfminer.pdftypes import resolve1

from parsers.docx import parse_docx
from parsers.pdf import parse_pdf
from parsers.pdf.annotations import iso_date


@pytest.fixture(scope="module")
def doc(tmp_path_factory, pdf_samples):
    return parse_pdf(pdf_samples.annotated(tmp_path_factory.mktemp("pdf") / "annot.pdf"))


def test_pdf_comments_from_text_highlight_freetext(doc):
    by_text = {c.text: c for c in doc.comments}
    assert set(by_text) == {"Please check the dates", "Is this the right lead?", "Add Q3 here",
                            "Broken note without rect"}
    note = by_text["Please check the dates"]
    assert note.author == "Gita Parihar [HOTMAIL]" and note.date == "2021-05-04T14:12:00"
    high = by_text["Is this the right lead?"]
    assert high.anchor_text == "Lead agency UNDP"
    assert doc.block_by_id()[high.anchor_block].text == "Lead agency UNDP"
    assert by_text["Add Q3 here"].author == "Li Wei"
    assert [c.comment_id for c in doc.comments] == ["1", "2", "3", "4"]


def test_pdf_annotation_without_rect_is_kept_with_a_warning(doc):
    broken = [c for c in doc.comments if c.author == "No Rect"][0]
    assert broken.anchor_block is None and broken.anchor_text is None
    assert [(d.code, d.source_ref) for d in doc.diagnostics] == [("annotation_incomplete", "page 1")]
    assert "/Rect" in doc.diagnostics[0].message


def _subtypes(path) -> list[str]:
    """Every annotation's /Subtype, read raw: pdfplumber's page.annots raises KeyError
    on the /Popup annotations without /Rect that LibreOffice writes."""
    with pdfplumber.open(path) as pdf:
        return [resolve1(a).get("Subtype").name for page in pdf.pages
                for a in resolve1(page.page_obj.annots) or []]


@pytest.fixture(scope="module")
def img_pdf(fixtures_dir):
    return parse_pdf(fixtures_dir / "img-hre-draft-workplan.pdf")


def test_pdf_fixture_links_and_popups_are_not_comments(fixtures_dir, img_pdf):
    # LibreOffice exports footnote marks as /Link annotations and each comment as a
    # /Text note plus a rect-less /Popup: only the /Text notes are comments
    kinds = _subtypes(fixtures_dir / "img-hre-draft-workplan.pdf")
    assert kinds.count("Link") >= 2 and kinds.count("Popup") == kinds.count("Text") == 3
    assert len(img_pdf.comments) == 3
    assert img_pdf.diagnostics == ()


def test_pdf_fixture_comments_match_the_docx_twin(fixtures_dir, img_pdf):
    docx = parse_docx(fixtures_dir / "img-hre-draft-workplan.docx")
    assert len(docx.comments) == len(img_pdf.comments)
    pdf_blocks, docx_blocks = img_pdf.block_by_id(), docx.block_by_id()
    for got, want in zip(img_pdf.comments, docx.comments, strict=True):
        assert (got.author, got.text) == (want.author, want.text)
        block, twin = pdf_blocks[got.anchor_block], docx_blocks[want.anchor_block]
        # the same cell paragraph: the PDF's locator only adds the page
        assert re.sub(r"^page \d+, ", "", block.source_ref) == twin.source_ref
        assert block.text.strip() == twin.text.strip()
    # a /Text note marks a point, not a span; LibreOffice writes no date (D:000...)
    assert all(c.anchor_text is None and c.date is None for c in img_pdf.comments)
    assert [c.source_ref for c in img_pdf.comments] == ["page 2, comment 1", "page 4, comment 2",
                                                        "page 5, comment 3"]


def test_pdf_fixture_comments_match_gold(shared_dir, img_pdf):
    gold = json.loads((shared_dir / "gold" / "img-hre-draft-workplan.gold.json").read_text(encoding="utf-8"))
    want = [(f"{c['author']} [{c['author_tag']}]", c["text"]) for c in gold["comments"]]
    assert [(c.author, c.text) for c in img_pdf.comments] == want


@pytest.mark.parametrize("raw, iso", [
    ("D:20210504141200Z", "2021-05-04T14:12:00Z"),
    ("D:20210504141200+02'00'", "2021-05-04T14:12:00+02:00"),
    ("D:20210504141200-05'30", "2021-05-04T14:12:00-05:30"),
    ("D:20210504", "2021-05-04"),
    ("garbage", None),
    (None, None),
])
def test_pdf_annotation_dates(raw, iso):
    assert iso_date(raw) == iso
