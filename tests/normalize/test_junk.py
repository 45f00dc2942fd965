"""Text that is never a work item (issue 10), each case written as real documents print it."""

from __future__ import annotations

from normalize.structure.junk import (
    is_caption,
    is_contents_line,
    is_item_text,
    is_prose,
    never_a_list_heading,
)


def test_contents_lines():
    assert is_contents_line("INTRODUCTION ........................................ 4")
    assert is_contents_line("2.1 Work packages . . . . . . . . 12")
    assert is_contents_line("Annex B\t37")
    assert not is_contents_line("Action 1: Create an OMB Data Council")
    assert not is_contents_line("Deliver 3 workshops by Q2 2024")


def test_captions():
    assert is_caption("Figure 1. Relationship between the Federal Data Strategy and the Action Plan")
    assert is_caption("Table 3: Effort per partner")
    assert is_caption("Tableau 2 – Budget par activité")
    assert not is_caption("Table the draft at the next meeting")  # a verb, no number
    assert not is_caption("Map stakeholders in the region")


def test_prose_is_not_an_item():
    prose = ("The outline of this work plan was decided at our kick-off meeting. It will be revisited "
             "as needed. Changes are made as pull requests reviewed by the whole group.")
    assert is_prose(prose) and not is_item_text(prose)
    assert not is_prose("Develop a Data Ethics Framework. Publish it online.")
    assert is_item_text("Identify common use cases for reconciliation & entity resolution as a group;")


def test_headings_whose_lists_are_not_work():
    for heading in ("List of beneficiaries", "Critical risks for implementation", "Acronyms:",
                    "Original Ideas", "Budget summary", "Sigles et abréviations", "Riesgos"):
        assert never_a_list_heading(heading), heading
    assert never_a_list_heading("Annex 2: Acronyms") and never_a_list_heading("3. Risks")
    for heading in ("Evolving Work Plan", "Activities", "Tasks and deliverables", "Phase 2",
                    "Identify Opportunities to Increase Staff Data Skills", "Reduce risks of flooding", "The budget line for travel"):
        assert not never_a_list_heading(heading), heading


def test_glossary_tables_are_keys_not_work():
    from normalize.structure.junk import is_glossary
    from parsers.model import Cell, Paragraph, Row, Table

    def table(rows):
        return Table(1, 1, tuple(Row(r, tuple(Cell(r, c, (Paragraph(10 * r + c, t, "x"),), "x")
                                              for c, t in enumerate(row)), "x") for r, row in enumerate(rows)),
                     len(rows[0]), "table 1")

    assert is_glossary(table([("PU", "Public"), ("CO", "Confidential, only for members of the consortium"),
                              ("EU-RES", "Classified Information: RESTREINT UE")]))
    assert is_glossary(table([("Acronym", "Meaning"), ("CBD", "Convention on Biological Diversity"),
                              ("COP", "Conference of the Parties"), ("INC", "Intergovernmental Negotiating Committee"),
                              ("SEI", "Stockholm Environment Institute")]))
    assert not is_glossary(table([("Activity", "Lead"), ("Draft the guidance note", "UNEP"),
                                  ("Hold the regional workshop", "UNDP")]))
    assert not is_glossary(table([("WP1", "Project Management", "UPSud")]))


def test_personnel_and_staff_lists_are_not_work():
    for heading in ("Personnel", "Staff", "Team members", "Personal", "Bénéficiaires"):
        assert never_a_list_heading(heading), heading


def test_footnote_texts_never_become_activities(fixtures_dir):
    import parsers
    from normalize.pipeline import normalize_document

    for name in ("img-hre-draft-workplan.docx", "emg-workplan-2018.docx"):
        doc = parsers.parse(fixtures_dir / name)
        records, _ = normalize_document(doc)
        notes = {n.text.strip() for n in doc.notes}
        assert notes and not notes & {a.text for a in records.tables["activities"]}, name


