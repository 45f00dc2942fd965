"""Notes as HTML exports print them (pandoc's HTML in a browser): the note marks are
<sup>, a little smaller than the text and well raised, and the notes come at the end
of the document as a numbered list, each closed by a "↩" back link. The committed
browser-printed plans (tests/test_browser_pdf.py) show both on real files; these
tests pin the two rules on made-up words and paragraphs."""

from __future__ import annotations

from parsers.pdf.footnotes import take_endnotes
from parsers.pdf.layout import Word, group_lines
from parsers.pdf.pages import PageItems
from parsers.pdf.paragraphs import ParaDraft


def _word(text, x0, top, size):
    return Word(text, x0, x0 + 6 * len(text), top, top + size, size, False, False, 1)


def test_a_browser_superscript_is_a_superscript():
    # body at 12 pt; <sup> printed at 10 pt, its foot 5.6 pt above the baseline
    words = [_word("Activities", 100, 472.8, 12.0), _word("1", 161, 469.2, 10.0)]
    (line,) = group_lines(words)
    assert line.sup == [False, True]
    # text of the same size a little higher (a drawn label) is not
    (line,) = group_lines([_word("Activities", 100, 472.8, 12.0), _word("2021", 170, 471.0, 11.5)])
    assert line.sup == [False, False]


def test_numbered_paragraphs_closed_by_a_back_link_are_notes():
    page = PageItems(3, [
        ParaDraft(text="Report to the members.", page=3, top=100, bottom=112, x0=72, x1=300, size=12, bold=False),
        ParaDraft(text="Activities will be undertaken with members' support.\u21a9\ufe0e", page=3, top=150,
                  bottom=162, x0=72, x1=400, size=12, bold=False, label="1."),
        ParaDraft(text="See the annex \u21a9", page=3, top=170, bottom=182, x0=72, x1=300, size=12, bold=False, label="2."),
        ParaDraft(text="Draft the report", page=3, top=190, bottom=202, x0=72, x1=300, size=12, bold=False, label="3."),
    ], [], [])
    take_endnotes([page])
    assert [(n.mark, n.text) for n in page.notes] == [("1", "Activities will be undertaken with members' support."),
                                                      ("2", "See the annex")]
    assert [p.text for p in page.items] == ["Report to the members.", "Draft the report"]
