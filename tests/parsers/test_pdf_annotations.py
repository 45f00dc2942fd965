"""Reviewer comments kept as PDF annotations become Comments; an annotation that
lacks /Rect is kept with a diagnostic, and the page's other annotations survive."""

from __future__ import annotations

import pytest

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


def test_pdf_fixture_links_are_not_comments(fixtures_dir):
    # LibreOffice exports footnote marks as /Link annotations; they are no comments
    assert parse_pdf(fixtures_dir / "img-hre-draft-workplan.pdf").comments == ()


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
