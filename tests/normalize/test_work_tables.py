"""Work tables as grant plans write them (issue 10): a number column labels the row,
a wrapped title is one item, project months are relative time ("M6", "Month 1–48")."""

from __future__ import annotations

from normalize.pipeline import normalize_document
from parsers.model import Cell, Document, Paragraph, Row, Table


def table(rows: list[tuple]) -> Table:
    out = []
    for r, row in enumerate(rows):
        cells = []
        for c, value in enumerate(row):
            lines = value if isinstance(value, tuple) else (value,)
            ref = f"table 1, row {r + 1}, col {c + 1}"
            cells.append(Cell(r, c, tuple(Paragraph(100 * r + 10 * c + i, t, f"{ref}, paragraph {i + 1}")
                                          for i, t in enumerate(lines) if t), ref))
        out.append(Row(r, tuple(cells), f"table 1, row {r + 1}"))
    return Table(1, 1, tuple(out), len(rows[0]), "table 1")


def test_wp_list_and_deliverables():
    wps = table([("WP Number", "WP Title", "Lead beneficiary", "Person-months", "Start month", "End month"),
                 ("WP1", "Project Management", "1 - UPSud", "55.00", "1", "48"),
                 ("WP2", ("Community Building, Training,", "Dissemination and Outreach"), "1 - UPSud", "93.00",
                  "1", "36")])
    records, _ = normalize_document(Document("x.pdf", "pdf", (Paragraph(0, "Work plan", "p0", heading_level=1),
                                                              wps)))
    acts = records.tables["activities"]
    assert [(a.label, a.text) for a in acts] == [
        ("WP1", "Project Management"), ("WP2", "Community Building, Training, Dissemination and Outreach")]
    assert {a.evidence for a in acts} == {"table_row"}
    assert [t.raw for t in records.tables["timelines"]] == ["Month 1–48", "Month 1–36"]
    leads = {(p.subject_id, p.org_id) for p in records.tables["participants"] if p.role == "lead"}
    assert leads == {(acts[0].activity_id, "unlisted:UPSud"), (acts[1].activity_id, "unlisted:UPSud")}


def test_due_month_column_is_project_time():
    deliverables = table([("Deliverable Number", "Deliverable Title", "Lead beneficiary", "Due Date (in months)"),
                          ("D1.2", "Data Management Plan", "UPSud", "6"),
                          ("D2.1", "Starting press release", "UPSud", "12")])
    records, _ = normalize_document(Document("x.pdf", "pdf", (deliverables,)))
    assert [(a.label, a.kind) for a in records.tables["activities"]] == [("D1.2", "output"), ("D2.1", "output")]
    assert [t.raw for t in records.tables["timelines"]] == ["M6", "M12"]


def test_dotted_numbers_nest_rows():
    rows = table([("No.", "Output / activity", "Lead", "Timeframe"),
                  ("2.1", "Registries are interoperable", "UNDP", ""),
                  ("2.1.1", "Assess the registries", "UNDP", "Q1 2025"),
                  ("2.1.2", "Draft a protocol", "UNICEF", "Q2 2025"),
                  ("2.2", "Cash transfers scale up", "WFP", ""),
                  ("2.2.1", "Design the rules", "WFP", "March 2025")])
    records, _ = normalize_document(Document("x.docx", "docx", (Paragraph(0, "Work plan 2025", "p0", heading_level=1),
                                                                rows)))
    acts = records.tables["activities"]
    ids = {a.label: a.activity_id for a in acts}
    assert [(a.label, a.kind, a.parent_activity_id) for a in acts] == [
        ("2.1", "output", None), ("2.1.1", "activity", ids["2.1"]), ("2.1.2", "activity", ids["2.1"]),
        ("2.2", "output", None), ("2.2.1", "activity", ids["2.2"])]


