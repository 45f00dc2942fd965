"""Unruled tables in a generated PDF (pdf_samples.unruled_wrapped): cells wrapped over
several lines come back whole, rows split where the white space is wider, a heading
spans the columns it heads, a word cut without a hyphen is joined while a full line
followed by a real word is not, and prose that lines up (tabbed "Lead:" lines, list
labels with a hanging indent) stays prose."""

from __future__ import annotations

import pytest

from parsers.model import Paragraph, Table
from parsers.pdf import parse_pdf
from parsers.pdf.annotations import clean_author, iso_date


@pytest.fixture(scope="module")
def doc(tmp_path_factory, pdf_samples):
    return parse_pdf(pdf_samples.unruled_wrapped(tmp_path_factory.mktemp("pdf") / "unruled.pdf"))


def _grid(table: Table) -> list[list[str]]:
    return [[c.text for c in row.cells if not c.merged] for row in table.rows]


def test_pdf_unruled_wrapped_cells_whole(doc):
    outputs = list(doc.iter_tables())[0]
    assert _grid(outputs) == [
        ["Output", "Timeframe", "Responsible"],
        ["Guidance note on human rights in national adaptation plans", "Q1 - Q2 2022",
         "UNDP and UNEP (to be confirmed)"],
        ["Webinar", "June 2022", "OHCHR"],
        ["Regional consultations with the country teams", "to be determined",
         "Lead agency with the working group"],
    ]
    # one paragraph per cell: a wrapped line is not a paragraph break
    assert all(len(c.paragraphs) == 1 for c in outputs.cells)


def test_pdf_unruled_heading_spans_quarters_and_cut_word_joined(doc):
    gantt = list(doc.iter_tables())[1]
    assert gantt.n_cols == 5
    assert _grid(gantt) == [
        ["Activity", "2022"],
        ["", "Q1", "Q2", "Q3", "Q4"],
        ["Webinar on environmentalisation", "", "X", "X", ""],
        ["Training of the coordinators", "", "", "", "X"],
        ["Coordinations with teams", "X", "", "", ""],
    ]
    year = gantt.rows[0].cells[1]
    assert (year.col, year.col_span) == (1, 4)
    assert gantt.grid[0][4] is year


def test_pdf_unruled_aligned_prose_stays_prose(doc):
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph"] * 5 + ["Table", "Paragraph", "Table", "Paragraph"]
    prose = [b for b in doc.blocks if isinstance(b, Paragraph)]
    assert [p.text for p in prose[1:3]] == ["Lead: UNDP", "Partners: FAO, WHO and UNEP"]
    assert [(p.list_label, p.text[:7]) for p in prose[3:5]] == [("a)", "Prepare"), ("b)", "Hold th")]
    assert prose[-1].text == "Both tables are drafts."


@pytest.mark.parametrize(("raw", "expected"), [
    ("Marie Dupont [HCDH], 11/22/26, ", "Marie Dupont [HCDH]"),
    ("Ana Ruiz, 2021-05-04,", "Ana Ruiz"),
    ("A. Li [UNEP], 04.05.2021 14:12, ", "A. Li [UNEP]"),
    ("Smith, John", "Smith, John"),
    ("Team 2, 3", "Team 2, 3"),
    (", 11/22/26,", None),
    (None, None),
])
def test_pdf_comment_author_date_stripped(raw, expected):
    assert clean_author(raw) == expected


def test_pdf_all_zero_annotation_date_is_none():
    assert iso_date("D:00000000000000Z") is None
    assert iso_date("D:20210504141200+02'00'") == "2021-05-04T14:12:00+02:00"
