"""Participants: role references resolve to their holders, in the section or above it."""

from __future__ import annotations

from normalize.context import Context
from normalize.organisations import participants
from normalize.structure.outline import ActivityNode, Outline, RoleCell, SectionNode
from parsers.model import Document


def _ctx(outline: Outline) -> Context:
    ctx = Context(Document("x.txt", "txt", ()), doc_id="d")
    ctx.outline = outline
    return ctx


def _rows(outline):
    records = participants.run(Document("x.txt", "txt", ()), _ctx(outline))
    return [(p.subject_id, p.role, p.org_id, p.raw) for p in records.tables["participants"]], \
        [d.code for d in records.diagnostics]


def test_participants_focus_area_lead_resolves_in_parent_section():
    part = SectionNode("s1", None, 1, "A", "Part", "part", "p1", roles=[RoleCell("lead", "UNEP", "p2")])
    sub = SectionNode("s2", "s1", 2, None, "Sub", "accomplishment", "p3")
    act = ActivityNode("a1", "s2", None, None, "activity", "Draft", "t1",
                       roles=[RoleCell("responsible", "Lead agency", "t1c3")])
    rows, codes = _rows(Outline(sections=[part, sub], activities=[act]))
    assert ("a1", "responsible", "UNEP", "Lead agency") in rows
    assert codes == []


def test_participants_co_chairs_reference_is_the_documents_co_chairs():
    outline = Outline(doc_roles=[RoleCell("co_chair", "OHCHR, UNDP", "p1")],
                      activities=[ActivityNode("a1", None, None, None, "activity", "Report", "t1",
                                               roles=[RoleCell("responsible", "Co-chairs", "t1c2")])])
    rows, _ = _rows(outline)
    assert ("a1", "responsible", "OHCHR", "Co-chairs") in rows and ("a1", "responsible", "UNDP", "Co-chairs") in rows
    assert ("d", "co_chair", "OHCHR", "OHCHR, UNDP") in rows


def test_participants_unresolved_role_and_unknown_org_are_diagnostics():
    outline = Outline(activities=[ActivityNode("a1", None, None, None, "activity", "Report to UNIMDIS", "t1",
                                               roles=[RoleCell("lead", "Focus area lead", "c1"),
                                                      RoleCell("lead", "UNDPP", "c2")])])
    rows, codes = _rows(outline)
    assert rows == []
    assert sorted(codes) == ["unknown_org", "unknown_org", "unresolved_role"]


def test_a_role_cell_naming_an_unlisted_body_still_gives_its_row():
    outline = Outline()
    outline.activities.append(ActivityNode("a001", None, None, None, "activity", "Pilot the catalogue", "p1",
                                           roles=[RoleCell("responsible", "The Department of Education (tbc), UNEP",
                                                           "p2")]))
    records = participants.run(Document("x.txt", "txt", ()), _ctx(outline))
    rows = [(r.role, r.org_id, r.org_name, r.qualifier) for r in records.tables["participants"]]
    assert rows[0] == ("responsible", "unlisted:Department of Education", "Department of Education", "tbc")
    assert [r[1] for r in rows] == ["unlisted:Department of Education", "UNEP"]
    assert [d.code for d in records.diagnostics] == ["unknown_org"]  # and the list may grow