def test_rows_of_a_gantt_grid_say_so():
    grid = table([("Activity", "Q1", "Q2", "Q3", "Q4"), ("Build the data store", "X", "X", "", ""),
                  ("Run the field trial", "", "", "X", "")])
    records, _ = normalize_document(Document("x.docx", "docx", (Paragraph(0, "Work plan 2025", "p0", heading_level=1),
                                                                grid)))
    assert [a.evidence for a in records.tables["activities"]] == ["gantt_row", "gantt_row"]
    assert [(t.start, t.end) for t in records.tables["timelines"]] == [("2025-01-01", "2025-06-30"),
                                                                        ("2025-07-01", "2025-09-30")]


def test_a_numbered_row_across_the_table_groups_the_rows_under_it():
    def spanning(r, text):
        ref = f"table 1, row {r + 1}, col 1"
        return Row(r, (Cell(r, 0, (Paragraph(900 + r, text, ref),), ref, col_span=3),), f"table 1, row {r + 1}")

    base = table([("Actividad", "Responsable", "Fecha"), ("Recopilar las series", "PNUD", "oct. 2024"),
                  ("Elaborar mapas", "FAO", "nov. 2024")])
    rows = (base.rows[0], spanning(1, "1. Diagnóstico de riesgos"),
            *(Row(r + 1, tuple(Cell(r + 1, c.col, c.blocks, c.source_ref) for c in row.cells), row.source_ref)
              for r, row in enumerate(base.rows[1:], 1)),
            spanning(4, "A. Parte programática"))
    grid = Table(1, 1, rows, 3, "table 1")
    records, _ = normalize_document(Document("x.docx", "docx", (Paragraph(0, "Plan 2024", "p0", heading_level=1),
                                                                grid)))
    acts = records.tables["activities"]
    assert [(a.label, a.kind, a.text) for a in acts] == [
        ("1.", "output", "Diagnóstico de riesgos"), (None, "activity", "Recopilar las series"),
        (None, "activity", "Elaborar mapas")]
    assert {a.parent_activity_id for a in acts[1:]} == {acts[0].activity_id}
    assert [s.title for s in records.tables["sections"]][-1] == "Parte programática"  # a part letter: a section


def test_gantt_bars_drawn_as_cell_fills_are_marks():
    # a bar is a run of coloured cells with no text; a row highlighted as a whole
    # (its item cell coloured too) is emphasis, not a bar
    rows = [("Activity", "Lead", "Q1 2025", "Q2 2025", "Q3 2025", "Q4 2025"),
            ("Draft the chapter", "FAO", "", "", "", ""),
            ("Consult farmers", "UNDP", "X", "", "", ""),
            ("Approve the plan", "WHO", "", "", "", "")]
    fills = {(1, 3): "2E75B6", (1, 4): "2E75B6", (2, 5): "2E75B6",
             (3, 0): "FFFF00", (3, 1): "FFFF00", (3, 2): "FFFF00"}
    plain = table(rows)
    grid = Table(1, 1, tuple(Row(r.index, tuple(Cell(c.row, c.col, c.blocks, c.source_ref, fill=fills.get((c.row, c.col)))
                                                for c in r.cells), r.source_ref) for r in plain.rows),
                 plain.n_cols, "table 1")
    records, _ = normalize_document(Document("x.docx", "docx", (grid,)))
    acts = {a.activity_id: a.text for a in records.tables["activities"]}
    got = [(acts[t.subject_id], t.start, t.end, t.note) for t in records.tables["timelines"]]
    assert got == [("Draft the chapter", "2025-04-01", "2025-09-30", "from fill colour"),
                   ("Consult farmers", "2025-01-01", "2025-03-31", None),
                   ("Consult farmers", "2025-10-01", "2025-12-31", "from fill colour")]


