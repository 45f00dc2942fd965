"""Workplans in layouts other than the shared two, generated here as real .docx files
and read end to end (issue 3: rules must be general). Each test states the records
an analyst would type for its document."""

from __future__ import annotations

import docx
import pytest

import parsers
from normalize.pipeline import normalize_document


def _table(d, rows):
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value


def _read(d, tmp_path, name):
    path = tmp_path / name
    d.save(path)
    records, info = normalize_document(parsers.parse(path), "doc")
    acts = {a.activity_id: a for a in records.tables["activities"]}
    secs = {s.section_id: s for s in records.tables["sections"]}
    return records, info, acts, secs


def _timelines(records, acts):
    return sorted((acts[t.subject_id].text, t.start, t.end, t.kind)
                  for t in records.tables["timelines"])


def test_layout_heading_sections_with_tables(tmp_path):
    d = docx.Document()
    d.add_heading("UN-Water Work Programme 2023-2024", 0)
    d.add_heading("Introduction", 1)
    d.add_paragraph("This programme sets out what members will do.")
    d.add_heading("Workstream 1: Data and monitoring", 1)
    d.add_paragraph("Lead: UNEP")
    d.add_paragraph("Partners: FAO, WHO, UNICEF")
    _table(d, [["Activity", "Timeframe", "Responsible"], ["Publish the SDG 6 synthesis report", "Q2 2023", "UNEP, FAO"],
               ["Hold the data workshop", "March 2024", "WHO"]])
    d.add_heading("Workstream 2: Financing", 1)
    d.add_paragraph("Lead: World Bank")
    _table(d, [["Activity", "Timeframe", "Responsible"], ["Draft financing brief", "H2 2023", "World Bank"]])
    records, info, acts, secs = _read(d, tmp_path, "headings.docx")
    assert [(s.label, s.title, s.kind) for s in secs.values()] == [
        ("1", "Data and monitoring", "focus_area"), ("2", "Financing", "focus_area")]
    assert [(a.kind, secs[a.section_id].label) for a in acts.values()] == [
        ("activity", "1"), ("activity", "1"), ("activity", "2")]
    assert _timelines(records, acts) == [
        ("Draft financing brief", "2023-07-01", "2023-12-31", "point"),
        ("Hold the data workshop", "2024-03-01", "2024-03-31", "point"),
        ("Publish the SDG 6 synthesis report", "2023-04-01", "2023-06-30", "point")]
    roles = {(p.subject_type, p.role, p.org_id) for p in records.tables["participants"]}
    assert {("section", "lead", "UNEP"), ("section", "contributor", "WHO"), ("section", "lead", "WB")} <= roles
    assert (info.period_start, info.period_end) == ("2023-01-01", "2024-12-31")


def test_layout_one_table_with_outcome_output_activity_columns(tmp_path):
    d = docx.Document()
    d.add_paragraph("Joint Work Plan 2022").runs[0].bold = True
    _table(d, [["Outcome", "Output", "Activities", "Lead agency", "Partners", "Timeframe"],
               ["Outcome 1: Policies strengthened", "1.1 Guidance produced", "Draft guidance note", "UNDP",
                "UNEP, OHCHR", "Jan-Mar 2022"],
               ["", "", "Validate guidance with countries", "UNDP", "ILO", "Q2 2022"],
               ["", "1.2 Capacity built", "Regional training", "UNITAR", "", "Sep 2022"],
               ["Outcome 2: Data improved", "2.1 Database online", "Build database", "UNEP", "WMO", "2022"]])
    records, _, acts, secs = _read(d, tmp_path, "bigtable.docx")
    assert [(s.label, s.title, s.kind, s.level) for s in secs.values()] == [
        ("1", "Policies strengthened", "accomplishment", 1), ("2", "Data improved", "accomplishment", 1)]
    got = [(a.label, a.kind, a.text, acts[a.parent_activity_id].label if a.parent_activity_id else None)
           for a in acts.values()]
    assert got == [("1.1", "output", "Guidance produced", None),
                   (None, "activity", "Draft guidance note", "1.1"),
                   (None, "activity", "Validate guidance with countries", "1.1"),
                   ("1.2", "output", "Capacity built", None),
                   (None, "activity", "Regional training", "1.2"),
                   ("2.1", "output", "Database online", None),
                   (None, "activity", "Build database", "2.1")]
    assert ("Draft guidance note", "2022-01-01", "2022-03-31", "range") in _timelines(records, acts)
    text = {a.activity_id: a.text for a in acts.values()}
    roles = {(text[p.subject_id], p.role, p.org_id) for p in records.tables["participants"]
             if p.subject_type == "activity"}
    assert {("Draft guidance note", "lead", "UNDP"), ("Draft guidance note", "contributor", "OHCHR"),
            ("Build database", "contributor", "WMO")} <= roles


