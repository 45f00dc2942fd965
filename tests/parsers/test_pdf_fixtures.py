"""The fixture PDFs (printed from the .docx fixtures by LibreOffice) give the same
tables, cell paragraphs and notes as their .docx twins."""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from parsers.model import Paragraph
from parsers.pdf import parse_pdf

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_tables(path):
    """Rows of cells of non-empty paragraph texts, per w:tbl, read from the XML itself."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    tables = []
    for tbl in root.iter(W + "tbl"):
        rows = []
        for tr in tbl.findall(W + "tr"):
            cells = []
            for tc in tr.findall(W + "tc"):
                texts = [" ".join("".join(t.text or "" for t in p.iter(W + "t")).split())
                         for p in tc.findall(W + "p")]
                cells.append([t for t in texts if t])
            rows.append(cells)
        tables.append(rows)
    return tables


@pytest.fixture(scope="module")
def emg(fixtures_dir):
    return parse_pdf(fixtures_dir / "emg-workplan-2018.pdf")


@pytest.fixture(scope="module")
def img(fixtures_dir):
    return parse_pdf(fixtures_dir / "img-hre-draft-workplan.pdf")


@pytest.mark.parametrize("name", ["emg-workplan-2018", "img-hre-draft-workplan"])
def test_pdf_fixture_tables_match_docx_grids(fixtures_dir, name):
    doc = parse_pdf(fixtures_dir / f"{name}.pdf")
    docx = _docx_tables(fixtures_dir / f"{name}.docx")
    tables = list(doc.iter_tables())
    assert [len(t.rows) for t in tables] == [len(t) for t in docx]
    for table, dt in zip(tables, docx, strict=True):
        assert [len(r.cells) for r in table.rows] == [len(r) for r in dt]


def test_pdf_emg_cells_hold_one_paragraph_per_docx_paragraph(emg, fixtures_dir):
    docx = _docx_tables(fixtures_dir / "emg-workplan-2018.docx")[0]
    table = next(emg.iter_tables())
    for row, drow in zip(table.rows, docx, strict=True):
        for cell, dcell in zip(row.cells, drow, strict=True):
            assert len(cell.paragraphs) == len(dcell), cell.source_ref
    assert table.n_cols == 3
    header = [c.text for c in table.rows[0].cells]
    assert header == ["Expected accomplishment", "Activities", "Schedule"]
    assert table.rows[0].is_header and not table.rows[1].is_header
    part = table.rows[1].cells[0]
    assert part.text == "A. Programmatic issues" and part.col_span == 3


@pytest.mark.parametrize("name", ["emg-workplan-2018", "img-hre-draft-workplan"])
def test_pdf_fixture_cells_hold_the_docx_paragraphs(fixtures_dir, name):
    # wrapped lines rejoined: date ranges broken on their end day ("N.B. 31 May - 17" /
    # "June 2021:"), a slash ("September/" / "October 2021"), a page break inside a
    # row ("IUCN World Conservation" / "Congress"); items set apart by Enter kept apart
    doc = parse_pdf(fixtures_dir / f"{name}.pdf")
    for table, dt in zip(doc.iter_tables(), _docx_tables(fixtures_dir / f"{name}.docx"), strict=True):
        for row, drow in zip(table.rows, dt, strict=True):
            for cell, dcell in zip(row.cells, drow, strict=True):
                if not cell.merged:
                    assert [" ".join(p.text.split()) for p in cell.paragraphs] == dcell, cell.source_ref


def test_pdf_emg_row_split_over_pages_is_rejoined(emg):
    table = next(emg.iter_tables())
    activities = table.rows[2].cells[1].paragraphs
    c_item = [p for p in activities if p.list_label == "c)"][0]
    assert c_item.text.startswith("Undertake a gap analysis to investigate the programmatic strengths")
    assert [p.list_label for p in activities[1:11]] == [f"{c})" for c in "abcdefghij"]
    assert activities[0].text == "1. The Issue Management Group on Tackling E-waste:"
    assert activities[0].list_label is None and activities[0].bold


def test_pdf_emg_footnote_anchored_in_header_cell(emg):
    (note,) = emg.notes
    assert note.note_id == "1" and note.text.startswith("Activities will be undertaken")
    anchor = emg.block_by_id()[note.anchor_block]
    assert isinstance(anchor, Paragraph) and anchor.text == "Activities"
    assert anchor.note_refs[0].note_id == "1" and note.anchor_offset == len("Activities")
    assert "page 1, table 1, row 1, col 2" in anchor.source_ref


def test_pdf_img_notes_and_body(img):
    assert [n.note_id for n in img.notes] == ["1", "2"]
    anchors = [img.block_by_id()[n.anchor_block] for n in img.notes]
    assert all("table 1" in a.source_ref for a in anchors)
    assert anchors[0].text.endswith("integrating human rights in NDCs")
    body = [b for b in img.blocks if isinstance(b, Paragraph)]
    assert body[0].heading_level == 1 and body[0].text.startswith("Issue Management Group")
    labels = [(p.list_label, p.list_kind) for p in body if p.list_label]
    assert ("1)", "number") in labels and ("-", "bullet") in labels
    assert not any("1)" in p.text[:3] for p in body)
    gantt = list(img.iter_tables())[3]
    assert gantt.n_cols == 7 and gantt.rows[0].cells[1].col_span == 4
    assert gantt.rows[0].cells[0].row_span == 2 and gantt.rows[1].cells[0].merged
    assert img.n_pages == 7 and img.format == "pdf"
