"""Builds our own test workplans (other layouts, French and Spanish, other date styles) as
real files, for tests/test_own_documents.py. Gold for each lives beside this file as
`<name>.gold.json` in the scorer's format (../shared/eval/GOLD.md).

Documents are generated rather than committed so that what they hold is readable here.
The exceptions are the files in `generated/`, which need tools CI does not have:

* `generated/pandoc-plan.docx` was made from `PANDOC_MD` (below) by pandoc 2.17.1.1
  (`pandoc pandoc-plan.md -o pandoc-plan.docx`, pandoc's default reference.docx, so its
  tables have no borders);
* `generated/pandoc-plan.pdf` was printed from that .docx by LibreOffice 7.4.7.2
  (`soffice --headless --convert-to pdf pandoc-plan.docx`).

Regenerate both with `python tests/documents/build.py --pandoc` after changing
`PANDOC_MD` (pandoc and soffice on PATH). The Markdown source itself is also written by
`build_all`, as `pandoc-plan.md`, and scored against the same gold.

* `generated/narrow-awp.pdf` was printed from `narrow_awp`'s .docx by LibreOffice 7.4.7.2
  (`soffice --headless --convert-to pdf narrow-awp.docx`): its narrow cells cut long words
  with no hyphen; `quarter-ticks.pdf`, `wp-tasks.pdf`,
  `inline-fields.pdf`, `output-bands.pdf`, `fiscal-plan.pdf`, `labelled-roles.pdf`,
  `fill-gantt.pdf` and `heading-items.pdf` were printed the same way.

Issue 10 layout families (gold written by hand before the pipeline met them):
logframe-numbered.docx, gantt-es.docx, events-annex.docx, pandoc-plan.{md,docx,pdf},
action-plan-kv.txt, checklist.md, narrative-only.docx, acronyms-annex.docx,
bold-sections.docx (sections that are only bold or all-caps lines),
narrow-awp.{docx,pdf} (equal-width columns too narrow for their words),
quarter-ticks.{docx,pdf} (quarters ticked with a check mark), wp-tasks.{docx,pdf}
(a research work package: task headings with project months, 'Lead: X; Participants: Y'),
inline-fields.{docx,pdf} (list items that carry 'Lead: X' and a date after a dash or in a bracket),
output-bands.{docx,pdf} ('Output 1.1: ...' rows spanning the table over its activity rows),
owner-table.md (a Markdown plan: Owner / Due / Status columns, a milestones checklist),
fiscal-plan.{docx,pdf} (a plan for a July-June financial year, Start date / End date columns),
labelled-roles.{docx,pdf} ('Lead: X' / 'Support: Y' lines in one agencies cell),
task-force.txt (a plain-text plan: its title names the work plan, lettered tasks with their fields),
fill-gantt.{docx,pdf} (bars drawn only as shaded cells under years spanning their months),
heading-items.{docx,pdf} (unnumbered headings over Lead / Timeline lines: work items).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt


def _table(d, rows):
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if value is not None:
                table.cell(r, c).text = value
    return table


def _headed_table(d, header):
    """A "Table Grid" table holding only its header row; rows are added below it."""
    table = d.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
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


# --------------------------------------------------------------------------- #
# Issue 10: layout families the shared workplans do not show
# --------------------------------------------------------------------------- #

def _shade(cell, fill: str) -> None:
    """Fill a table cell with a solid colour (a Gantt bar, a header band)."""
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _widths(table, cms: list[float]) -> None:
    """Fixed column widths (the grid and every cell), as Word writes them."""
    table.autofit = False
    for col, cm in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), cms, strict=True):
        col.set(qn("w:w"), str(int(Cm(cm).twips)))
    for row in table.rows:
        for cell, cm in zip(row.cells, cms, strict=True):
            cell.width = Cm(cm)


def _bold(paragraph) -> None:
    for run in paragraph.runs:
        run.bold = True


def _numbering(d, num_id: int, levels: list[tuple[str, str]]) -> None:
    """Add a multilevel list definition (abstractNum + num) to the document's numbering.xml:
    one (numFmt, lvlText) per level, each level indented 0.5 cm more than the one above."""
    numbering = d.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(num_id))
    multi = OxmlElement("w:multiLevelType")
    multi.set(qn("w:val"), "multilevel")
    abstract.append(multi)
    for ilvl, (fmt, text) in enumerate(levels):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text), ("w:lvlJc", "left")):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            lvl.append(el)
        ppr = OxmlElement("w:pPr")
        ind = OxmlElement("w:ind")
        ind.set(qn("w:left"), str(1418 + 567 * ilvl))
        ind.set(qn("w:hanging"), "1418")
        ppr.append(ind)
        lvl.append(ppr)
        abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(num_id))
    num.append(ref)
    numbering.append(num)


def _numbered(d, text: str, num_id: int, ilvl: int, bold: bool = False):
    """A paragraph whose label ("Outcome 1:", "Output 1.2") exists only in numbering.xml."""
    p = d.add_paragraph()
    run = p.add_run(text)
    run.bold = bold
    ppr = p._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    lvl = OxmlElement("w:ilvl")
    lvl.set(qn("w:val"), str(ilvl))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    num_pr.append(lvl)
    num_pr.append(nid)
    ppr.insert(0, num_pr)
    return p


def _indented(d, text: str, cm: float):
    p = d.add_paragraph(text)
    p.paragraph_format.left_indent = Cm(cm)
    return p


def logframe_numbered(path: Path) -> None:
    """A research consortium's logframe as one Word multilevel list: Outcome > Output >
    Activity, the labels "Outcome 1:", "Output 1.2", "Activity 1.2.1" generated from
    numbering.xml (lvlText) and absent from the text runs; an unnumbered "Lead:" line under
    each output; timings in brackets at the end of the activity text."""
    d = docx.Document()
    _bold(d.add_paragraph("AgriWater Resilience Consortium"))
    _bold(d.add_paragraph("Annual workplan 2025"))
    d.add_paragraph("Lead: IWMI")
    d.add_paragraph("Partners: IFPRI, SEI, CIFOR-ICRAF")
    d.add_paragraph("This workplan sets out what the consortium will deliver in 2025, the second year of "
                    "the programme. It follows the results framework agreed at the inception workshop.")
    num = 41
    _numbering(d, num, [("decimal", "Outcome %1:"), ("decimal", "Output %1.%2"), ("decimal", "Activity %1.%2.%3")])
    plan = [
        ("Basin authorities use seasonal water-availability forecasts in allocation decisions", [
            ("Seasonal forecast bulletins for the Volta and Limpopo basins", "IWMI", [
                "Calibrate the hydrological model against historical gauge records (Q1 2025)",
                "Publish the first bulletin before the rainy season (by 30 April 2025)",
            ]),
            ("Decision-support training for basin officers", "SEI", [
                "Train 40 basin officers together with FAO country offices (June 2025)",
                "Evaluate how the bulletin was used in the dry-season allocation round (Q4 2025)",
            ]),
        ]),
        ("Smallholder irrigators adopt water-saving practices", [
            ("Practice guide on deficit irrigation", "IFPRI", [
                "Synthesise the evidence from the 2024 field trials (January–February 2025)",
                "Translate the guide into French and Portuguese (by end-July 2025)",
            ]),
            ("Farmer field schools in two pilot districts", "CIFOR-ICRAF", [
                "Select the pilot districts with the national irrigation agencies (Q2 2025)",
                "Run twelve farmer field school sessions (July–November 2025)",
                "Survey adoption at the end of the season (December 2025)",
            ]),
        ]),
    ]
    for outcome, outputs in plan:
        _numbered(d, outcome, num, 0, bold=True)
        for output, lead, activities in outputs:
            _numbered(d, output, num, 1, bold=True)
            _indented(d, f"Lead: {lead}", 3.5)
            for activity in activities:
                _numbered(d, activity, num, 2)
    d.save(path)


def gantt_es(path: Path) -> None:
    """A Spanish ministry task force's Gantt chart over October 2024 - September 2025: year
    header cells ("2024" over three months, "2025" over nine) above abbreviated month
    columns ("oct. nov. dic. | ene. feb. ..."); numbered group rows spanning the table;
    marks as "X" and as shaded cells (one shaded cell merged over four months); a gap
    between two marks in one row."""
    months = ["oct.", "nov.", "dic.", "ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sep."]
    d = docx.Document()
    section = d.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    section.left_margin = section.right_margin = Cm(1.5)
    _bold(d.add_paragraph("Mesa Técnica Interinstitucional de Adaptación al Cambio Climático"))
    _bold(d.add_paragraph("Plan de trabajo, octubre de 2024 a septiembre de 2025"))
    d.add_paragraph("La Mesa Técnica reúne a las direcciones del Ministerio de Ambiente y a las agencias de "
                    "cooperación que acompañan la preparación del Plan Nacional de Adaptación. El cronograma "
                    "siguiente fue acordado en la sesión ordinaria de septiembre de 2024.")
    # (label+text, responsible, marks): marks are month indexes with "X", ("shade", i, j) a shaded run
    rows = [
        ("1. Diagnóstico de riesgos climáticos", None, None),
        ("1.1 Recopilar y depurar las series climáticas históricas", "Secretaría técnica", {0: "X", 1: "X", 2: "X"}),
        ("1.2 Elaborar mapas de amenaza por cuenca hidrográfica", "PNUD", {2: "X", 3: "X", 4: "X"}),
        ("1.3 Validar el diagnóstico en talleres regionales", "Secretaría técnica, PNUD", {5: "X", 7: "X"}),
        ("2. Plan de adaptación del sector agropecuario", None, None),
        ("2.1 Redactar el borrador del capítulo agropecuario", "FAO", ("merge", 3, 6)),
        ("2.2 Consultar a los gremios y a las organizaciones campesinas", "FAO y PNUD", {7: "shade", 8: "shade"}),
        ("2.3 Aprobación por el Comité Directivo", "Secretaría técnica", {10: "X"}),
        ("3. Fortalecimiento de capacidades", None, None),
        ("3.1 Curso virtual sobre servicios climáticos para técnicos municipales", "OMM (por confirmar)",
         {1: "X", 4: "X"}),
        ("3.2 Intercambio Sur-Sur con la CEPAL sobre financiamiento de la adaptación", "PNUD", {9: "X"}),
        ("3.3 Informe anual de avances", "Secretaría técnica", {11: "X"}),
    ]
    table = d.add_table(rows=2 + len(rows), cols=2 + len(months))
    table.style = "Table Grid"
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Actividad"
    table.cell(0, 1).merge(table.cell(1, 1)).text = "Responsable"
    table.cell(0, 2).merge(table.cell(0, 4)).text = "2024"
    table.cell(0, 5).merge(table.cell(0, 13)).text = "2025"
    for i, month in enumerate(months):
        table.cell(1, 2 + i).text = month
    for r in (0, 1):
        for c in range(2 + len(months)):
            _shade(table.cell(r, c), "D9D9D9")
            for par in table.cell(r, c).paragraphs:
                _bold(par)
    bar = "2E75B6"
    for k, (text, responsible, marks) in enumerate(rows):
        r = 2 + k
        if responsible is None:
            cell = table.cell(r, 0).merge(table.cell(r, 1 + len(months)))
            cell.text = text
            _bold(cell.paragraphs[0])
            continue
        table.cell(r, 0).text = text
        table.cell(r, 1).text = responsible
        if isinstance(marks, tuple):
            _, a, b = marks
            _shade(table.cell(r, 2 + a).merge(table.cell(r, 2 + b)), bar)
            continue
        for i, mark in marks.items():
            if mark == "shade":
                _shade(table.cell(r, 2 + i), bar)
            else:
                table.cell(r, 2 + i).text = mark
    _widths(table, [8.0, 3.2] + [1.25] * len(months))
    for row in table.rows:
        for cell in row.cells:
            for par in cell.paragraphs:
                for run in par.runs:
                    run.font.size = Pt(9)
    d.add_paragraph("Las marcas indican los meses previstos de ejecución de cada actividad.")
    d.save(path)


def events_annex(path: Path) -> None:
    """An NGO working group's plan: a numbered activity table (No. | Activity | Lead |
    Timeline) with recurring, ongoing, deadline and tentative cells and a role reference
    ("Co-chairs"), then "Annex 1" with a three-column Date | Event | Venue table of
    external events."""
    d = docx.Document()
    _bold(d.add_paragraph("Civil Society Working Group on Plastics"))
    _bold(d.add_paragraph("Workplan 2024"))
    d.add_paragraph("Co-chairs: CIEL and WWF")
    d.add_paragraph("The working group coordinates civil-society engagement in the negotiations on an "
                    "international legally binding instrument on plastic pollution. Members agreed the "
                    "activities below at their meeting in January.")
    table = _table(d, [
        ("No.", "Activity", "Lead", "Timeline"),
        ("1", "Publish a policy brief on chemicals of concern in plastic products", "CIEL", "March 2024"),
        ("2", "Coordinate joint civil-society statements for the fourth negotiating session", "WWF", "April 2024"),
        ("3", "Organise a side event on waste pickers' rights at the High-Level Political Forum", "Oxfam",
         "July 2024"),
        ("4", "Run a webinar series for national focal points", "Secretariat", "Quarterly"),
        ("5", "Maintain the member directory and mailing lists", "Secretariat", "Ongoing"),
        ("6", "Prepare the advocacy toolkit for the fifth negotiating session", "CIEL, WWF", "By 31 October 2024"),
        ("7", "Hold the annual members' meeting", "Co-chairs", "December 2024 (tentative)"),
    ])
    table.style = "Table Grid"
    _widths(table, [1.2, 8.3, 3.0, 3.5])
    d.add_paragraph("")
    _bold(d.add_paragraph("Annex 1: Key external events in 2024"))
    annex = _table(d, [
        ("Date", "Event", "Venue"),
        ("23–29 April 2024", "Fourth session of the Intergovernmental Negotiating Committee on plastic "
         "pollution (INC-4)", "Ottawa, Canada"),
        ("5 June 2024", "World Environment Day", "Riyadh, Saudi Arabia"),
        ("8–17 July 2024", "High-Level Political Forum on Sustainable Development", "New York"),
        ("21 Oct – 1 Nov 2024", "CBD COP 16", "Cali, Colombia"),
        ("11–22 November 2024", "UNFCCC COP 29", "Baku, Azerbaijan"),
        ("25 Nov – 1 Dec 2024", "Fifth session of the Intergovernmental Negotiating Committee (INC-5)",
         "Busan, Republic of Korea"),
    ])
    annex.style = "Table Grid"
    _widths(annex, [3.8, 8.7, 3.5])
    d.save(path)


# The Markdown source of generated/pandoc-plan.docx and generated/pandoc-plan.pdf (see the
# module docstring); build_all also writes it as pandoc-plan.md.
PANDOC_MD = """\
---
title: "Interagency Task Force on Urban Heat: Work plan 2025–2026"
---

