"""Group and role words are generic (issue 9): "<any body> co-chairs" are the
document's co-chairs and "<any body> members" a group (SPEC participants), in
English, French and Spanish; no document's own names are in the data."""

from __future__ import annotations

import pytest

from normalize.context import Context
from normalize.organisations import default_matcher, participants
from normalize.structure.outline import ActivityNode, Outline, RoleCell
from parsers.model import Document


def _participants(outline: Outline):
    doc = Document("x.txt", "txt", ())
    ctx = Context(doc, doc_id="d")
    ctx.outline = outline
    records = participants.run(doc, ctx)
    return {(p.subject_id, p.role, p.org_id) for p in records.tables["participants"]}, \
        [d.code for d in records.diagnostics]


@pytest.mark.parametrize("raw", ["IMG co-chairs", "Task team co-chairs", "Coprésidents du groupe",
                                 "Les coprésidents", "Copresidentes"])
def test_co_chairs_of_any_body_are_the_documents_co_chairs(raw):
    outline = Outline(doc_roles=[RoleCell("co_chair", "OHCHR, UNDP", "p1")],
                      activities=[ActivityNode("a1", None, None, None, "activity", "Report", "t1",
                                               roles=[RoleCell("responsible", raw, "t1c2")])])
    rows, codes = _participants(outline)
    assert {("a1", "responsible", "OHCHR"), ("a1", "responsible", "UNDP")} <= rows
    assert codes == []


@pytest.mark.parametrize(("raw", "group"), [
    ("EMG members", "group:EMG members"),
    ("All EMG members", "group:All EMG members"),
    ("UNEP task team", "group:UNEP task team"),
    ("Membres du groupe", "group:Membres du groupe"),
    ("Miembros del EMG", "group:Miembros del EMG"),
    ("Groupe de travail sur les déchets", "group:Groupe de travail sur les déchets"),
    ("Équipe spéciale", "group:Équipe spéciale"),
    ("Equipo de tareas", "group:Equipo de tareas"),
])
def test_members_and_teams_of_any_body_are_groups(raw, group):
    assert [r.org_id for r in default_matcher().split_list(raw)] == [group]
