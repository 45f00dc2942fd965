"""Tika-style tables, notes and comments in generated exports: how rows are split,
where tables end, and what is reported."""

from __future__ import annotations

from parsers.diagnostics import CODES
from parsers.model import Paragraph
from parsers.text import parse_text


def _doc(tmp_path, text: str):
    path = tmp_path / "export.txt"
    path.write_text(text, encoding="utf-8")
    return parse_text(path)


def _grid(table):
    return [[c.text for c in row.cells] for row in table.rows]


def test_text_short_and_long_rows_are_kept_and_reported(tmp_path):
    doc = _doc(tmp_path, "Intro\n"
               "\tOutput\n\tTimeline\n\tLead\n\n"
               "\tA\n\tJune\n\n"               # one cell short
               "\tB\n\tJuly\n\tUNDP\n\n"
               "\tC\n\tMay\n\tILO\n\textra\n\n"  # one cell too many
               "\tD\n\tTBD\n\tIMG\n")
    (table,) = list(doc.iter_tables())
    assert _grid(table) == [["Output", "Timeline", "Lead"], ["A", "June"], ["B", "July", "UNDP"],
                            ["C", "May", "ILO", "extra"], ["D", "TBD", "IMG"]]
    assert table.n_cols == 4  # the widest row, as the model defines n_cols
    ragged = [d for d in doc.diagnostics if d.code == "ragged_row"]
    assert [(d.severity, d.source_ref) for d in ragged] == [
        ("warning", "table 1, row 2 (line 6)"), ("warning", "table 1, row 4 (line 13)")]
    assert "2 cells where the table has 3" in ragged[0].message
    assert all(d.code in CODES for d in doc.diagnostics)


def test_text_rows_without_blank_lines_split_when_full(tmp_path):
    doc = _doc(tmp_path, "\tOutput\n\tTimeline\n\tLead\n\tA\n\tJune\n\tUNDP\n\n\tB\n\tJuly\n\tILO\n")
    (table,) = list(doc.iter_tables())
    assert _grid(table) == [["Output", "Timeline", "Lead"], ["A", "June", "UNDP"], ["B", "July", "ILO"]]
    assert not doc.diagnostics


def test_text_blank_lines_inside_a_cell_do_not_end_the_row(tmp_path):
    doc = _doc(tmp_path, "\tGroup\n\tActivities\n\tSchedule\n\n"
               "\tA. Part\n\t1. First group:\n\na) item one;\n\nb) item two.\n\n"
               "\tJan 18\n\nFeb 18\n\n\n"
               "\tB. Part\n\t1. Other:\na) only\n\tMar 18\n")
    (table,) = list(doc.iter_tables())
    assert len(table.rows) == 3 and table.n_cols == 3
    cell = table.rows[1].cells[1]
    assert [p.text for p in cell.paragraphs] == ["1. First group:", "", "a) item one;", "", "b) item two."]
    assert [p.text for p in table.rows[1].cells[2].paragraphs] == ["Jan 18", "", "Feb 18"]
    assert _grid(table)[2] == ["B. Part", "1. Other:\na) only", "Mar 18"]


def test_text_table_ends_after_two_blank_lines(tmp_path):
    doc = _doc(tmp_path, "Before\n\tKey\n\tValue\n\n\tQ1\n\tUNEA\n\n\nAfter the table\n")
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Table", "Paragraph"]
    assert doc.blocks[2].text == "After the table"
    assert doc.blocks[2].source_ref == "paragraph 2 (line 9)"


def test_text_wide_gap_between_rows_starts_a_new_table(tmp_path):
    doc = _doc(tmp_path, "\tH1\n\tH2\n\n\tA\n\t1\n\n\n\n\tB\n\t2\n\n\tC\n\t3\n")
    tables = list(doc.iter_tables())
    assert [_grid(t) for t in tables] == [[["H1", "H2"], ["A", "1"]], [["B", "2"], ["C", "3"]]]
    assert [t.index for t in tables] == [1, 2]