def test_numbered_headings_are_not_work_items():
    # A grant annex numbers its headings like a list ("1.1. The project summary" over a
    # table); its contents list them, one names the plan itself, one heads a list of no work.
    from normalize.pipeline import normalize_document
    from parsers.model import Document, Paragraph

    texts = [("Work plan", {"heading_level": 1}),
             ("1.1. The project summary........................ 3 1.2. Partners.................4", {}),
             ("Lead: UNEP", {}),
             ("The project summary", {"list_label": "1.1.", "list_level": 1, "list_kind": "number", "bold": True}),
             ("Workplan tables - detailed implementation", {"list_label": "1.2.", "list_level": 1,
                                                            "list_kind": "number", "bold": True}),
             ("List of beneficiaries", {"list_label": "1.3.", "list_level": 1, "list_kind": "number"}),
             ("Map the national chemical registries", {"list_label": "1.4.", "list_level": 1, "list_kind": "number"}),
             ("Draft the 2025 work plan", {"list_label": "1.5.", "list_level": 1, "list_kind": "number"})]
    blocks = tuple(Paragraph(i, t, f"paragraph {i + 1}", **kw) for i, (t, kw) in enumerate(texts))
    records, _ = normalize_document(Document("x.pdf", "pdf", blocks))
    assert [a.text for a in records.tables["activities"]] == ["Map the national chemical registries",
                                                              "Draft the 2025 work plan"]


def test_records_of_work_already_done_are_not_planned_work(shared_dir):
    # docxfix's scenario files (../shared/external, read in place): "Steps taken in UI"
    # lists what someone did, and "Expected key XML markers" lists what a file holds
    import parsers
    from normalize.pipeline import normalize_document

    corpus = shared_dir / "external" / "docxfix" / "corpus"
    for name in ("sections.md", "legal-list.md", "resolved-comment.md", "comment-thread.md"):
        records, _ = normalize_document(parsers.parse(corpus / name))
        assert records.tables["activities"] == [], name
    assert never_a_list_heading("Steps taken in UI:") and never_a_list_heading("Actividades realizadas")
    assert not never_a_list_heading("Next steps")


def test_a_line_with_its_own_label_ends_a_list():
    from normalize.structure.worklists import find_work_lists
    from parsers.model import Paragraph

    blocks = [Paragraph(0, "Next steps:", "p1"),
              Paragraph(1, "Draft the survey", "p2", list_label="•", list_kind="bullet", list_level=0),
              Paragraph(2, "and share it with members", "p3"),
              Paragraph(3, "Expected result: a survey agreed by all members", "p4"),
              Paragraph(4, "Book the venue", "p5", list_label="•", list_kind="bullet", list_level=0)]
    (found,) = find_work_lists(blocks)
    assert [i.text for i in found.items] == ["Draft the survey and share it with members"]


def test_a_note_closed_by_a_back_link_is_never_a_work_item_or_a_section():
    # an HTML export's notes ("1. To be aligned with ... ↩"), once converted to Word,
    # are numbered paragraphs like any list: the back link says what they are
    from normalize.pipeline import normalize_document
    from parsers.model import Document, Paragraph

    assert not is_item_text("To be aligned with guidance on NBSAPs below.\u21a9\ufe0e")
    blocks = (Paragraph(0, "Focus areas", "p1"),
              Paragraph(1, "Integrating rights in country programmes", "p2", list_label="1)", list_kind="number",
                        list_level=0, bold=True),
              Paragraph(2, "Focus Area Lead: UNDP", "p3"),
              Paragraph(3, "Draft the guidance note", "p4", list_label="a)", list_kind="number", list_level=1),
              Paragraph(4, "To be aligned with guidance on NBSAPs below. \u21a9", "p5", list_label="1.",
                        list_kind="number", list_level=0))
    records, _ = normalize_document(Document("x.docx", "docx", blocks))
    assert [s.title for s in records.tables["sections"]] == ["Integrating rights in country programmes"]
    assert [a.text for a in records.tables["activities"]] == ["Draft the guidance note"]
