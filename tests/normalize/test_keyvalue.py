"""The key-value detector (issue 10): titled work items proven by labelled lines."""

from __future__ import annotations

from normalize.structure.keyvalue import find_key_value_items, key_line, title_of
from parsers.model import Paragraph


def paragraphs(*texts: str, heading: set[int] = frozenset()) -> list[Paragraph]:
    return [Paragraph(i, t, f"paragraph {i + 1}", heading_level=2 if i in heading else None)
            for i, t in enumerate(texts)]


def test_titles_in_three_languages_and_identifiers():
    assert title_of("Action 3: Develop a Data Ethics Framework") == (
        "Action 3", "Develop a Data Ethics Framework", "activity")
    assert title_of("Tâche 2.1 – Rédiger le guide") == ("Tâche 2.1", "Rédiger le guide", "activity")
    assert title_of("Entregable 4. Informe final") == ("Entregable 4", "Informe final", "output")
    assert title_of("WP4 User Interfaces") == ("WP4", "User Interfaces", "output")
    assert title_of("T2.10 Indexing service") == ("T2.10", "Indexing service", "activity")


def test_contents_lines_prose_and_lowercase_identifiers_are_no_titles():
    assert title_of("Action 1: Create an OMB Data Council ..................... 6") is None
    assert title_of("Actions taken in 2019 were many and varied") is None
    assert title_of("wp4 user interfaces") is None  # identifiers are written in capitals
    assert title_of("Action 1: " + "word " * 60) is None


def test_labelled_lines_map_to_roles_time_and_status():
    assert key_line("Responsible: General Services Administration") == (
        "responsible", "General Services Administration")
    assert key_line("Lead partner: UPSud") == ("lead", "UPSud")
    assert key_line("Partner(s): WHO, UNICEF") == ("contributor", "WHO, UNICEF")
    assert key_line("Calendrier : T3 2024") == ("timeline", "T3 2024")
    assert key_line("Plazo: diciembre de 2024") == ("timeline", "diciembre de 2024")
    assert key_line("Status: Ongoing") == ("status", "Ongoing")
    assert key_line("Measurement: Agency has identified skills") is None
    assert key_line("The lead: is unclear") is None


def test_a_block_needs_labelled_lines_and_ends_at_the_next_title_or_heading():
    blocks = paragraphs(
        "Action 1: Create a Data Council",          # 0
        "OMB will convene a council of agencies.",   # 1
        "Responsible: Office of Management and Budget",
        "Timeline: Completed within 3 months",
        "Action 2: Publish a catalogue",             # 4: a title with no labelled line
        "A catalogue of training courses.",
        "Community actions",                         # 6: a heading closes the item
        "Responsible: nobody in particular",
        "Task 3 Run the pilot",                      # 8
        "Partners: GSA, NCES\nDeadline: 31 March 2020\nStatus: Ongoing",
        heading={6})
    items = find_key_value_items(blocks)
    assert [(i.label, i.title, i.start, i.end) for i in items] == [
        ("Action 1", "Create a Data Council", 0, 4), ("Task 3", "Run the pilot", 8, 10)]
    first, third = items
    assert first.roles == [("responsible", "Office of Management and Budget", "paragraph 3")]
    assert first.timeline == ("Completed within 3 months", "paragraph 4")
    assert third.roles == [("contributor", "GSA, NCES", "paragraph 10")]
    assert third.timeline == ("31 March 2020", "paragraph 10") and third.status == "Ongoing"


def test_a_contents_page_repeating_titles_gives_nothing():
    blocks = paragraphs(*[f"Action {n}: Step number {n} ....... {n + 4}" for n in range(1, 6)])
    assert find_key_value_items(blocks) == []


def test_federal_action_plan_gives_its_sixteen_actions(shared_dir):
    import parsers

    path = shared_dir / "real" / "docs" / "us-federal-data-strategy-2019-2020-action-plan-DRAFT.pdf"
    items = find_key_value_items(list(parsers.parse(path).blocks))
    assert [i.label for i in items] == [f"Action {n}" for n in range(1, 17)]
    assert all(i.roles and i.timeline for i in items)
    assert items[0].roles[0][1] == "Office of Management and Budget"


def test_a_title_line_carrying_its_fields_and_project_months():
    (item,) = find_key_value_items(paragraphs(
        "T1.1 Project and financial management M0-M48@.2; M0-M3 Sites: UPSud (lead), Logilab, UVSQ",
        "The task includes the following activities"))
    assert (item.label, item.title, item.timeline[0]) == ("T1.1", "Project and financial management",
                                                          "M0-M48@.2; M0-M3")
    assert [(r, v) for r, v, _ in item.roles] == [("lead", "UPSud"), ("contributor", "Logilab, UVSQ")]


def test_a_deliverable_listed_twice_is_one_work_item():
    from normalize.pipeline import normalize_document
    from parsers.model import Document

    blocks = paragraphs("Deliverables", "D1.2: Data Management Plan", "Due: M6",
                        "Work package 1", "D1.2: Data Management Plan", "Lead: UPSud", heading={0, 3})
    records, _ = normalize_document(Document("x.txt", "txt", tuple(blocks)))
    acts = records.tables["activities"]
    assert [(a.label, a.text) for a in acts] == [("D1.2", "Data Management Plan")]
    assert {(p.subject_id, p.role) for p in records.tables["participants"]} == {(acts[0].activity_id, "lead")}
    assert [t.raw for t in records.tables["timelines"]] == ["M6"]
