"""The work-list detector (issue 10): lists under a lead-in that announces planned work."""

from __future__ import annotations

from normalize.structure.labels import walk
from normalize.structure.worklists import find_work_lists
from parsers.model import Paragraph


def para(i, text, heading=None, label=None, kind=None, level=None, bold=False):
    return Paragraph(i, text, f"paragraph {i + 1}", heading_level=heading, list_label=label,
                     list_kind=kind, list_level=level, bold=bold)


def test_a_list_under_a_work_heading_nests_its_items():
    blocks = [
        para(0, "About", heading=2),
        para(1, "This plan was agreed at the kick-off meeting."),
        para(2, "Evolving Work Plan", heading=2),
        para(3, "Gather use cases (June - August)", label="1.", kind="number", level=0),
        para(4, "Identify common use cases", label="-", kind="bullet", level=1),
        para(5, "Write them up in a template", label="-", kind="bullet", level=1),
        para(6, "Develop tools (Dates TBD)", label="2.", kind="number", level=0),
        para(7, "Original Ideas", heading=2),
        para(8, "Ideas raised for work steps, kept for later:"),
        para(9, "community solutions", label="-", kind="bullet", level=0),
    ]
    (found,) = find_work_lists(blocks)
    assert (found.lead_in, found.start, found.end, found.parent) == (2, 3, 7, None)
    assert [(i.label, i.text, i.level) for i in walk(found.items)] == [
        ("1.", "Gather use cases (June - August)", 0), (None, "Identify common use cases", 1),
        (None, "Write them up in a template", 1), ("2.", "Develop tools (Dates TBD)", 0)]


def test_a_titled_item_with_bullets_is_their_parent():
    blocks = [para(0, "Phase 1: Testing monitoring architecture", bold=True),
              para(1, "Review of existing infrastructures", label="-", kind="bullet"),
              para(2, "Acquire suitable sensors", label="-", kind="bullet"),
              para(3, "Phase 2: Testing the data store", bold=True),
              para(4, "Develop a schema", label="-", kind="bullet")]
    found = find_work_lists(blocks)
    assert [(f.parent, [i.text for i in f.items]) for f in found] == [
        (("Phase 1", "Testing monitoring architecture", "activity"),
         ["Review of existing infrastructures", "Acquire suitable sensors"]),
        (("Phase 2", "Testing the data store", "activity"), ["Develop a schema"])]


def test_lists_that_are_not_planned_work_give_nothing():
    blocks = [para(0, "List of beneficiaries", heading=2),
              para(1, "University of Oxford", label="1.", kind="number"),
              para(2, "Our partners include:"),  # a lead-in that announces no work
              para(3, "CNRS", label="-", kind="bullet"),
              para(4, "Activities:"),
              para(5, "The project started in 2015. It was funded by the Commission. It ended in 2019 "
                      "after four years of work.", label="-", kind="bullet"),
              para(6, "Contents", heading=1),
              para(7, "Tasks ............ 4", label="1.", kind="number")]
    assert find_work_lists(blocks) == []


def test_french_and_spanish_lead_ins():
    for lead in ("Activités prévues :", "Próximos pasos:", "Plan de travail"):
        blocks = [para(0, lead, heading=None if lead.endswith(":") else 2),
                  para(1, "Préparer le rapport", label="a)", kind="number")]
        assert len(find_work_lists(blocks)) == 1, lead


def test_real_markdown_plan_keeps_its_work_plan_and_drops_its_backlog(shared_dir):
    import parsers

    doc = parsers.parse(shared_dir / "real" / "docs" / "ld4-reconciliation-working-group-workplan-2017-2018.md")
    found = find_work_lists(list(doc.blocks))
    assert len(found) == 1
    texts = [i.text for i in walk(found[0].items)]
    assert len(texts) == 13 and texts[0].startswith("Gather/Identify Use Cases")
    assert not any("Library of Congress" in t for t in texts)


def test_slide_bullets_titled_phase_items_each_own_their_dashes():
    blocks = [para(0, "Phase 1 – Testing monitoring architecture", label="•", kind="bullet", level=0),
              para(1, "– Review of existing monitoring infrastructures"),
              para(2, "– Deploying sensors in a test site"),
              para(3, "Phase 2 – Testing data store for monitoring", label="•", kind="bullet", level=0),
              para(4, "– Developing schema for data store")]
    found = find_work_lists(blocks)
    assert [(f.parent[0], [i.text for i in f.items]) for f in found] == [
        ("Phase 1", ["Review of existing monitoring infrastructures", "Deploying sensors in a test site"]),
        ("Phase 2", ["Developing schema for data store"])]


def test_next_steps_with_owner_initials_and_a_dated_tail():
    # meeting notes typed in Word: owners in brackets, the date after a dash, the key
    # to the initials below the list (never a wrapped line of the last item)
    from normalize.pipeline import normalize_document
    from parsers.model import Document

    blocks = (para(0, "Next steps", heading=1),
              para(1, "Circulate the draft ToR to members (AB) – by 15 March 2025", label="•", kind="bullet", level=0),
              para(2, "Book the venue for the May workshop (CD)", label="•", kind="bullet", level=0),
              para(3, "Consolidate comments on the concept note (AB, EF) – end of March 2025", label="•",
                   kind="bullet", level=0),
              para(4, "AB = Ana Beltrán (UNDP); CD = Chris Dunn (UNEP); EF = Elena Flores (FAO)"))
    records, _ = normalize_document(Document("x.docx", "docx", blocks))
    acts = records.tables["activities"]
    assert [(a.text, a.timeline_raw) for a in acts] == [
        ("Circulate the draft ToR to members (AB) – by 15 March 2025", "by 15 March 2025"),
        ("Book the venue for the May workshop (CD)", None),
        ("Consolidate comments on the concept note (AB, EF) – end of March 2025", "end of March 2025")]
    owners = sorted((a.text[:4], p.org_id, p.raw) for a in acts for p in records.tables["participants"]
                    if p.subject_id == a.activity_id)
    assert owners == [("Book", "UNEP", "CD"), ("Circ", "UNDP", "AB"), ("Cons", "FAO", "AB, EF"),
                      ("Cons", "UNDP", "AB, EF")]


def test_bracketed_time_frames_with_durations_and_undecided_dates():
    # a working group's Markdown phases (the real ld4 plan's style): a duration before
    # the months stays in the time frame, a colon may close the item, "Dates TBD" is kept
    from normalize.pipeline import normalize_document
    from parsers.model import Document

    blocks = (para(0, "Evolving Work Plan 2017", heading=2),
              para(1, "Gather use cases (2.5 months, June - mid-August):", label="1.", kind="number", level=0),
              para(2, "Develop tools (Dates TBD)", label="2.", kind="number", level=0),
              para(3, "Share the results (AB, by October)", label="3.", kind="number", level=0))
    records, _ = normalize_document(Document("x.md", "txt", blocks))
    assert [a.timeline_raw for a in records.tables["activities"]] == [
        "2.5 months, June - mid-August", "Dates TBD", "by October"]
    readings = [(t.start, t.end, t.kind, t.certainty) for t in records.tables["timelines"]]
    assert readings[:2] == [("2017-06-01", "2017-08-20", "range", "firm"), (None, None, "unknown", "tbd")]
