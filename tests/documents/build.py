"""Builds our own test workplans (other layouts, French, other date styles) as real
files, for tests/test_own_documents.py. Gold for each lives beside this file as
`<name>.gold.json` in the scorer's format (../shared/eval/GOLD.md).

Documents are generated rather than committed so that what they hold is readable here.
"""

from __future__ import annotations

from pathlib import Path

import docx


def _table(d, rows):
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if value is not None:
                table.cell(r, c).text = value
    return table


def plan_fr(path: Path) -> None:
    """A French plan: role lines with " :", a grouped output table, a quarter Gantt grid
    under a year header, a key-events annex, and reviewer comments on an activity and
    on a section's role line."""
    d = docx.Document()
    d.add_paragraph("Groupe de gestion thématique sur les droits humains").runs[0].bold = True
    d.add_paragraph("Plan de travail 2022").runs[0].bold = True
    d.add_paragraph("Coprésidents :")
    for org in ("HCDH", "PNUE"):
        d.add_paragraph(org, style="List Bullet")
    d.add_paragraph("Domaines prioritaires")
    d.add_paragraph("1) Intégration des droits humains dans les programmes").runs[0].bold = True
    lead = d.add_paragraph("Chef de file : PNUD")
    d.add_comment(lead.runs[0], text="Le PNUE souhaite co-diriger", author="Ana Ruiz [PNUE]", initials="AR")
    d.add_paragraph("Organismes contributeurs : HCDH, ONU-Femmes, OIT")
    d.add_paragraph("Activités indicatives :")
    d.add_paragraph("Élaborer une note d'orientation pour les équipes de pays.", style="List Bullet")
    d.add_paragraph("Appuyer deux pays pilotes avec la CEPALC.", style="List Bullet")
    table = _table(d, [
        ("Produit et activités", "Calendrier", "Responsable"),
        ("Note d'orientation sur les CDN", "", ""),
        ("Première ébauche", "d'ici mi-mars", "Chef de file"),
        ("Consultation des équipes de pays", "avril - mai 2022", "PNUD et HCDH (à confirmer)"),
        ("Version finale", "à déterminer", "Chef de file + groupe de travail"),
    ])
    first_draft = table.cell(2, 0).paragraphs[0].runs[0]
    d.add_comment(first_draft, text="Vérifier la date avec le PNUD", author="Marie Dupont [HCDH]", initials="MD")
    d.add_paragraph("2) Sensibilisation et formation").runs[0].bold = True
    d.add_paragraph("Chef de file : HCDH")
    gantt = _table(d, [
        ("Activités possibles", "2022", None, None, None),
        ("", "T1", "T2", "T3", "T4"),
        ("Webinaire sur le droit à un environnement sain", "", "X", "X", ""),
        ("Formation des coordonnateurs résidents", "", "", "", "X"),
    ])
    gantt.cell(0, 1).merge(gantt.cell(0, 4)).text = "2022"
    d.add_paragraph("ANNEXE 1 : Principaux événements en 2022").runs[0].bold = True
    _table(d, [("T1 2022", "UNEA-5.2, CDH 49"), ("T3 2022", "Forum politique de haut niveau")])
    d.save(path)


def plan_md(path: Path) -> None:
    """A Markdown export: ATX headings, role lines, a pipe table, a footnote, a bullet list."""
    path.write_text(
        "# Joint work plan 2023-2024\n\n"
        "## Workstream 1: Data and monitoring\n\n"
        "Lead: UNEP\nPartners: FAO, WHO\n\n"
        "| Activity | Timeframe | Responsible |\n|---|---|---|\n"
        "| Publish the synthesis report[^1] | H1 2023 | UNEP, FAO |\n"
        "| Hold the data workshop | 15-17 March 2024 | WHO |\n"
        "| Update the database | ongoing | UNEP |\n\n"
        "## Workstream 2: Financing\n\n"
        "Lead: UNDP\n\n"
        "Activities:\n\n"
        "- Draft a financing brief (Q4 2023)\n"
        "- Present the brief to the HLCP (TBC)\n\n"
        "[^1]: Depends on member contributions.\n",
        encoding="utf-8")


BUILDERS = {"plan-fr.docx": plan_fr, "plan-md.md": plan_md}


def build_all(folder: Path) -> list[Path]:
    """Write every test document into `folder`; returns their paths."""
    paths = []
    for name, build in BUILDERS.items():
        build(folder / name)
        paths.append(folder / name)
    return paths
