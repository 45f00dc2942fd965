"""Checklists whose owners are initials under a key (issue 10)."""

from __future__ import annotations

from normalize.pipeline import normalize_document
from normalize.structure.owners import expand_initials, initials_key, owner_text
from parsers.model import Document, Paragraph

KEY = "Key to initials: JD = Jana Dvořák (SEI); MO = Mercy Otieno (CIFOR-ICRAF); AK = Aiko Kimura."


def test_key_owner_text_and_expansion():
    key = initials_key(Document("x.md", "txt", (Paragraph(1, KEY, "p1"),)))
    assert key == {"JD": "SEI", "MO": "CIFOR-ICRAF", "AK": "Aiko Kimura"}
    assert owner_text("MO + JD", key) == "MO + JD" and owner_text("all", key) is None
    assert expand_initials("MO + JD", key) == "CIFOR-ICRAF, SEI"
    assert expand_initials("UNEP", key) == "UNEP"
    # one "XX = ..." in prose is no key
    assert initials_key(Document("x.md", "txt", (Paragraph(1, "We set CO = 2 in the model.", "p1"),))) == {}


def test_checklist_items_get_their_owners_and_dates():
    blocks = (Paragraph(1, KEY, "p1"), Paragraph(2, "Survey", "p2", heading_level=2),
              Paragraph(3, "Draft survey (JD, by 15 March 2024)", "p3", list_label="-", list_kind="bullet",
                        list_level=0, checked=False),
              Paragraph(4, "Pilot the survey (MO + JD, late April 2024)", "p4", list_label="-", list_kind="bullet",
                        list_level=0, checked=True),
              Paragraph(5, "Present the results (all, June 2024)", "p5", list_label="-", list_kind="bullet",
                        list_level=0, checked=False))
    records, _ = normalize_document(Document("x.md", "txt", blocks))
    acts = records.tables["activities"]
    assert [a.evidence for a in acts] == ["list_item"] * 3
    people = {(p.subject_id, p.org_id, p.raw) for p in records.tables["participants"] if p.role == "responsible"}
    assert people == {(acts[0].activity_id, "SEI", "JD"), (acts[1].activity_id, "CIFOR-ICRAF", "MO + JD"),
                      (acts[1].activity_id, "SEI", "MO + JD")}
    assert [t.raw for t in records.tables["timelines"]] == ["by 15 March 2024", "late April 2024", "June 2024"]
