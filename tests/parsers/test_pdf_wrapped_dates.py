"""Date ranges wrapped in a narrow table cell of a generated PDF
(pdf_samples.wrapped_timelines): a line that stops on a range's bare end day
("N.B. 31 May - 17" / "June 2021") goes on with the month on the next line, while
short items that end in a number ("Feb - Mar 18" / "Mar - Apr 18", "Sessions 1 - 12"
/ "Report") stay items of their own."""

from __future__ import annotations

import pytest

from normalize.pipeline import normalize_document
from parsers.pdf import parse_pdf
from parsers.pdf.paragraphs import open_range_end


@pytest.fixture(scope="module")
def doc(tmp_path_factory, pdf_samples):
    return parse_pdf(pdf_samples.wrapped_timelines(tmp_path_factory.mktemp("pdf") / "wrapped.pdf"))


@pytest.fixture(scope="module")
def timeline_cells(doc):
    (table,) = doc.iter_tables()
    return [[p.text for p in row.cells[1].paragraphs] for row in table.rows[1:]]


def test_pdf_range_wrapped_on_its_end_day_is_one_paragraph(timeline_cells):
    # "By 15 July" was ended with Enter; the note's lead-in ends with ":" as in Word
    assert timeline_cells[0] == ["By 15 July", "N.B. 31 May - 17 June 2021:", "UNFCCC virtual meeting"]
    assert timeline_cells[1] == ["Webinar 3 to 13 July"]


def test_pdf_wrapped_range_gives_the_whole_event(doc):
    records, _ = normalize_document(doc, "doc")
    events = [(e.name, e.start, e.end, e.source) for e in records.tables["events"]]
    assert events == [("UNFCCC virtual meeting", "2021-05-31", "2021-06-17", "note")]
    webinar = [t for t in records.tables["timelines"] if t.raw == "Webinar 3 to 13 July"]
    assert [(t.start, t.end) for t in webinar] == [("2021-07-03", "2021-07-13")]


def test_pdf_short_items_ending_in_a_number_stay_apart(timeline_cells):
    assert timeline_cells[2] == ["Sessions 1 - 12", "Report"]  # no month after the range
    assert timeline_cells[3] == ["Feb - Mar 18", "Mar - Apr 18"]


@pytest.mark.parametrize("text, open_end", [
    ("N.B. 31 May - 17", True),
    ("3 May – 13", True),
    ("du 3 au 13", True),
    ("31 May-17", True),
    ("Mar – Apr 18", False),  # the number belongs to the month before it
    ("2020 - 21", False),  # a range of years
    ("Q1 2021", False),
])
def test_pdf_open_range_end(text, open_end):
    assert open_range_end(text) is open_end
