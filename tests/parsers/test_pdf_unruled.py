"""Tables with no rules in LibreOffice PDFs of our French test plan (committed in
tests/parsers/pdfs/, see its README): the same grid as the ruled print of the same
document, wrapped cells whole, a header spanning the columns it heads, a table going
on over a page break, and none of the prose read as a table."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers.model import Table
from parsers.pdf import parse_pdf

PDFS = Path(__file__).resolve().parent / "pdfs"

OUTPUTS = [
    ["Produit et activités", "Calendrier", "Responsable"],
    ["Note d'orientation sur les CDN", "", ""],
    ["Première ébauche", "d'ici mi-mars", "Chef de file"],
    ["Consultation des équipes de pays", "avril - mai 2022", "PNUD et HCDH (à confirmer)"],
    ["Version finale", "à déterminer", "Chef de file + groupe de travail"],
]
GANTT = [
    ["Activités possibles", "2022"],
    ["", "T1", "T2", "T3", "T4"],
    ["Webinaire sur le droit à un environnement sain", "", "X", "X", ""],
    ["Formation des coordonnateurs résidents", "", "", "", "X"],
]
EVENTS = [["T1 2022", "UNEA-5.2, CDH 49"], ["T3 2022", "Forum politique de haut niveau"]]


def _grid(table: Table) -> list[list[str]]:
    return [[c.text for c in row.cells if not c.merged] for row in table.rows]


@pytest.fixture(scope="module", params=["plan-fr-unruled.pdf", "plan-fr-ruled.pdf"])
def doc(request):
    return parse_pdf(PDFS / request.param)


def test_pdf_unruled_tables_same_grid_as_ruled(doc):
    tables = list(doc.iter_tables())
    assert [_grid(t) for t in tables] == [OUTPUTS, GANTT, EVENTS]
    assert [t.n_cols for t in tables] == [3, 5, 2]
    year = tables[1].rows[0].cells[1]
    assert (year.col, year.col_span) == (1, 4)
    assert all(c.col_span == 1 for t in (tables[0], tables[2]) for c in t.cells)


def test_pdf_unruled_gantt_goes_on_over_the_page_break(doc):
    gantt = list(doc.iter_tables())[1]
    assert [r.source_ref.split(",")[0] for r in gantt.rows][-1] == (
        "page 2" if "unruled" in doc.path else "page 1")
    assert [c.row for c in gantt.rows[3].cells] == [3] * 5


def test_pdf_unruled_prose_stays_prose(doc):
    top = [b for b in doc.blocks if not isinstance(b, Table)]
    assert [(p.text, p.bold, p.list_kind) for p in top] == [
        ("Groupe de gestion thématique sur les droits humains", True, None),
        ("Plan de travail 2022", True, None),
        ("Coprésidents :", False, None),
        ("HCDH", False, "bullet"), ("PNUE", False, "bullet"),
        ("Domaines prioritaires", False, None),
        ("1) Intégration des droits humains dans les programmes", True, None),
        ("Chef de file : PNUD", False, None),
        ("Organismes contributeurs : HCDH, ONU-Femmes, OIT", False, None),
        ("Activités indicatives :", False, None),
        ("Élaborer une note d'orientation pour les équipes de pays.", False, "bullet"),
        ("Appuyer deux pays pilotes avec la CEPALC.", False, "bullet"),
        ("2) Sensibilisation et formation", True, None),
        ("Chef de file : HCDH", False, None),
        ("ANNEXE 1 : Principaux événements en 2022", True, None),
    ]


def test_pdf_comment_author_without_libreoffice_date(doc):
    by_author = {c.author: c for c in doc.comments}
    assert set(by_author) == {"Marie Dupont [HCDH]", "Ana Ruiz [PNUE]"}
    comment = by_author["Marie Dupont [HCDH]"]
    assert comment.text == "Vérifier la date avec le PNUD"
    assert comment.date is None  # LibreOffice wrote D:00000000000000Z
    blocks = doc.block_by_id()
    assert blocks[comment.anchor_block].text == "Première ébauche"
    assert blocks[by_author["Ana Ruiz [PNUE]"].anchor_block].text.startswith("Chef de file")