def test_status_column_and_planned_status_sub_columns():
    # SPEC activities.status: the plan's own progress word, never a timeline; a period
    # split into "Planned | Status" gives its marks from Planned and the status from Status
    grid = table([("Activity", "Lead", "Status", "Q1 2025", "Q1 2025", "Q2 2025", "Q2 2025"),
                  ("", "", "", "Planned", "Status", "Planned", "Status"),
                  ("Publish the brief", "UNICEF", "", "X", "Completed", "", ""),
                  ("Review the dashboard", "WFP", "Ongoing", "", "", "X", "")])
    records, _ = normalize_document(Document("x.xlsx", "xlsx", (grid,)))
    acts = records.tables["activities"]
    assert [(a.text, a.status) for a in acts] == [("Publish the brief", "Completed"),
                                                  ("Review the dashboard", "Ongoing")]
    assert [(t.raw, t.start, t.end) for t in records.tables["timelines"]] == [
        ("X", "2025-01-01", "2025-03-31"), ("X", "2025-04-01", "2025-06-30")]


def test_a_workbook_sheet_holds_the_sections_of_its_table():
    # each sheet of a workbook is a plan of its own: its heading is a section (even when
    # the title repeats the sheet's name) and the table's section rows sit under it
    plain = table([("Activity", "Lead", "Timeline"), ("Workstream 1: Advocacy", "", ""),
                   ("Publish the brief", "UNICEF", "Q1 2025")])
    across = Cell(1, 0, plain.rows[1].cells[0].blocks, "table 1, row 2, col 1", col_span=3)
    sheet = Table(1, 1, (plain.rows[0], Row(1, (across,), "table 1, row 2"), plain.rows[2]), 3, "table 1")
    blocks = (Paragraph(900, "UN Network", 'sheet "UN Network"', style="Sheet", heading_level=1),
              Paragraph(901, "UN Network for Nutrition: work plan 2025", 'sheet "UN Network", row 1, col A'),
              sheet)
    records, _ = normalize_document(Document("x.xlsx", "xlsx", blocks))
    secs = {s.section_id: s for s in records.tables["sections"]}
    assert [(s.title, s.level, secs[s.parent_section_id].title if s.parent_section_id else None)
            for s in secs.values()] == [("UN Network", 1, None), ("Advocacy", 2, "UN Network")]
    assert [secs[a.section_id].title for a in records.tables["activities"]] == ["Advocacy"]


def test_a_milestone_table_lists_checkpoints_not_work():
    milestones = table([("Milestone number", "Milestone title", "Lead beneficiary", "Due Date (in months)"),
                        ("MS1", "Startup", "UPSud", "12"), ("MS2", "Implementations", "UPSud", "24")])
    deliverables = table([("Deliverable Number", "Deliverable Title", "Lead beneficiary", "Due Date (in months)"),
                          ("D1.2", "Data Management Plan", "UPSud", "6")])
    records, _ = normalize_document(Document("x.pdf", "pdf", (milestones, Paragraph(50, "Deliverables", "p"),
                                                              deliverables)))
    assert [a.label for a in records.tables["activities"]] == ["D1.2"]


def test_a_headed_table_without_an_activity_column_is_no_work(tmp_path):
    """A risk table, then a budget summary ("Budget line | Amount (USD) | Responsible")
    under its heading, in a real .docx: its header row names no activity column, so it is not read as a table
    without a header (whose first row would become an activity led by "Responsible")."""
    import docx

    from parsers.docx import parse_docx

    d = docx.Document()
    for heading, rows in (("Risks", (("Risk", "Likelihood", "Mitigation"),
                                     ("Teacher strikes delay training", "Medium", "Train in the holidays"))),
                          ("Budget summary", (("Budget line", "Amount (USD)", "Responsible"),
                                              ("Teacher training", "300,000", "UNICEF"),
                                              ("Learning materials", "450,000", "UNESCO")))):
        d.add_heading(heading, 1)
        table = d.add_table(rows=len(rows), cols=3)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    d.save(tmp_path / "budget.docx")
    records, _ = normalize_document(parse_docx(tmp_path / "budget.docx"))
    assert records.tables["activities"] == []
    assert records.tables["participants"] == []
