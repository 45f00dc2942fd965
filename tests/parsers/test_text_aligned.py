"""Plain-text exports whose rows line up in columns of spaces (parsers/text/aligned.py):
read as tables of origin "aligned_text"; prose, Tika cells and pandoc tables are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers.model import Paragraph, Table
from parsers.text import parse_text

REAL = Path(__file__).resolve().parents[2] / ".." / "shared" / "real" / "docs"
HERMIT = REAL / "hermit-owl-reasoner-oxford-workplan-2008.txt"

PLAN = """\
Work plan, autumn 2021

Outreach:
 Website
   New landing page                     Ana     2021-09-15
     wireframes
   Blog series                          Ben     2021-10-01
 Events
   Launch webinar                               DONE

Reporting:
   Annual report                                2021-12-15
   Donor brief                          Ana
"""


def parse(tmp_path, text: str, name: str = "plan.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_text(path)


def tables(doc) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


def rows_of(table: Table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_text_aligned_columns_become_a_table(tmp_path):
    doc = parse(tmp_path, PLAN)
    assert doc.properties["dialect"] == "plain" and not doc.diagnostics
    title, table = doc.blocks
    assert isinstance(title, Paragraph) and title.text == "Work plan, autumn 2021"
    assert table.origin == "aligned_text" and table.n_cols == 3
    assert rows_of(table) == [
        ["Outreach:"],
        ["Website", "", ""],
        ["New landing page", "Ana", "2021-09-15"],
        ["wireframes", "", ""],
        ["Blog series", "Ben", "2021-10-01"],
        ["Events", "", ""],
        ["Launch webinar", "", "DONE"],
        ["Reporting:"],
        ["Annual report", "", "2021-12-15"],
        ["Donor brief", "Ana", ""],
    ]
    assert table.rows[2].source_ref == "table 1, row 3 (line 5)"
    assert table.rows[2].cells[2].source_ref == "table 1, row 3, col 3 (line 5)"


def test_text_aligned_indent_and_group_rows(tmp_path):
    table = tables(parse(tmp_path, PLAN))[0]
    firsts = [row.cells[0].paragraphs[0] for row in table.rows]
    assert [p.indent for p in firsts] == [0, 1, 3, 5, 3, 1, 3, 0, 3, 3]
    # group headings: one cell across the table, so the rows below are its group
    spans = [(row.cells[0].text, row.cells[0].col_span) for row in table.rows if len(row.cells) == 1]
    assert spans == [("Outreach:", 3), ("Reporting:", 3)]
    assert all(c.col_span == 1 for row in table.rows if len(row.cells) > 1 for c in row.cells)
    # only first-column paragraphs carry an indent
    assert {p.indent for row in table.rows for c in row.cells[1:] for p in c.paragraphs} == {None}


def test_text_aligned_needs_three_lines_sharing_columns(tmp_path):
    two = "Tasks:\n  Draft report        Ana   2021-06-01\n  Final report        Ben   2021-09-01\n"
    doc = parse(tmp_path, two)
    assert not tables(doc)
    assert [b.text for b in doc.blocks][1] == "  Draft report        Ana   2021-06-01"


def test_text_aligned_off_by_one_and_two_column_lists(tmp_path):
    text = ("Kick-off meeting            2021-03-01\n"
            "Draft report                 2021-06-01\n"  # one column off: still that column
            "Final report                2021-09-01\n")
    (table,) = tables(parse(tmp_path, text))
    assert rows_of(table) == [["Kick-off meeting", "2021-03-01"], ["Draft report", "2021-06-01"],
                              ["Final report", "2021-09-01"]]


def test_text_aligned_prose_stays_prose(tmp_path):
    prose = (
        "The group met in May.  It agreed on a plan for the year and on who leads each part of\n"
        "the work.  Members will report back in June.  The secretariat drafts the minutes and\n"
        "circulates them.  Comments are due within two weeks.  A second meeting follows later.\n"
        "\n"
        "Short line one.  Another thought here.\n"
        "Short line two.  Another thought again.\n"
    )
    doc = parse(tmp_path, prose)
    assert not tables(doc)
    assert all(isinstance(b, Paragraph) for b in doc.blocks)


def test_text_aligned_pandoc_lists_are_no_columns(tmp_path):
    pandoc = ("1.  Gather use cases\n2.  Assess use cases\n3.  Develop tools\n"
              "-   one bullet\n-   another bullet\n-   a third bullet\n")
    doc = parse(tmp_path, pandoc)
    assert not tables(doc)


def test_text_aligned_leaves_pandoc_and_tika_tables_alone(tmp_path):
    simple = ("  Output        Lead    Timeline\n"
              "  ------------  ------  ----------\n"
              "  Guidance      OHCHR   Q3 2021\n"
              "  Webinar       UNDP    Q4 2021\n"
              "  Report        UNEP    Q1 2022\n")
    (table,) = tables(parse(tmp_path, simple))
    assert table.origin == "table"
    tika = "Plan\n\tOutput  one\n\tUNEP   x\n\n\tOutput  two\n\tUNDP   y\n\n\tOutput  three\n\tFAO    z\n"
    doc = parse(tmp_path, tika, "tika.txt")
    assert doc.properties["dialect"] == "tika"
    assert {t.origin for t in tables(doc)} == {"table"}


def test_text_aligned_tables_keep_their_place_among_paragraphs(tmp_path):
    text = PLAN + "\n\nNext review in January.\n"
    doc = parse(tmp_path, text)
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph", "Table", "Paragraph"]
    assert doc.blocks[2].text == "Next review in January."


@pytest.fixture(scope="module")
def hermit():
    if not HERMIT.is_file():
        pytest.skip("shared/real is not beside the clone")
    return parse_text(HERMIT)


def test_text_aligned_real_hermit_plan(hermit):
    (table,) = hermit.blocks
    assert table.origin == "aligned_text" and table.n_cols == 3 and len(table.rows) == 40
    groups = [row.cells[0].text for row in table.rows if row.cells[0].col_span == 3]
    assert groups == ["OWL features:", "Debugging and testing:", "Packaging and interfaces:",
                      "Protégé plug-in:", "Supporting materials:", "Misc:"]
    rows = rows_of(table)
    assert rows[2] == ["Basic datatype interface", "Boris", "2008-09-15"]
    assert rows[11] == ["Disjointness, antisymmetry, etc.", "", "DONE"]
    assert rows[13] == ["Universal role", "", "2008-10-01"]
    assert rows[-1] == ["Javadoc for more internal classes", "", ""]
    indents = {row.cells[0].text: row.cells[0].paragraphs[0].indent for row in table.rows}
    assert indents["Datatype support"] == 1
    assert indents["Basic datatype interface"] == 3
    assert indents["calls out to Checker class"] == 5
    dated = [r for r in rows if len(r) == 3 and r[2].startswith("2008-")]
    assert len(dated) == 18  # every dated line of the file


def test_text_aligned_bulleted_items_keep_their_bullet(tmp_path):
    text = ("Tasks:\n"
            "  - Draft report        Ana   2021-06-01\n"
            "  - Final report        Ben   2021-09-01\n"
            "  - Launch              Ana   2021-10-01\n")
    (table,) = tables(parse(tmp_path, text))
    item = table.rows[1].cells[0].paragraphs[0]
    assert (item.text, item.list_label, item.list_kind, item.indent) == ("Draft report", "-", "bullet", 2)
    assert rows_of(table)[1:] == [["Draft report", "Ana", "2021-06-01"], ["Final report", "Ben", "2021-09-01"],
                                  ["Launch", "Ana", "2021-10-01"]]
