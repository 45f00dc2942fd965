"""A French workplan in another layout, generated here as a real .docx, read end to end.

Rules must be general (issue 3): French role lines with a space before the colon,
a "Produit | Calendrier | Responsable" table, French dates and French acronyms.
"""

from __future__ import annotations

import docx
import pytest

import parsers
from normalize.pipeline import normalize_document


@pytest.fixture(scope="module")
def french(tmp_path_factory):
    d = docx.Document()
    d.add_paragraph("Plan de travail 2022 du groupe de gestion thématique").runs[0].bold = True
    d.add_paragraph("Coprésidents :")
    for org in ("PNUD", "HCDH"):
        d.add_paragraph(org, style="List Bullet")
    d.add_paragraph("Domaines prioritaires")
    d.add_paragraph("1) Intégration des droits humains dans les programmes").runs[0].bold = True
    d.add_paragraph("Chef de file : PNUE")
    d.add_paragraph("Organismes contributeurs : HCDH, ONU-Femmes, OIT")
    table = d.add_table(rows=4, cols=3)
    rows = [("Produit", "Calendrier", "Responsable"),
            ("Note d'orientation conjointe", "T3 2022", "PNUE"),
            ("Atelier régional avec la CEPALC", "d'ici fin juin", "HCDH et PNUD"),
            ("Rapport final", "à déterminer", "Chef de file")]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    path = tmp_path_factory.mktemp("fr") / "plan-de-travail.docx"
    d.save(path)
    records, info = normalize_document(parsers.parse(path), "fr")
    return records, info


def test_french_sections_and_outputs(french):
    records, info = french
    assert [(s["label"], s["kind"]) for s in records.tables["sections"]] == [("1", "focus_area")]
    acts = records.tables["activities"]
    assert [(a["kind"], a["text"]) for a in acts] == [
        ("output", "Note d'orientation conjointe"), ("output", "Atelier régional avec la CEPALC"),
        ("output", "Rapport final")]
    assert info.reference_year == 2022


def test_french_timelines(french):
    records, _ = french
    text = {a["activity_id"]: a["text"] for a in records.tables["activities"]}
    got = {text[t["subject_id"]]: (t["start"], t["end"], t["kind"], t["certainty"])
           for t in records.tables["timelines"]}
    assert got == {
        "Note d'orientation conjointe": ("2022-07-01", "2022-09-30", "point", "firm"),
        "Atelier régional avec la CEPALC": (None, "2022-06-30", "deadline", "firm"),
        "Rapport final": (None, None, "unknown", "tbd"),
    }


def test_french_participants(french):
    records, _ = french
    text = {a["activity_id"]: a["text"] for a in records.tables["activities"]}
    rows = {(p["subject_type"], text.get(p["subject_id"], p["subject_type"]), p["role"], p["org_id"])
            for p in records.tables["participants"]}
    assert {("document", "document", "co_chair", "UNDP"), ("document", "document", "co_chair", "OHCHR")} <= rows
    assert {("section", "section", "lead", "UNEP"), ("section", "section", "contributor", "UN-Women"),
            ("section", "section", "contributor", "ILO")} <= rows
    assert ("activity", "Atelier régional avec la CEPALC", "responsible", "OHCHR") in rows
    assert ("activity", "Atelier régional avec la CEPALC", "responsible", "UNDP") in rows
    assert ("activity", "Atelier régional avec la CEPALC", "mentioned", "ECLAC") in rows
    # "Chef de file" in a row resolves to the section's lead
    assert ("activity", "Rapport final", "responsible", "UNEP") in rows
