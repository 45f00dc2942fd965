"""What a document without work structure seems to be (issue 10), and the
diagnostic that says so through the pipeline."""

from __future__ import annotations

from normalize.pipeline import normalize_document
from normalize.structure.genre import what_it_seems
from parsers.model import Cell, Document, Paragraph, Row, Table

PROSE = ("The working group met three times in 2023. It discussed the scope of its mandate at length. "
         "Members agreed that more consultation was needed before any commitment could be made.")


def doc(blocks, fmt="docx", pages=None) -> Document:
    return Document("x." + fmt, fmt, tuple(blocks), n_pages=pages)


def table(rows) -> Table:
    return Table(100, 1, tuple(Row(r, tuple(Cell(r, c, (Paragraph(1000 + 10 * r + c, t, "cell"),), "cell")
                                            for c, t in enumerate(row)), "row")
                               for r, row in enumerate(rows)), len(rows[0]), "table 1")


def test_kinds():
    assert what_it_seems(doc([]))[0] == "empty"
    assert what_it_seems(doc([Paragraph(i, PROSE, f"paragraph {i}") for i in range(4)]))[0] == "narrative"
    budget = table([["Item", "2024", "2025"], ["Staff", "120,000", "125 000"], ["Travel", "€ 8,500", "9000"],
                    ["Total", "128,500", "134,000"]])
    assert what_it_seems(doc([Paragraph(0, "Budget", "p1"), budget]))[0] == "budget"
    slides = [Paragraph(i, f"Phase {i} overview", f"page {i}, paragraph 1") for i in range(1, 9)]
    assert what_it_seems(doc(slides, "pdf", pages=8)) == ("slides", "8 pages of about 3 words each")


def test_a_narrative_plan_gets_no_activities_and_says_why():
    records, _ = normalize_document(doc([Paragraph(0, "Our intentions for 2024", "paragraph 1", heading_level=1)]
                                        + [Paragraph(i, PROSE, f"paragraph {i + 1}") for i in range(1, 5)]))
    assert records.tables["activities"] == []
    (d,) = [d for d in records.diagnostics if d.code == "no_work_structure"]
    assert d.severity == "info" and "narrative" in d.message