def test_text_narrow_header_over_a_wider_body_is_info_only(tmp_path):
    body = "".join(f"\tTask {i}\n\t\n\tX\n\t\n\t\n\n" for i in range(3))
    doc = _doc(tmp_path, "\tActivity\n\t2021\n\n\t\n\tQ1\n\tQ2\n\tQ3\n\tQ4\n\n" + body)
    (table,) = list(doc.iter_tables())
    assert [len(r.cells) for r in table.rows] == [2, 5, 5, 5, 5]
    assert [(d.code, d.severity) for d in doc.diagnostics] == [("ragged_row", "info")]


def test_text_comment_tab_inside_a_cell_line_is_not_a_cell(tmp_path):
    doc = _doc(tmp_path, "\tOutput\n\tTimeline\n\n"
               "\tDraft[footnoteRef:1]\tComment by Ana Ruiz [UNEP]: check [this] date [1:  Note [a] text] \n"
               "\tBy mid-late May\tComment by B: one\tComment by C: two\n")
    (table,) = list(doc.iter_tables())
    assert _grid(table) == [["Output", "Timeline"], ["Draft", "By mid-late May"]]
    assert [(c.comment_id, c.author, c.text) for c in doc.comments] == [
        ("1", "Ana Ruiz [UNEP]", "check [this] date"), ("2", "B", "one"), ("3", "C", "two")]
    (note,) = doc.notes
    assert note.text == "Note [a] text" and note.anchor_offset == len("Draft")
    assert doc.block_by_id()[note.anchor_block].source_ref.startswith("table 1, row 2, col 1")


def test_text_comment_on_an_empty_paragraph_is_not_a_table(tmp_path):
    doc = _doc(tmp_path, "Text\n\tComment by Reviewer: why empty?\nMore\n")
    assert not list(doc.iter_tables())
    (comment,) = doc.comments
    assert comment.author == "Reviewer" and doc.block_by_id()[comment.anchor_block].text == ""


def test_text_endnotes_unresolved_refs_and_lost_notes(tmp_path):
    doc = _doc(tmp_path, "See this[endnoteRef:1] and that[footnoteRef:2]. [1:  End text]\n"
               "\ufffdA note whose mark was lost.\n")
    paragraphs = [b for b in doc.blocks if isinstance(b, Paragraph)]
    assert [p.text for p in paragraphs] == ["See this and that."]
    assert [(r.note_id, r.offset) for r in paragraphs[0].note_refs] == [("1", 8), ("2", 17)]
    assert [(n.note_id, n.kind, n.text, n.anchor_block is None) for n in doc.notes] == [
        ("1", "endnote", "End text", False), ("3", "footnote", "A note whose mark was lost.", True)]  # "2" is the unresolved mark's
    assert [d.code for d in doc.diagnostics] == ["unresolved_note", "lost_note_reference"]


def test_text_footnote_and_endnote_with_the_same_number_stay_apart(tmp_path):
    doc = _doc(tmp_path, "A[footnoteRef:1] [1:  foot one]\nB[endnoteRef:1] [1:  end one]\n"
               "C[footnoteRef:1][1:  again one]\n")
    assert [(n.note_id, n.kind, n.text) for n in doc.notes] == [
        ("1", "footnote", "foot one"), ("1.2", "endnote", "end one"), ("1.3", "footnote", "again one")]
    assert [p.note_refs[0].note_id for p in doc.iter_paragraphs()] == ["1", "1.2", "1.3"]
    assert [p.text for p in doc.iter_paragraphs()] == ["A", "B", "C"]
    assert not doc.diagnostics


def test_text_bullet_glyphs_become_list_labels(tmp_path):
    doc = _doc(tmp_path, "\u25cf      OHCHR\n\u00b7 Purpose one\n-    Dash item\n\uf0b7\tSymbol bullet\n"
               "o Letter o\n- \n-dash-word\nA. Programmatic issues\n1)     Joint work\n")
    found = [(p.list_label, p.list_kind, p.text) for p in doc.iter_paragraphs()]
    assert found == [("\u25cf", "bullet", "OHCHR"), ("\u00b7", "bullet", "Purpose one"),
                     ("-", "bullet", "Dash item"), ("\uf0b7", "bullet", "Symbol bullet"),
                     ("o", "bullet", "Letter o"), (None, None, "- "), (None, None, "-dash-word"),
                     (None, None, "A. Programmatic issues"), (None, None, "1)     Joint work")]
