"""parse_docx on the two real workplans in ../shared/fixtures."""

from __future__ import annotations

import pytest

from parsers.docx import parse_docx
from parsers.model import Paragraph


@pytest.fixture(scope="module")
def img_hre(fixtures_dir):
    return parse_docx(fixtures_dir / "img-hre-draft-workplan.docx")


@pytest.fixture(scope="module")
def emg(fixtures_dir):
    return parse_docx(fixtures_dir / "emg-workplan-2018.docx")


def test_docx_fixture_img_hre_tables(img_hre):
    tables = list(img_hre.iter_tables())
    assert len(tables) == 5
    assert [c.text for c in tables[0].rows[0].cells] == ["Proposed output", "Indicative timeline", "Lead agency"]
    assert tables[0].rows[0].is_header and tables[0].n_cols == 3
    assert [t.source_ref for t in tables] == [f"table {i}" for i in range(1, 6)]
    ids = [b.block_id for b in img_hre.iter_blocks()]
    assert ids == sorted(set(ids))


def test_docx_fixture_img_hre_comments(img_hre):
    blocks = img_hre.block_by_id()
    got = [(c.author, c.anchor_text, blocks[c.anchor_block].source_ref, c.parent_id)
           for c in img_hre.comments]
    assert got == [
        ("Gita Parihar [HOTMAIL]",
         "Joint guidance for UNCTs and national level agencies on integrating human rights in NDCs",
         "table 1, row 3, col 1, paragraph 1", None),
        ("BENJAMIN SCHACHTER [OHCHR]", "By mid-late May", "table 2, row 12, col 2, paragraph 1", None),
        ("BENJAMIN SCHACHTER [OHCHR]", "June", "table 3, row 2, col 2, paragraph 1", None),
    ]
    assert img_hre.comments[0].text == "Query re this given UNFCCC steer that most NDCs will be filed by 30 July"
    assert img_hre.comments[0].date == "2021-05-04T14:12:00Z"
    # comment text never leaks into the body
    assert not any("UNFCCC steer" in p.text for p in img_hre.iter_paragraphs())


def test_docx_fixture_img_hre_footnotes(img_hre):
    blocks = img_hre.block_by_id()
    one, two = img_hre.notes
    assert one.text.startswith("To be aligned with guidance on NBSAPs below")
    assert two.text.startswith("To be aligned with guiadance on NDCs above")
    assert blocks[one.anchor_block].source_ref == "table 1, row 3, col 1, paragraph 1"
    assert blocks[two.anchor_block].source_ref == "table 1, row 4, col 1, paragraph 1"
    anchor = blocks[one.anchor_block]
    assert isinstance(anchor, Paragraph) and [r.note_id for r in anchor.note_refs] == ["1"]
    assert anchor.text[: one.anchor_offset].endswith("in NDCs")
    assert one.anchor_text.endswith("integrating human rights in NDCs")


def test_docx_fixture_emg_footnote_in_header_cell(emg):
    assert emg.title == "Environment Management Group work plan for 2018"
    table = next(emg.iter_tables())
    header = table.rows[0].cells[1]
    (note,) = emg.notes
    assert note.anchor_block == header.blocks[0].block_id
    assert header.blocks[0].text == "Activities" and note.anchor_text == "Activities"
    assert note.anchor_offset == len("Activities")
    assert note.text.startswith("Activities will be undertaken with the support of members")
