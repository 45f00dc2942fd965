"""A booktabs table in a generated PDF (pdf_samples.booktabs): rules above and under
the header and under the table only, the columns set apart by white space, cells
wrapped over several lines, "a." / "b." items set off by a plain space with a
hanging indent, and the last row cut by a page break with no header repeated. It
comes back as one table of whole cells, the items as labelled cell paragraphs, the
prose around it as prose; list markers drawn as discs (as Chromium draws them)
are bullets."""

from __future__ import annotations

import pytest

from parsers.model import Paragraph, Table
from parsers.pdf import parse_pdf


@pytest.fixture(scope="module")
def sample(tmp_path_factory, pdf_samples):
    return pdf_samples, parse_pdf(pdf_samples.booktabs(tmp_path_factory.mktemp("pdf") / "booktabs.pdf"))


def test_pdf_booktabs_one_table_of_whole_cells_over_the_page_break(sample):
    samples, doc = sample
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert table.n_cols == 3
    grid = [[c.text for c in row.cells] for row in table.rows]
    assert grid[0] == ["Output", "Activities", "Timeline"] and table.rows[0].is_header
    expected = [[output, "\n".join(i.split(" ", 1)[1] for i in items), when]
                for output, items, when in samples.BOOKTABS_ROWS]
    assert grid[1:] == expected
    # the last row starts on page 1 and ends on page 2: one row, not two
    assert table.rows[-1].source_ref.startswith("page 1,")


def test_pdf_booktabs_cell_items_keep_their_labels(sample):
    samples, doc = sample
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    for row, (_, items, _) in zip(table.rows[1:], samples.BOOKTABS_ROWS, strict=True):
        paras = row.cells[1].blocks
        assert [(p.list_label, p.text) for p in paras] == [tuple(i.split(" ", 1)) for i in items]


def test_pdf_booktabs_prose_around_the_table_stays_prose(sample):
    samples, doc = sample
    paras = [b for b in doc.blocks if isinstance(b, Paragraph)]
    assert [p.text[:33] for p in paras] == ["The outputs of the group are list", samples.DRAWN_BULLETS[0][:33],
                                            samples.DRAWN_BULLETS[1][:33], "The timeline will be reviewed at "]
    assert paras[-1].source_ref == "page 2, paragraph 1"


def test_pdf_bullets_drawn_as_discs_are_list_labels(sample):
    samples, doc = sample
    items = [(p.list_label, p.list_kind, p.text) for p in doc.blocks if isinstance(p, Paragraph) and p.list_label]
    assert items == [("•", "bullet", text) for text in samples.DRAWN_BULLETS]
    # the discs before the table's cells are the only marks: the intro paragraph has no label
    assert next(p for p in doc.blocks if isinstance(p, Paragraph)).list_label is None


def test_pdf_booktabs_cells_centred_vertically_stay_in_their_row(tmp_path, pdf_samples):
    doc = parse_pdf(pdf_samples.booktabs_centred(tmp_path / "centred.pdf"))
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    rows = [[[p.text for p in c.blocks] for c in row.cells] for row in table.rows]
    assert rows[0] == [["Output and activities"], ["Timeline"], ["Actors responsible"]]
    # "15 June - 15 July" sits above the level of "First full draft developed" but is its timeline
    assert rows[1:] == [[[output], list(timeline), [actors]] for output, timeline, actors in pdf_samples.CENTRED_ROWS]


def test_pdf_booktabs_rows_set_tight_as_latex_does(tmp_path, pdf_samples):
    doc = parse_pdf(pdf_samples.booktabs_tight(tmp_path / "tight.pdf"))
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    grid = [[c.text for c in row.cells] for row in table.rows]
    assert grid[0] == ["Output", "Activities", "Timeline"]
    # no white space between rows: a first-column line in capitals after a short line opens one
    assert grid[1:] == [[output, " ".join(i.split(" ", 1)[1] for i in items), when]
                        for output, items, when in pdf_samples.BOOKTABS_ROWS]


def test_pdf_title_between_two_rules_over_prose_is_no_table(tmp_path, pdf_samples):
    doc = parse_pdf(pdf_samples.ruled_title(tmp_path / "title.pdf"))
    assert [b for b in doc.blocks if isinstance(b, Table)] == []
    assert any(p.text.startswith("The working group will prepare") for p in doc.blocks)