def test_layout_spanish_month_gantt(tmp_path):
    d = docx.Document()
    d.add_paragraph("Plan de trabajo 2023")
    _table(d, [["Actividad", "Responsable", "Ene", "Feb", "Mar", "Abr", "May", "Jun"],
               ["Reunión de coordinación", "PNUD", "X", "X", "", "", "", ""],
               ["Informe anual", "CEPAL", "", "", "", "", "", "X"],
               ["Taller", "ONU Mujeres", "X", "", "X", "", "", ""]])
    records, info, acts, _ = _read(d, tmp_path, "gantt.docx")
    assert info.reference_year == 2023
    assert _timelines(records, acts) == [
        ("Informe anual", "2023-06-01", "2023-06-30", "point"),
        ("Reunión de coordinación", "2023-01-01", "2023-02-28", "range"),
        ("Taller", "2023-01-01", "2023-01-31", "point"),
        ("Taller", "2023-03-01", "2023-03-31", "point")]
    assert sorted(p.org_id for p in records.tables["participants"]) == ["ECLAC", "UN-Women", "UNDP"]


def test_layout_numbered_workstreams_with_activity_bullets(tmp_path):
    d = docx.Document()
    d.add_paragraph("Issue Management Group work plan 2021").runs[0].bold = True
    d.add_paragraph("1. Workstream on plastics").runs[0].bold = True
    d.add_paragraph("Lead: UNEP")
    d.add_paragraph("Activities:")
    d.add_paragraph("Map existing initiatives (Q1 2021)", style="List Bullet")
    d.add_paragraph("Prepare joint statement for UNEA-5", style="List Bullet")
    d.add_paragraph("2. Workstream on chemicals").runs[0].bold = True
    d.add_paragraph("Lead: UNIDO")
    d.add_paragraph("Activities:")
    d.add_paragraph("Compile guidance", style="List Bullet")
    records, _, acts, secs = _read(d, tmp_path, "workstreams.docx")
    assert [(s.label, s.kind) for s in secs.values()] == [("1", "focus_area"), ("2", "focus_area")]
    assert [(a.kind, a.text, secs[a.section_id].label) for a in acts.values()] == [
        ("activity", "Map existing initiatives (Q1 2021)", "1"),
        ("activity", "Prepare joint statement for UNEA-5", "1"),
        ("activity", "Compile guidance", "2")]
    assert _timelines(records, acts) == [("Map existing initiatives (Q1 2021)", "2021-01-01", "2021-03-31", "point")]


@pytest.mark.parametrize("text,label", [("1.1 Guidance produced", "1.1"), ("2.5 million people", None)])
def test_layout_multilevel_number_without_closing_mark(text, label):
    from normalize.structure.labels import split_label
    from parsers.model import Paragraph

    assert split_label(Paragraph(1, text, "paragraph 1"))[0] == label


def test_layout_french_table_with_title_row_and_extra_columns(tmp_path):
    d = docx.Document()
    d.add_paragraph("Plan de travail 2022-2023")
    d.add_paragraph("Axe 1 : Environnement et droits humains").runs[0].bold = True
    table = d.add_table(rows=4, cols=6)
    title = table.cell(0, 0).merge(table.cell(0, 5))
    title.text = "Tableau des activités"
    rows = [("Activités", "Indicateurs", "Responsable", "Partenaires", "Échéance", "Budget (USD)"),
            ("Cartographier les initiatives", "Rapport publié", "HCDH", "PNUE, FAO", "mars 2022", "10 000"),
            ("Organiser un atelier régional", "Nombre de participants", "PNUD", "", "2e semestre 2022", "")]
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    records, info, acts, secs = _read(d, tmp_path, "fr-table.docx")
    assert [(s.label, s.title, s.kind) for s in secs.values()] == [
        ("1", "Environnement et droits humains", "focus_area")]
    assert [(a.kind, a.text) for a in acts.values()] == [
        ("activity", "Cartographier les initiatives"), ("activity", "Organiser un atelier régional")]
    assert _timelines(records, acts) == [
        ("Cartographier les initiatives", "2022-03-01", "2022-03-31", "point"),
        ("Organiser un atelier régional", "2022-07-01", "2022-12-31", "point")]
    text = {a.activity_id: a.text for a in acts.values()}
    roles = sorted((text[p.subject_id], p.role, p.org_id) for p in records.tables["participants"])
    assert roles == [("Cartographier les initiatives", "contributor", "FAO"),
                     ("Cartographier les initiatives", "contributor", "UNEP"),
                     ("Cartographier les initiatives", "responsible", "OHCHR"),
                     ("Organiser un atelier régional", "responsible", "UNDP")]


