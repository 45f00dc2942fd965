"""Parts and expected accomplishments as plain lines (normalize/structure/parts.py),
and a schedule column flattened into date lines below the activities."""

from __future__ import annotations

from normalize.pipeline import normalize_document
from parsers.model import Document, Paragraph


def _read(*texts: str):
    blocks = tuple(Paragraph(i, t, f"paragraph {i + 1}") for i, t in enumerate(texts))
    records, _ = normalize_document(Document("x.txt", "txt", blocks))
    return records


def test_part_lines_accomplishments_outputs_and_schedule_lines():
    records = _read(
        "Work plan for 2019",
        "A. Programmatic issues", "Better data on chemicals",
        "1. Registries:", "a) Map the national registries;", "b) Publish the map.", "Jan 19", "Mar 19",
        "Cleaner supply chains",
        "2. Procurement:", "a) Train buyers.", "May 19",
        "B. Management", "1. Reporting:", "a) Prepare the annual report.", "Dec 19")
    secs = {s.section_id: (s.level, s.label, s.title, s.kind) for s in records.tables["sections"]}
    assert list(secs.values()) == [(1, "A", "Programmatic issues", "part"),
                                   (2, None, "Better data on chemicals", "accomplishment"),
                                   (2, None, "Cleaner supply chains", "accomplishment"),
                                   (1, "B", "Management", "part")]
    acts = records.tables["activities"]
    assert [(a.label, a.kind, secs[a.section_id][2]) for a in acts] == [
        ("1.", "output", "Better data on chemicals"), ("a)", "activity", "Better data on chemicals"),
        ("b)", "activity", "Better data on chemicals"), ("2.", "output", "Cleaner supply chains"),
        ("a)", "activity", "Cleaner supply chains"), ("1.", "output", "Management"),
        ("a)", "activity", "Management")]
    assert [a.timeline_raw for a in acts] == [None, "Jan 19", "Mar 19", None, "May 19", None, "Dec 19"]
    # the schedule lines never join an activity's text
    assert acts[2].text == "Publish the map."


def test_a_lettered_list_without_work_under_each_letter_is_no_parts():
    records = _read("Options discussed", "A. Keep the current format", "B. Merge the two reports",
                    "C. Publish online only")
    assert records.tables["sections"] == []


def test_letters_that_do_not_run_from_a_are_no_parts():
    records = _read("B. Management", "1. Reporting:", "a) Prepare the annual report.",
                    "D. Finance", "1. Audit:", "a) Hire the auditor.")
    assert [s.kind for s in records.tables["sections"]] == []


def test_schedule_lines_that_do_not_match_the_items_are_reported_not_guessed():
    records = _read("A. Programmatic issues", "1. Registries:", "a) Map the registries;", "b) Publish the map;",
                    "c) Train the users.", "Jan 19", "Mar 19",
                    "B. Management", "1. Reporting:", "a) Prepare the report.", "Dec 19")
    acts = records.tables["activities"]
    assert [a.timeline_raw for a in acts if a.label != "1."] == [None, None, None, "Dec 19"]
    assert "schedule_mismatch" in {d.code for d in records.diagnostics}
