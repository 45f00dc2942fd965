"""Tables in generated PDFs: one ruled table over three pages with its header
repeated comes back as one table; spans; a table drawn with no rules."""

from __future__ import annotations

import pytest

from parsers.pdf import parse_pdf


@pytest.fixture(scope="module")
def long_doc(tmp_path_factory, pdf_samples):
    return parse_pdf(pdf_samples.long_table(tmp_path_factory.mktemp("pdf") / "long.pdf", n_rows=100))


def test_pdf_table_over_three_pages_is_one_table(long_doc):
    assert long_doc.n_pages == 3
    (table,) = long_doc.iter_tables()
    assert len(table.rows) == 101 and table.n_cols == 3
    assert [c.text for c in table.rows[0].cells] == ["No.", "Activity", "Timeline"]
    assert [r.index for r in table.rows if r.is_header] == [0]
    # repeated headers dropped, rows in order with no gap
    assert [r.cells[0].text for r in table.rows[1:]] == [str(i) for i in range(1, 101)]
    assert all(c.row == r.index for r in table.rows for c in r.cells)
    pages = {r.source_ref.split(",")[0] for r in table.rows}
    assert pages == {"page 1", "page 2", "page 3"}
    last = table.rows[-1].cells[1]
    assert last.source_ref == f"{table.rows[-1].source_ref}, col 2" and last.text == "Activity number 100 of the plan"


def test_pdf_page_furniture_removed(long_doc):
    texts = [p.text for p in long_doc.iter_paragraphs()]
    assert not any("Page" in t and "of" in t for t in texts)
    assert not any("internal use" in t for t in texts)


@pytest.fixture(scope="module")
def spans_doc(tmp_path_factory, pdf_samples):
    return parse_pdf(pdf_samples.spans_and_unruled(tmp_path_factory.mktemp("pdf") / "spans.pdf"))


def test_pdf_ruled_table_spans(spans_doc):
    ruled, unruled = list(spans_doc.iter_tables())
    assert ruled.n_cols == 3 and len(ruled.rows) == 3
    period = ruled.rows[0].cells[1]
    assert period.text == "Period" and period.col_span == 2
    note = ruled.rows[1].cells[0]
    assert note.text == "Guidance note" and note.row_span == 2
    placeholder = ruled.rows[2].cells[0]
    assert placeholder.merged and placeholder.blocks == ()
    assert ruled.grid[2][0] is note
    assert [c.text for c in ruled.rows[2].cells if not c.merged] == ["Final", "July"]


def test_pdf_unruled_table_from_alignment(spans_doc):
    unruled = list(spans_doc.iter_tables())[1]
    assert unruled.n_cols == 2
    assert [[c.text for c in r.cells] for r in unruled.rows] == [
        ["Q1 2021", "UNEA-5.1, HRC 46"], ["Q2 2021", "HRC 47"], ["Q3 2021", "HRC 48, HLPF"],
        ["Q4 2021", "UNFCCC COP26"]]
    prose = [b.text for b in spans_doc.blocks if not hasattr(b, "rows")]
    assert prose == ["Key events are listed below."]


def test_pdf_row_cut_by_the_page_break_with_no_rule_under_it_stays_in_its_table(tmp_path, pdf_samples):
    # page 1's last row has column rules down to the page foot and no rule under it;
    # page 2 repeats the table's caption above its header
    doc = parse_pdf(pdf_samples.open_row_table(tmp_path / "open-row.pdf"))
    (table,) = doc.iter_tables()
    assert [b.text for b in doc.blocks if b is not table] == ["List of deliverables"]  # nothing left as prose
    rows = [[" ".join(c.text.split()) for c in r.cells] for r in table.rows]
    assert rows == [["Number", "Title", "Level"], ["D1.1", "Project website", "Public"],
                    ["D1.2", "Data management plan", "Public"],
                    ["D2.2", "Community building: impact of development workshops, dissemination and training "
                             "activities, year 1", "Public"],
                    ["D2.3", "Review of technologies", "Public"]]