def test_layout_markdown_workplan(tmp_path):
    path = tmp_path / "plan.md"
    path.write_text(
        "# Joint work plan 2022\n\n## Focus area 1: Climate action\n\nLead: UNEP\n"
        "Contributing agencies: UNDP, FAO\n\n| Activity | Timeline | Lead |\n|---|---|---|\n"
        "| Draft climate report[^1] | Q1 2022 | UNEP |\n| Regional workshop | by mid-June | UNDP and FAO |\n\n"
        "## Focus area 2: Biodiversity\n\nActivities:\n\n- Map initiatives (March 2022)\n- Launch platform\n\n"
        "[^1]: Subject to funding.\n", encoding="utf-8")
    records, info = normalize_document(parsers.parse(path), "doc")
    acts = {a.activity_id: a for a in records.tables["activities"]}
    assert [(s.label, s.title) for s in records.tables["sections"]] == [
        ("1", "Climate action"), ("2", "Biodiversity")]
    assert [a.text for a in acts.values()] == [
        "Draft climate report", "Regional workshop", "Map initiatives (March 2022)", "Launch platform"]
    assert _timelines(records, acts) == [
        ("Draft climate report", "2022-01-01", "2022-03-31", "point"),
        ("Map initiatives (March 2022)", "2022-03-01", "2022-03-31", "point"),
        ("Regional workshop", None, "2022-06-20", "deadline")]
    section_roles = sorted((p.role, p.org_id) for p in records.tables["participants"]
                           if p.subject_type == "section")
    assert section_roles == [("contributor", "FAO"), ("contributor", "UNDP"), ("lead", "UNEP")]
    note = records.tables["notes"][0]
    assert acts[note.subject_id].text == "Draft climate report"


def test_layout_table_year_comes_before_the_documents(tmp_path):
    d = docx.Document()
    d.add_paragraph("Work plan 2022").runs[0].bold = True
    _table(d, [["Activity", "Timeline (2023)", "Lead"], ["Follow-up survey", "June", "UNEP"],
               ["Review meeting", "By 15 July\nN.B. 10-12 July 2024: HLPF side event", "UNDP"]])
    records, info, acts, _ = _read(d, tmp_path, "table-year.docx")
    assert info.reference_year == 2022
    assert _timelines(records, acts) == [("Follow-up survey", "2023-06-01", "2023-06-30", "point"),
                                         ("Review meeting", None, "2024-07-15", "deadline")]


def test_layout_table_without_header_row_is_read_from_its_cells(tmp_path):
    d = docx.Document()
    d.add_paragraph("Work plan 2022").runs[0].bold = True
    d.add_paragraph("Workstream 1: Oceans").runs[0].bold = True
    _table(d, [["Map marine litter initiatives", "Q1 2022", "UNEP"],
               ["Regional dialogue on plastics", "June 2022", "UNDP, FAO"],
               ["Synthesis report", "TBD", "UNEP"]])
    records, _, acts, secs = _read(d, tmp_path, "headerless.docx")
    assert [a.text for a in acts.values()] == [
        "Map marine litter initiatives", "Regional dialogue on plastics", "Synthesis report"]
    assert ("Regional dialogue on plastics", "2022-06-01", "2022-06-30", "point") in _timelines(records, acts)
    text = {a.activity_id: a.text for a in acts.values()}
    # a column with no header whose cells are organisations is a lead column (issue 10)
    assert ("Regional dialogue on plastics", "lead", "FAO") in {
        (text[p.subject_id], p.role, p.org_id) for p in records.tables["participants"]
        if p.subject_type == "activity"}


def test_headerless_table_under_no_section_needs_who_and_when(tmp_path):
    d = docx.Document()
    d.add_paragraph("Youth Employment Programme: tasks agreed on 10 January 2025")
    _table(d, [["Set up the steering committee", "ILO", "January 2025"],
               ["Map vocational training providers", "UNICEF", "Feb–Apr 2025"],
               ["Launch the apprenticeship call", "Ministry of Labour", "June 2025"]])
    d.add_paragraph("Contacts")
    _table(d, [["Programme officer", "ILO", "officer@example.org"],
               ["Focal point", "UNICEF", "focal@example.org"],
               ["Coordinator", "UNDP", "coord@example.org"]])
    _, _, acts, _ = _read(d, tmp_path, "headerless-no-section.docx")
    assert [a.text for a in acts.values()] == [
        "Set up the steering committee", "Map vocational training providers", "Launch the apprenticeship call"]
