"""The two Tika-style seed exports read into the same structure as their .docx originals."""

from __future__ import annotations

import re

import docx
import pytest
from docx.table import _Cell

from parsers.model import Paragraph, Table
from parsers.text import parse_text

LETTERED = re.compile(r"(^| )[a-m]\) ")


def _norm(text: str) -> str:
    return " ".join(text.split())


def _docx_rows(path) -> list[list[list[str]]]:
    """Per table, per row, the text of each w:tc (spans not repeated), whitespace collapsed."""
    document = docx.Document(str(path))
    tables = []
    for table in document.tables:
        tables.append([[_norm(_Cell(tc, table).text) for tc in row._tr.tc_lst] for row in table.rows])
    return tables


def _txt_rows(doc) -> list[list[list[str]]]:
    return [[[_norm(c.text) for c in row.cells] for row in t.rows] for t in doc.blocks
            if isinstance(t, Table)]


@pytest.fixture(scope="module")
def img(seeds_dir):
    return parse_text(seeds_dir / "img-hre-draft-workplan.txt")


@pytest.fixture(scope="module")
def emg(seeds_dir):
    return parse_text(seeds_dir / "emg-workplan-2018.txt")


def test_text_img_tables_match_the_docx_cell_for_cell(img, fixtures_dir):
    expected = _docx_rows(fixtures_dir / "img-hre-draft-workplan.docx")
    got = _txt_rows(img)
    assert len(got) == len(expected) == 5
    for t, (got_rows, want_rows) in enumerate(zip(got, expected, strict=True), 1):
        assert [len(r) for r in got_rows] == [len(r) for r in want_rows], f"table {t}"
        assert got_rows == want_rows, f"table {t}"
    assert [t.n_cols for t in img.iter_tables()] == [3, 3, 3, 7, 2]


def test_text_img_gantt_header_is_info_and_merged_row_is_a_warning(img):
    ragged = [d for d in img.diagnostics if d.code == "ragged_row"]
    assert [(d.severity, d.source_ref.split(" (")[0]) for d in ragged] == [
        ("info", "table 4, row 1"), ("warning", "table 4, row 4")]
    gantt = list(img.iter_tables())[3]
    assert [c.text for c in gantt.rows[0].cells] == ["Possible activities/outputs ", "2021", "2022"]
    assert gantt.rows[3].cells[5].text == "1st, 2nd and 3rd"


def test_text_img_comments_sit_in_the_right_cells(img):
    by_id = img.block_by_id()
    found = [(c.comment_id, c.author, c.text, by_id[c.anchor_block].source_ref.split(", paragraph")[0])
             for c in img.comments]
    assert found == [
        ("1", "Gita Parihar [HOTMAIL]",
         "Query re this given UNFCCC steer that most NDCs will be filed by 30 July", "table 1, row 3, col 1"),
        ("2", "BENJAMIN SCHACHTER [OHCHR]", "update dates after discussing with CBD and WWF",
         "table 2, row 12, col 2"),
        ("3", "BENJAMIN SCHACHTER [OHCHR]", "update dates following discussion with UNCCD",
         "table 3, row 2, col 2"),
    ]
    assert by_id[img.comments[1].anchor_block].text == "By mid-late May"
    assert all(c.anchor_text is None for c in img.comments)


def test_text_img_footnotes_anchor_in_their_cells_and_leave_the_text(img):
    by_id = img.block_by_id()
    assert [(n.note_id, n.kind) for n in img.notes] == [("1", "footnote"), ("2", "footnote")]
    first, second = img.notes
    assert first.text.startswith("To be aligned with guidance on NBSAPs below")
    anchor = by_id[first.anchor_block]
    assert anchor.text == ("Joint guidance for UNCTs and national level agencies on integrating "
                           "human rights in NDCs")
    assert first.anchor_offset == len(anchor.text)
    assert anchor.note_refs[0].note_id == "1"
    assert by_id[second.anchor_block].text.endswith("in NBSAPs ")
    assert second.anchor_text.endswith("integrating human rights in NBSAPs")
    every_text = "\n".join(p.text for p in img.iter_paragraphs())
    for mark in ("footnoteRef", "[1:", "[2:", "Comment by", "Query re this"):
        assert mark not in every_text


def test_text_img_bullets_and_numbered_labels(img):
    paras = [b for b in img.blocks if isinstance(b, Paragraph)]
    co_chairs = [p for p in paras if p.list_label == "●"]
    assert [p.text for p in co_chairs] == ["OHCHR", "UNDP", "UNEP"]
    assert {p.list_kind for p in co_chairs} == {"bullet"} and {p.list_level for p in co_chairs} == {0}
    assert sum(p.list_label == "·" for p in paras) == 7
    assert any(p.text.startswith("1)     Joint and integrated") and p.list_label is None for p in paras)


def test_text_img_ids_and_refs_follow_reading_order(img):
    ids = [b.block_id for b in img.iter_blocks()]
    assert ids == list(range(1, len(ids) + 1))
    assert img.format == "txt" and img.properties["dialect"] == "tika"
    first_table = next(img.iter_tables())
    assert first_table.source_ref == "table 1 (line 25)"
    assert first_table.rows[1].cells[2].paragraphs[0].source_ref == \
        "table 1, row 2, col 3, paragraph 1 (line 31)"
    assert img.blocks[0].source_ref == "paragraph 1 (line 1)"


def test_text_emg_one_table_of_three_columns_like_the_docx(emg, fixtures_dir):
    expected = _docx_rows(fixtures_dir / "emg-workplan-2018.docx")
    (table,) = list(emg.iter_tables())
    assert table.n_cols == 3 and len(table.rows) == len(expected[0]) == 11
    for got, want in zip(table.rows, expected[0], strict=True):
        # Spanned rows are one w:tc in the docx and three TAB cells in the txt; the docx
        # lettered labels "a)" are Word numbering, typed into the txt by the exporter
        got_texts = [LETTERED.sub(r"\1", _norm(c.text)) for c in got.cells if c.text.strip()]
        assert got_texts == [w for w in want if w]
    assert not [d for d in emg.diagnostics if d.code == "ragged_row"]


def test_text_emg_activities_cell_keeps_lettered_items_as_paragraphs(emg):
    table = next(emg.iter_tables())
    activities = [p.text for p in table.rows[2].cells[1].paragraphs if p.text.strip()]
    assert activities[0] == "1. The Issue Management Group on Tackling E-waste:"
    assert activities[1].startswith("a) List available options")
    assert activities[2] == " e-waste-related issues across countries;"
    assert [a[:2] for a in activities[3:12]] == ["b)", "c)", "d)", "e)", "f)", "g)", "h)", "i)", "j)"]
    assert activities[12] == "2. New issues to be agreed by Senior Officials:"
    schedule = [p.text.strip() for p in table.rows[2].cells[2].paragraphs if p.text.strip()]
    assert len(schedule) == 11 and schedule[-1] == "Sept 18"


def test_text_emg_lost_footnote_becomes_a_note_not_a_paragraph(emg):
    (note,) = emg.notes
    assert note.anchor_block is None and note.kind == "footnote"
    assert note.text.startswith("Activities will be undertaken with the support of members")
    assert not any("\ufffd" in p.text or "will be undertaken with the support" in p.text
                   for p in emg.iter_paragraphs())
    lost = [d for d in emg.diagnostics if d.code == "lost_note_reference"]
    assert len(lost) == 1 and lost[0].source_ref == note.source_ref == "line 274"
