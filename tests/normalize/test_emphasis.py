"""Bold and all-caps lines as section headings in plans typed without heading styles
(issue 10: sections from any heading mechanism), and the emphasised lines that are not."""

from __future__ import annotations

from normalize.pipeline import normalize_document
from parsers.model import Cell, Document, Paragraph, Row, Table

_ids = iter(range(10_000))


def para(text: str, **kw) -> Paragraph:
    n = next(_ids)
    return Paragraph(n, text, f"paragraph {n}", **kw)


def work_table(*items: str, index: int = 1) -> Table:
    rows = [("Activity", "Lead", "Timeframe")] + [(item, "UNEP", "Q2 2025") for item in items]
    out = []
    for r, row in enumerate(rows):
        ref = f"table {index}, row {r + 1}"
        out.append(Row(r, tuple(Cell(r, c, (para(v),), f"{ref}, col {c + 1}") for c, v in enumerate(row)), ref))
    return Table(next(_ids), index, tuple(out), 3, f"table {index}")


def sections_of(*blocks) -> tuple[list[str], dict[str, str | None]]:
    records, _ = normalize_document(Document("x.docx", "docx", tuple(blocks)))
    titles = {s.section_id: s.title for s in records.tables["sections"]}
    placed = {a.text: titles.get(a.section_id) for a in records.tables["activities"]}
    return list(titles.values()), placed


def test_bold_and_capitalised_lines_over_work_head_sections():
    titles, placed = sections_of(
        para("Ministry of Health", bold=True), para("Work plan 2025", bold=True),
        para("Note by the Chair", bold=True), para("The committee agreed this plan in December."),
        para("PRIMARY CARE"), work_table("Train nurses in triage"),
        para("Hospital waste", bold=True), para("These follow the 2023 strategy."),
        work_table("Audit sharps disposal", index=2),
        para("Contact", bold=True), para("Write to the programme office."))
    assert titles == ["PRIMARY CARE", "Hospital waste"]
    assert placed == {"Train nurses in triage": "PRIMARY CARE", "Audit sharps disposal": "Hospital waste"}


def test_one_emphasised_line_is_no_sectioning_scheme():
    titles, placed = sections_of(para("Note by the Chair", bold=True), para("Agreed in December."),
                                 work_table("Train nurses in triage"))
    assert titles == [] and placed == {"Train nurses in triage": None}


def test_with_heading_styles_bold_is_only_emphasis():
    titles, _ = sections_of(
        para("Health sector work plan 2025", style="Title"),
        para("Primary care", heading_level=1), work_table("Train nurses in triage"),
        para("Hospital waste", bold=True), work_table("Audit sharps disposal", index=2),
        para("Vaccines", bold=True), work_table("Stock cold-chain spares", index=3))
    assert titles == ["Primary care"]


def test_captions_lists_of_no_work_and_sentences_are_not_headings():
    titles, _ = sections_of(
        para("Table 1: Activities in 2025", bold=True), work_table("Train nurses in triage"),
        para("Risks", bold=True), work_table("Audit sharps disposal", index=2),
        para("The ministry will report on these activities every quarter.", bold=True),
        work_table("Stock cold-chain spares", index=3))
    assert titles == []


def test_emphasis_over_a_glossary_heads_nothing():
    glossary = Table(next(_ids), 2, tuple(
        Row(r, (Cell(r, 0, (para(a),), f"t2 r{r} c1"), Cell(r, 1, (para(b),), f"t2 r{r} c2")), f"t2 r{r}")
        for r, (a, b) in enumerate([("WHO", "World Health Organization"), ("MoH", "Ministry of Health"),
                                     ("PHC", "Primary health care")])), 2, "table 2")
    titles, _ = sections_of(para("PRIMARY CARE"), work_table("Train nurses in triage"),
                            para("ABBREVIATIONS USED"), glossary)
    assert titles == []
