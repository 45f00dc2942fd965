"""Running headers and footers and slide bullets (issue 10), on a generated slide
deck (pdf_samples.slides): the boxed title repeated on every slide and the
"Page N of M" footer are removed before paragraphs are built and noted once; a
stamp on two slides only stays; a ZapfDingbats bullet and dash sub-items become
list items with levels by indentation."""

from __future__ import annotations

import pytest

from parsers.model import Paragraph
from parsers.pdf import parse_pdf


@pytest.fixture(scope="module")
def doc(tmp_path_factory, pdf_samples):
    return parse_pdf(pdf_samples.slides(tmp_path_factory.mktemp("pdf") / "slides.pdf"))


def _paras(doc) -> list[Paragraph]:
    return list(doc.iter_paragraphs())


def test_pdf_repeated_slide_title_and_footer_are_not_content(doc):
    texts = [p.text for p in _paras(doc)]
    assert "Work plan" not in texts and not any("Page" in t for t in texts)
    assert texts[0] == "Field trial plan"


def test_pdf_furniture_is_noted_once_per_line(doc):
    notes = [d for d in doc.diagnostics if d.code == "page_furniture_removed"]
    assert [(d.severity, d.message) for d in notes] == [
        ("info", 'Left out the running header "Work plan" (on 4 of 5 pages): page furniture, not content.'),
        ("info", 'Left out the running footer "Part A - Page 2 of 5" (on 4 of 5 pages): page furniture, '
                 "not content.")]


def test_pdf_a_line_on_two_pages_only_stays(doc):
    assert [p.source_ref for p in _paras(doc) if p.text == "Draft"] == ["page 2, paragraph 1", "page 3, paragraph 1"]


def test_pdf_slide_bullets_are_list_items_nested_by_indent(doc, pdf_samples):
    items = [(p.list_kind, p.list_label, p.list_level, p.text) for p in _paras(doc) if p.is_list_item]
    expected = []
    for phase, subs in pdf_samples.SLIDE_ITEMS:
        expected.append(("bullet", "\u25cf", 0, phase))  # ZapfDingbats "l" is a dot
        # the dash stands 0.45 em before its text, as on every sub-item
        expected.extend(("bullet", "\u2013", 1, sub) for sub in subs)
    assert items == expected