Co-chairs: UN-Habitat and WMO

The task force brings together United Nations entities working on extreme heat in cities.
This work plan covers January 2025 to December 2026.

# 1. Evidence and data

Lead: WMO

Contributors: UNEP, WHO

| Activity | Timeline | Responsible |
|----------|----------|-------------|
| Compile a global inventory of urban heat-health warning systems | Q2 2025 | WMO, WHO |
| Publish heat-risk profiles for 20 pilot cities[^1] | H2 2025 | UN-Habitat |
| Review the profiles with the regional commissions | Jan–Mar 2026 | WMO and ESCAP |

# 2. Policy and finance

Lead: UN-Habitat

| Activity | Timeline | Responsible |
|----------|----------|-------------|
| Draft a guidance note on extreme heat in national adaptation plans | By 30 September 2025 | UN-Habitat, UNDP |
| Hold a heat-finance roundtable with the GCF secretariat | November 2025 (TBC) | UNDP |
| Launch the guidance note at the World Urban Forum | May 2026 | UN-Habitat |

# 3. Communication and outreach

Lead: UNEP

- Maintain the task force web page (ongoing)
- Publish the task force newsletter (quarterly)

[^1]: The list of pilot cities is agreed in the concept note of March 2025.
"""


def pandoc_md(path: Path) -> None:
    """The pandoc Markdown source of the pandoc-made plan: YAML title, ATX headings with
    typed numbers, role lines as separate paragraphs, pipe tables, a footnote in a table
    cell, a bullet list with timings in brackets."""
    path.write_text(PANDOC_MD, encoding="utf-8")


def action_plan_kv(path: Path) -> None:
    """A ministry's action plan as plain text: "Strategic objective N:" headings and
    "Action N:" blocks of Responsible / Partners / Timeline / Status lines (key-value, no
    table); internal units as the responsible bodies; two organisations that are not on
    the entity list; a Status that is not a timeline."""
    blocks = [
        ("Strategic objective 1: Improve awareness and understanding of antimicrobial resistance", [
            ("Develop a national AMR communication strategy", "AMR Secretariat", "WHO, FAO", "Q2 2024",
             "Completed"),
            ("Run a public awareness campaign during World AMR Awareness Week", "Health Promotion Unit",
             "UNICEF", "November 2024", None),
            ("Integrate AMR into pre-service curricula for nurses and animal health workers",
             "Ministry of Education", "WHO, WOAH", "2025", None),
        ]),
        ("Strategic objective 2: Strengthen knowledge through surveillance and research", [
            ("Designate a national reference laboratory for AMR surveillance", "Laboratory Services Unit", "WHO",
             "By 31 March 2024", "Completed"),
            ("Enrol five sentinel hospitals in global AMR surveillance reporting", "Laboratory Services Unit",
             "WHO, Fleming Fund", "Q3 2024 – Q2 2025", "Ongoing"),
            ("Establish surveillance of antimicrobial use on poultry farms", "Veterinary Services Department",
             "FAO", "TBD", None),
        ]),
        ("Strategic objective 3: Optimise the use of antimicrobial medicines", [
            ("Update the national essential medicines list with the WHO AWaRe categories",
             "Pharmacy and Medicines Unit", "WHO", "June 2025", None),
            ("Carry out the mid-term review of the action plan", "AMR Secretariat", "FAO, UNEP, WHO, WOAH",
             "Q1 2026 (tentative)", None),
        ]),
    ]
    lines = ["Ministry of Health and Sanitation", "National Action Plan on Antimicrobial Resistance",
             "Implementation plan 2024–2026", "",
             "Prepared by the AMR Secretariat of the One Health Platform. Draft for validation, January 2024.",
             ""]
    n = 0
    for heading, actions in blocks:
        lines += [heading, ""]
        for title, responsible, partners, timeline, status in actions:
            n += 1
            lines += [f"Action {n}: {title}", f"Responsible: {responsible}", f"Partners: {partners}",
                      f"Timeline: {timeline}"]
            if status:
                lines.append(f"Status: {status}")
            lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def checklist_md(path: Path) -> None:
    """A research network working group's Markdown task checklist: "- [ ]" / "- [x]"
    items under level-2 headings, the owner's initials and the date in brackets at the end
    of each item, a key from initials to people and their institutions."""
    path.write_text(
        "# Clean Cooking Research Network: Working Group 3 (Measurement)\n\n"
        "Action checklist, January–June 2024\n\n"
        "Key to initials: JD = Jana Dvořák (SEI); MO = Mercy Otieno (CIFOR-ICRAF); AK = Aiko Kimura (IIASA); "
        "RB = Rosa Blanco (WHO). \"All\" means every member of the working group.\n\n"
        "## Survey instrument\n\n"
        "- [x] Agree the core indicator list (all, by 31 January 2024)\n"
        "- [ ] Draft survey (JD, by 15 March 2024)\n"
        "- [ ] Translate the survey into Swahili and Nepali (MO, by 5 April 2024)\n"
        "- [ ] Review the survey with the WHO household energy team (RB, early April 2024)\n\n"
        "## Field testing\n\n"
        "- [ ] Recruit enumerators in Kisumu and Pokhara (MO, March–April 2024)\n"
        "- [ ] Pilot the survey in 40 households (MO + JD, late April 2024)\n"
        "- [ ] Calibrate the stove-use sensors (AK, by end of April 2024)\n\n"
        "## Reporting\n\n"
        "- [ ] Share the pilot dataset on the network drive (AK, May 2024)\n"
        "- [ ] Write the pilot report (JD, by 14 June 2024)\n"
        "- [ ] Present the results at the network's annual meeting (all, June 2024, date TBC)\n",
        encoding="utf-8")


def narrative_only(path: Path) -> None:
    """A concept note that states intentions in prose only: numbered Heading 1 sections,
    paragraphs that name organisations, months and a conference, and no list or table of
    work at all."""
    d = docx.Document()
    d.add_paragraph("Interagency Working Group on Gender and Climate Finance", style="Title")
    _bold(d.add_paragraph("Draft concept and intentions for 2025"))
    d.add_heading("1. Background", level=1)
    d.add_paragraph(
        "Climate funds have adopted gender policies over the past decade, but the way they track gender "
        "results still differs widely. Several members of this group, among them UN-Women, UNDP and UNEP, "
        "have supported countries in preparing gender-responsive funding proposals and have seen the same "
        "questions come back again and again.")
    d.add_paragraph(
        "The group was set up informally in late 2024, after a side conversation at the regional climate "
        "week, to bring these experiences together. It has no budget of its own and relies on the time its "
        "members are able to give.")
    d.add_heading("2. What we intend to do", level=1)
    d.add_paragraph(
        "Over the course of 2025 we would like to build a shared picture of how the main climate funds ask "
        "for, measure and report gender results, and of where countries find the requirements hardest to "
        "meet. We expect to start by listening to national focal points and to the accredited entities "
        "that work with them, rather than by commissioning new studies.")
    d.add_paragraph(
        "If members agree, the group may later draw lessons together in a short note for practitioners. "
        "Whether that note is written, and in what form, will depend on what we hear in the first half of "
        "the year and on the interest of the Green Climate Fund secretariat, which has been invited to take "
        "part. We also hope to share early reflections informally ahead of COP 30.")
    d.add_heading("3. How we will work", level=1)
    d.add_paragraph(
        "The group will work virtually and keep its meetings light. Membership is open to any United Nations "
        "entity or partner organisation with relevant experience, and members may join or step back at any "
        "time. Decisions are taken by consensus and recorded in short meeting notes that are shared with all "
        "members.")
    d.save(path)


def acronyms_annex(path: Path) -> None:
    """A UN country team results group's joint workplan: an outcome heading typed in the
    text, a five-column table (No. | Output / activity | Lead agency | Contributing
    agencies | Timeframe) with output rows "2.1" over activity rows "2.1.1", an annex of
    prose terms of reference, and "Annex 2: Acronyms", a two-column Acronym | Meaning
    table full of organisation names that are neither events nor participants."""
    d = docx.Document()
    _bold(d.add_paragraph("United Nations Country Team – Results Group 2: Inclusive Social Protection"))
    _bold(d.add_paragraph("Joint Workplan 2025"))
    d.add_paragraph("Co-chairs: UNICEF and ILO")
    _bold(d.add_paragraph("Outcome 2: By 2027, more vulnerable households are covered by inclusive, "
                          "shock-responsive social protection"))
    table = _table(d, [
        ("No.", "Output / activity", "Lead agency", "Contributing agencies", "Timeframe"),
        ("2.1", "Social protection registries are interoperable with the civil registry", "", "", ""),
        ("2.1.1", "Assess the interoperability of the social registry and the civil registry", "UNICEF",
         "UNDP, WFP", "Q1 2025"),
        ("2.1.2", "Draft a data-sharing protocol with privacy safeguards", "UNDP", "UNICEF, OHCHR", "Q2–Q3 2025"),
        ("2.1.3", "Train registry staff in four provinces", "WFP", "ILO", "Sept–Nov 2025"),
        ("2.2", "Cash transfers can be scaled up quickly after shocks", "", "", ""),
        ("2.2.1", "Design the rules for shock-responsive top-ups with MoSW", "WFP", "UNICEF, FAO",
         "by end-March 2025"),
        ("2.2.2", "Run a simulation exercise with district disaster committees", "WFP", "OCHA, IOM", "June 2025"),
        ("2.2.3", "Cost the scale-up options", "ILO", "UNICEF, IMF (tbc)", "Q3 2025"),
        ("2.3", "Social protection floor costing informs the 2026 budget", "", "", ""),
        ("2.3.1", "Update the costing of the social protection floor", "ILO", "UNICEF, UN-Women",
         "April–June 2025"),
        ("2.3.2", "Hold a policy dialogue with the parliamentary budget committee", "UNDP", "ILO", "October 2025"),
    ])
    table.style = "Table Grid"
    _widths(table, [1.3, 6.7, 2.4, 3.2, 2.4])
    for r in (1, 5, 9):
        for c in range(5):
            for par in table.cell(r, c).paragraphs:
                _bold(par)
    d.add_paragraph("")
    _bold(d.add_paragraph("Annex 1: Terms of reference of the Results Group"))
    d.add_paragraph("The Results Group brings together the agencies that support the national social "
                    "protection system. It meets every month, agrees the joint workplan each January and "
                    "reports on progress to the United Nations Country Team twice a year.")
    _bold(d.add_paragraph("Annex 2: Acronyms"))
    acronyms = _table(d, [
        ("Acronym", "Meaning"),
        ("FAO", "Food and Agriculture Organization of the United Nations"),
        ("ILO", "International Labour Organization"),
        ("IMF", "International Monetary Fund"),
        ("IOM", "International Organization for Migration"),
        ("MoSW", "Ministry of Social Welfare"),
        ("OCHA", "Office for the Coordination of Humanitarian Affairs"),
        ("OHCHR", "Office of the United Nations High Commissioner for Human Rights"),
        ("SPF", "Social protection floor"),
        ("UNCT", "United Nations Country Team"),
        ("UNDP", "United Nations Development Programme"),
        ("UNICEF", "United Nations Children's Fund"),
        ("UN-Women", "United Nations Entity for Gender Equality and the Empowerment of Women"),
        ("WFP", "World Food Programme"),
    ])
    acronyms.style = "Table Grid"
    _widths(acronyms, [3.0, 13.0])
    d.save(path)


def bold_sections(path: Path) -> None:
    """A ministry programme's plan typed without heading styles: its sections are bold or
    all-caps lines, each over a work table. Front matter (ministry name, title, "Note by
    the Chair", "Background") and a closing "Contact" are bold lines too, over prose only:
    they are no sections."""
    d = docx.Document()
    _bold(d.add_paragraph("MINISTRY OF ENVIRONMENT AND NATURAL RESOURCES"))
    _bold(d.add_paragraph("National Chemicals Management Programme"))
    _bold(d.add_paragraph("Work plan 2025"))
    _bold(d.add_paragraph("Note by the Chair"))
    d.add_paragraph("This work plan was agreed by the steering committee on 12 December 2024. It lists what "
                    "each partner will deliver in 2025 and who leads each piece of work.")
    _bold(d.add_paragraph("Background"))
    d.add_paragraph("The programme was launched in 2019 with support from UNEP and UNDP. Its second phase "
                    "concentrates on products, mercury and waste, the three areas below.")
    d.add_paragraph("CHEMICALS IN PRODUCTS")
    _table(d, [("Activity", "Lead", "Timeframe"),
               ("Publish guidance on lead in paint for importers", "UNEP", "Q1 2025"),
               ("Train customs officers on labelling rules", "UNITAR", "April–June 2025")]).style = "Table Grid"
    _bold(d.add_paragraph("Mercury and artisanal gold mining"))
    d.add_paragraph("Activities under this heading follow the national action plan adopted in 2023.")
    _table(d, [("Activity", "Lead", "Timeframe"),
               ("Survey mercury use in three mining districts", "UNIDO", "May 2025"),
               ("Pilot mercury-free processing in two cooperatives", "UNIDO and WHO",
                "second half of 2025")]).style = "Table Grid"
    _bold(d.add_paragraph("WASTE MANAGEMENT"))
    _table(d, [("Activity", "Lead", "Timeframe"),
               ("Draft the regulation on e-waste take-back", "UNEP", "by September 2025")]).style = "Table Grid"
    _bold(d.add_paragraph("Contact"))
    d.add_paragraph("Questions on this plan go to the programme secretariat.")
    d.save(path)


NARROW_HEADER = ("Output", "Activities", "Responsible", "Partners", "Timeframe", "Budget (USD)")


def narrow_awp(path: Path) -> None:
    """A ministry department's annual work plan: "Strategic Objective N:" headings over six-column
    tables left at python-docx's equal widths, so that a printer must cut long words inside
    the cells ("Responsibl|e", "curriculu|m"); each output cell spans its activity rows, and
    each activity's number ("1.1.1") stands on a line of its own in the PDF. A closing list
    of risks is no work."""
    d = docx.Document()
    d.add_heading("Ministry of Health - Annual Work Plan 2025", 0)
    d.add_paragraph("This annual work plan sets out the activities of the Department of Public Health "
                    "for 2025.")
    plans = [
        ("Strategic Objective 1: Strengthen primary health care", [
            ("1.1 Health workers trained", [
                ("1.1.1 Train 200 nurses in maternal care", "Nursing Directorate", "WHO, UNICEF",
                 "Q1–Q2 2025", "120,000"),
                ("1.1.2 Develop refresher training curriculum", "Training Unit", "WHO", "Jan–Mar 2025",
                 "15,000"),
                ("1.1.3 Conduct supportive supervision visits", "District Health Offices", "", "Quarterly",
                 "40,000")]),
            ("1.2 Essential medicines available", [
                ("1.2.1 Procure essential medicines kits", "Central Medical Stores", "UNFPA",
                 "By June 2025", "500,000"),
                ("1.2.2 Roll out electronic stock management", "ICT Unit", "World Bank", "Jul–Dec 2025",
                 "80,000")])]),
        ("Strategic Objective 2: Improve disease surveillance", [
            ("2.1 Surveillance system upgraded", [
                ("2.1.1 Deploy the surveillance module in all districts", "Epidemiology Unit", "CDC",
                 "Mar 2025 – Feb 2026", "200,000"),
                ("2.1.2 Train district surveillance officers", "Epidemiology Unit", "WHO", "Q3 2025",
                 "35,000")])]),
    ]
    for heading, outputs in plans:
        d.add_heading(heading, 1)
        table = _headed_table(d, NARROW_HEADER)
        for output, activities in outputs:
            first = len(table.rows)
            for activity in activities:
                cells = table.add_row().cells
                for cell, text in zip(cells[1:], activity, strict=True):
                    cell.text = text
            merged = table.cell(first, 0).merge(table.cell(len(table.rows) - 1, 0))
            merged.text = output
    d.add_heading("Risks and assumptions", 1)
    d.add_paragraph("Funding is released on time.", style="List Bullet")
    d.add_paragraph("Staff turnover in the districts remains low.", style="List Bullet")
    d.save(path)


QUARTER_HEADER = ("No.", "Activity", "Indicator", "Target", "Responsible", "Q1", "Q2", "Q3", "Q4", "Budget")


def quarter_ticks(path: Path) -> None:
    """A climate programme's landscape work plan: "Outcome N:" headings over ten-column
    tables (No. | Activity | Indicator | Target | Responsible | Q1-Q4 | Budget) whose quarters
    are ticked with a check mark; one activity says "drought-tolerant", which the PDF
    breaks at its hyphen."""
    d = docx.Document()
    section = d.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    d.add_heading("Climate Resilience Programme: Work Plan 2024", 0)
    outcomes = [
        ("Outcome 1: Communities adopt climate-smart agriculture", [
            ("1.1", "Establish farmer field schools in 12 villages", "Number of schools", "12", "FAO",
             "XX..", "45,000"),
            ("1.2", "Distribute drought-tolerant seed varieties to smallholder farmers", "Households reached",
             "3,000", "WFP / Ministry of Agriculture", ".XX.", "120,000"),
            ("1.3", "Train extension workers on soil conservation", "Workers trained", "60", "FAO", "..XX",
             "30,000")]),
        ("Outcome 2: Early warning systems reach vulnerable households", [
            ("2.1", "Install automatic weather stations", "Stations working", "8", "UNDP", "X...", "200,000"),
            ("2.2", "Set up an SMS alert service with mobile operators", "Subscribers", "10,000",
             "UNDP, UNICEF", "..XX", "60,000")]),
    ]
    for heading, rows in outcomes:
        d.add_heading(heading, 1)
        table = _headed_table(d, QUARTER_HEADER)
        for number, activity, indicator, target, owner, ticks, budget in rows:
            marks = ["✓" if t == "X" else "" for t in ticks]
            values = (number, activity, indicator, target, owner, *marks, budget)
            for cell, text in zip(table.add_row().cells, values, strict=True):
                cell.text = text
    d.save(path)


def wp_tasks(path: Path) -> None:
    """A research consortium's work package description: the WP as Heading 1 with a
    "Lead beneficiary: X. Duration: M1-M36." line, tasks as Heading 2 titles with their
    project months in brackets, each followed by "Lead: X; Participants: Y, Z" on one
    line and a description; then its deliverables as bullets "D3.1 Title (M6)"."""
    d = docx.Document()
    d.add_heading("Work Package 3: Data infrastructure", 1)
    d.add_paragraph("Lead beneficiary: UNIGE. Duration: M1–M36.")
    d.add_paragraph("This work package builds the shared data infrastructure of the project.")
    for title, months, lead, others, description in [
        ("Task 3.1: Requirements analysis", "M1–M6", "UNIGE", "UPSud, Simula",
         "Collect user requirements from the three pilot sites and write the specification."),
        ("Task 3.2: Storage layer", "M4–M24", "Simula", "UNIGE",
         "Build the distributed storage layer and its access API."),
        ("Task 3.3: Integration and release", "M18–M36", "UPSud", "UNIGE, Simula",
         "Integrate the components and publish two releases."),
    ]:
        d.add_heading(f"{title} ({months})", 2)
        d.add_paragraph(f"Lead: {lead}; Participants: {others}")
        d.add_paragraph(description)
    d.add_heading("Deliverables", 2)
    d.add_paragraph("D3.1 Requirements report (M6)", style="List Bullet")
    d.add_paragraph("D3.2 Storage prototype (M24)", style="List Bullet")
    d.save(path)


def inline_fields(path: Path) -> None:
    """A coordination working group's plan: co-chairs on a role line, "Objective N:"
    headings over bullet and numbered lists whose items carry their own fields, after a
    spaced dash ("Publish guidelines – Lead: OCHA – by June 2024") or in a bracket
    ("(Lead: UNHCR; Q2–Q3 2024)"); a closing background section of prose."""
    d = docx.Document()
    d.add_heading("Information Management Working Group – Work Plan 2024", 0)
    d.add_paragraph("Co-chairs: OCHA and UNHCR")
    d.add_heading("Objective 1: Improve data sharing among partners", 1)
    for text in ("Publish data sharing guidelines – Lead: OCHA – by June 2024",
                 "Set up a common operational datasets portal (Lead: UNHCR; Q2–Q3 2024)",
                 "Organise quarterly coordination meetings (all members, quarterly)"):
        d.add_paragraph(text, style="List Bullet")
    d.add_heading("Objective 2: Build information management capacity", 1)
    for text in ("Train 40 partner staff on KoboToolbox – Lead: IOM – March 2024",
                 "Develop an IM toolkit for new partners – Lead: UNICEF – by end of 2024"):
        d.add_paragraph(text, style="List Number")
    d.add_heading("Background", 1)
    d.add_paragraph("The working group was set up in 2019 to coordinate information management among "
                    "humanitarian partners.")
    d.save(path)


def output_bands(path: Path) -> None:
    """An education cluster's joint work plan: a two-row header ("Timeline 2025" spanning
    Q1-Q4 over the quarter columns) and "Output 1.1: ..." rows spanning the whole table,
    each grouping the activity rows below it, with X marks in the quarters."""
    d = docx.Document()
    d.add_heading("Regional Education Cluster – Joint Work Plan 2025", 0)
    d.add_heading("Pillar 1: Access to learning", 1)
    table = d.add_table(rows=2, cols=7)
    table.style = "Table Grid"
    for c, text in enumerate(("Activity", "Lead", "Support")):
        table.cell(0, c).merge(table.cell(1, c)).text = text
    table.cell(0, 3).merge(table.cell(0, 6)).text = "Timeline 2025"
    for c, text in enumerate(("Q1", "Q2", "Q3", "Q4"), start=3):
        table.cell(1, c).text = text
    rows = [
        "Output 1.1: Out-of-school children enrolled in accelerated learning",
        ("Map out-of-school children in border districts", "UNICEF", "Save the Children", "XX.."),
        ("Open 20 accelerated learning centres", "NRC", "UNICEF", ".XXX"),
        "Output 1.2: Safe school infrastructure",
        ("Rehabilitate 15 classrooms damaged by floods", "UNICEF", "Ministry of Education", "..XX"),
        ("Train school management committees on safety", "Plan International", "", "X..."),
    ]
    for row in rows:
        cells = table.add_row().cells
        if isinstance(row, str):
            cells[0].merge(cells[-1]).text = row
            continue
        activity, lead, support, quarters = row
        for cell, text in zip(cells, (activity, lead, support, *("X" if q == "X" else "" for q in quarters)),
                              strict=True):
            cell.text = text
    d.save(path)


def owner_table_md(path: Path) -> None:
    """An open-data working group's Markdown plan, as kept on a code-hosting site: a
    goals list, a pipe table "# | Activity | Owner | Due | Status" with ISO and day-first
    dates, a milestones checklist (checkpoints, not work) and a contacts list whose
    chair is a person with the organisation in brackets."""
    path.write_text(
        "# Open Data Working Group – Work Plan 2025\n\n"
        "The working group meets monthly and reports to the steering committee.\n\n"
        "## Goals\n\n"
        "1. Agree a shared metadata standard.\n"
        "2. Publish the first open datasets.\n\n"
        "## Activities\n\n"
        "| # | Activity | Owner | Due | Status |\n"
        "|---|----------|-------|-----|--------|\n"
        "| 1 | Draft the metadata standard | ODI | 2025-03-31 | In progress |\n"
        "| 2 | Consult members on the draft standard | Secretariat | April 2025 | Not started |\n"
        "| 3 | Publish datasets on the national portal | Ministry of Digital Affairs | 30/06/2025 | Not started |\n"
        "| 4 | Run a training webinar for data publishers | ODI, World Bank | Q3 2025 | Not started |\n\n"
        "## Milestones\n\n"
        "- [x] Kick-off meeting — January 2025\n"
        "- [ ] Standard v1 adopted — May 2025\n\n"
        "## Contacts\n\n"
        "- Chair: Jane Doe (ODI)\n",
        encoding="utf-8")


def fiscal_plan(path: Path) -> None:
    """A national statistics office's annual plan of action for the financial year
    2025/26 (stated as "1 July 2025 – 30 June 2026"): "Key Result Area N:" headings over
    tables with separate Start date and End date columns (day-first dates and months),
    units of the office and a UN agency as the responsible bodies, and one recurring task."""
    d = docx.Document()
    d.add_heading("National Statistics Office – Annual Plan of Action 2025/26", 0)
    d.add_paragraph("Financial year: 1 July 2025 – 30 June 2026.")
    header = ("Key activities", "Responsible", "Start date", "End date", "Budget (USD)")
    areas = [
        ("Key Result Area 1: Census preparation", [
            ("Finalise the census questionnaire", "Census Division", "01/07/2025", "30/09/2025", "10,000"),
            ("Recruit and train 2,000 enumerators", "Human Resources Unit; UNFPA", "Oct 2025", "Jan 2026",
             "250,000"),
            ("Conduct the pilot census", "Census Division", "Feb 2026", "Mar 2026", "90,000")]),
        ("Key Result Area 2: Dissemination", [
            ("Launch the new data portal", "ICT Unit", "Oct 2025", "Dec 2025", "45,000"),
            ("Publish the labour force bulletin every quarter", "Labour Statistics Section", "Jul 2025",
             "Jun 2026", "5,000")]),
    ]
    for heading, rows in areas:
        d.add_heading(heading, 1)
        _table(d, [header, *rows]).style = "Table Grid"
    d.save(path)


def labelled_roles(path: Path) -> None:
    """A joint programme's annual work plan: one row per output ("Output 1: ..." in the
    first cell), its activities as bullets in one cell, the agencies as labelled lines in
    one cell ("Lead: UNFPA" / "Support: WHO, UNICEF") and one quarter per activity line."""
    d = docx.Document()
    d.add_heading("Joint Programme on Gender-Based Violence – Annual Work Plan 2024", 0)
    table = _headed_table(d, ("Output", "Key activities", "Responsible agencies", "Timeframe"))
    rows = [
        ("Output 1: Survivors access quality multi-sectoral services",
         ["Train health workers on clinical management of rape", "Equip 10 one-stop centres",
          "Set up a national GBV hotline"], ["Lead: UNFPA", "Support: WHO, UNICEF"], ["Q1–Q2", "Q2", "Q3–Q4"]),
        ("Output 2: Communities reject harmful social norms",
         ["Run community dialogues in 50 villages", "Launch a national media campaign"],
         ["Lead: UN Women", "Support: UNFPA"], ["Q1–Q4", "Q3"]),
    ]
    for output, activities, agencies, quarters in rows:
        cells = table.add_row().cells
        cells[0].text = output
        for cell, lines, style in ((cells[1], activities, "List Bullet"), (cells[2], agencies, None),
                                   (cells[3], quarters, None)):
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
            if style:
                for paragraph in cell.paragraphs:
                    paragraph.style = d.styles[style]
    d.save(path)


def task_force_txt(path: Path) -> None:
    """An advocacy task force's plan typed as plain text in an e-mail: a capitalised title
    that names the work plan, a "Members:" line, numbered themes with lettered tasks
    that carry their lead and month after a spaced dash or in brackets, and a closing
    "Next meeting:" line."""
    path.write_text(
        "WORKPLAN 2024 - ADVOCACY TASK FORCE\n\n"
        "Members: Oxfam, CARE, WWF, Christian Aid\n\n"
        "1. Policy briefs\n"
        "   a) Draft a brief on climate finance (Lead: Oxfam) - March\n"
        "   b) Validate the brief with members - April\n"
        "   c) Launch the brief at the Bonn sessions - June\n"
        "2. Events\n"
        "   a) Side event at COP29 (November 2024) - Lead: CARE\n"
        "   b) Webinar on loss and damage - Q3\n\n"
        "Next meeting: 14 February 2024\n",
        encoding="utf-8")


def fill_gantt(path: Path) -> None:
    """A wetland project's implementation schedule: a two-row header whose years span
    their months ("2024" over Oct-Dec, "2025" over Jan-Jun) and bars drawn only as
    shaded cells, no mark in them; the responsible bodies include local communities."""
    d = docx.Document()
    section = d.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    d.add_heading("Wetland Restoration Project – Implementation Schedule", 1)
    months = ("Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun")
    table = d.add_table(rows=2, cols=2 + len(months))
    table.style = "Table Grid"
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Activity"
    table.cell(0, 1).merge(table.cell(1, 1)).text = "Responsible"
    table.cell(0, 2).merge(table.cell(0, 4)).text = "2024"
    table.cell(0, 5).merge(table.cell(0, 10)).text = "2025"
    for c, month in enumerate(months, start=2):
        table.cell(1, c).text = month
    for activity, owner, bars in (("Baseline survey of bird populations", "BirdLife", "XXX......"),
                                  ("Remove invasive plants", "Local communities; IUCN", "..XXXX..."),
                                  ("Replant native reeds", "IUCN", ".....XXX."),
                                  ("Final monitoring report", "BirdLife", "........X")):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = activity, owner
        for c, bar in enumerate(bars, start=2):
            if bar == "X":
                _shade(cells[c], "4F81BD")
    d.save(path)


def heading_items(path: Path) -> None:
    """A city network's action plan: "Priority N:" headings, then each action as an
    unnumbered Heading 2 followed by its labelled lines (Lead, Partners, Timeline, Budget)
    and a one-line description: the headings name work items, not sections."""
    d = docx.Document()
    d.add_heading("Urban Resilience Network – 2025 Action Plan", 0)
    priorities = [
        ("Priority 1: Heat action", [
            ("Heat risk mapping", ["Lead: UN-Habitat", "Partners: WMO, city governments", "Timeline: Q1–Q2 2025"],
             "Map heat-vulnerable neighbourhoods in five pilot cities."),
            ("Cool roofs pilot", ["Lead: UNEP", "Timeline: July–December 2025", "Budget: USD 200,000"],
             "Retrofit 50 public buildings with reflective roofs.")]),
        ("Priority 2: Flood preparedness", [
            ("Early warning for informal settlements", ["Lead: UNDRR", "Timeline: 2025"],
             "Connect informal settlements to the national flood warning service.")]),
    ]
    for priority, actions in priorities:
        d.add_heading(priority, 1)
        for title, lines, description in actions:
            d.add_heading(title, 2)
            for line in lines:
                d.add_paragraph(line)
            d.add_paragraph(description)
    d.save(path)


BUILDERS = {
    "plan-fr.docx": plan_fr,
    "plan-md.md": plan_md,
    "logframe-numbered.docx": logframe_numbered,
    "gantt-es.docx": gantt_es,
    "events-annex.docx": events_annex,
    "pandoc-plan.md": pandoc_md,
    "action-plan-kv.txt": action_plan_kv,
    "checklist.md": checklist_md,
    "narrative-only.docx": narrative_only,
    "acronyms-annex.docx": acronyms_annex,
    "bold-sections.docx": bold_sections,
    "narrow-awp.docx": narrow_awp,
    "quarter-ticks.docx": quarter_ticks,
    "wp-tasks.docx": wp_tasks,
    "inline-fields.docx": inline_fields,
    "output-bands.docx": output_bands,
    "owner-table.md": owner_table_md,
    "fiscal-plan.docx": fiscal_plan,
    "labelled-roles.docx": labelled_roles,
    "task-force.txt": task_force_txt,
    "fill-gantt.docx": fill_gantt,
    "heading-items.docx": heading_items,
}

# Made with pandoc / LibreOffice (module docstring) and committed, copied as they are.
GENERATED = Path(__file__).resolve().parent / "generated"
COMMITTED = ("pandoc-plan.docx", "pandoc-plan.pdf", "narrow-awp.pdf", "quarter-ticks.pdf", "wp-tasks.pdf",
             "inline-fields.pdf", "output-bands.pdf", "fiscal-plan.pdf", "labelled-roles.pdf",
             "fill-gantt.pdf", "heading-items.pdf")


def build_all(folder: Path) -> list[Path]:
    """Write every test document into `folder` (and copy the committed generated ones);
    returns their paths."""
    paths = []
    for name, build in BUILDERS.items():
        build(folder / name)
        paths.append(folder / name)
    for name in COMMITTED:
        shutil.copy(GENERATED / name, folder / name)
        paths.append(folder / name)
    return paths


def make_pandoc_files(out: Path = GENERATED) -> list[Path]:
    """Regenerate generated/pandoc-plan.docx (pandoc) and generated/pandoc-plan.pdf
    (LibreOffice) from PANDOC_MD. Needs pandoc and soffice on PATH."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        pandoc_md(tmp / "pandoc-plan.md")
        subprocess.run(["pandoc", "pandoc-plan.md", "-o", "pandoc-plan.docx"], cwd=tmp, check=True)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/lo-profile", "--headless",
                        "--convert-to", "pdf", "--outdir", str(tmp), str(tmp / "pandoc-plan.docx")],
                       check=True, capture_output=True)
        paths = []
        for name in COMMITTED:
            shutil.copy(tmp / name, out / name)
            paths.append(out / name)
    return paths


if __name__ == "__main__":
    if sys.argv[1:] == ["--pandoc"]:
        for p in make_pandoc_files():
            print(p)
    elif len(sys.argv) == 2:
        for p in build_all(Path(sys.argv[1])):
            print(p)
    else:
        print("usage: build.py --pandoc | build.py OUT_FOLDER", file=sys.stderr)
        sys.exit(2)
