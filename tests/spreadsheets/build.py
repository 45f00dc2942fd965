"""Builds test spreadsheet workplans (issue 12) as real files, for
tests/parsers/test_xlsx_documents.py. Gold for each lives beside this file as
`<name>.gold.json` in the scorer's format (../shared/eval/GOLD.md), written by hand
before the spreadsheet parser existed.

* `unct-jwp.xlsx`: a UN Country Team joint work plan. A title block above the header
  (row 5), outcome rows (one merged across the table, one typed in the narrow first
  column only), numbering that restarts per outcome, quarter marks as `Y`, `X`, `✓`
  and as fills only, a status and a comment column, an approval block in a margin
  column, a hidden row (a dropped activity), a hidden sheet of lists, a cell comment.
* `unct-jwp.csv`: that sheet as a European Excel would export it (`;`, UTF-8 with a
  byte order mark): fills and the cell comment are lost, the hidden row is kept (Excel
  exports it), a comment cell runs over two lines.
* `sun-network.xlsx`: two sheets, each a plan. "UN Network": a two-row header (a
  quarter over `Planned | Status`), labels that are numbers shown with their format
  (1.1 and 1.10), workstream rows in the first column only, a hidden column.
  "Country Network": a plain table on row 1 with a timeline column.
* `component-gantt.xlsx` (gold written before the code that reads it): a "Component"
  column of numbered cells merged down their rows, twelve month columns, a Status column.

`img_rendering(path, docx)` writes the shared IMG plan as a workbook an analyst would
make of it: its paragraphs one a row in column A, its tables as blocks of cells (merges
kept), its reviewer comments as cell comments. The text is taken from the .docx by the
project's own .docx reader, whose reading of that file the shared gold checks.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill

GANTT_FILL = "FFC000"


def _fill(cell, rgb: str = GANTT_FILL) -> None:
    cell.fill = PatternFill(fill_type="solid", start_color=rgb, end_color=rgb)


def unct_jwp(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Joint Work Plan"
    ws["A1"] = "UN Country Team Ruritania"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:J1")
    ws["A2"] = "Joint Work Plan 2025"
    ws["A3"] = "Prepared by the Resident Coordinator's Office"
    ws.append([])
    ws.append(["No.", "Activity", "Lead agency", "Contributing agencies", "Q1", "Q2", "Q3", "Q4",
               "Status", "Comments"])
    ws["A6"] = "Outcome 1: Social protection reaches the poorest households"
    ws.merge_cells("A6:J6")
    rows = {
        7: [1, "Map the social registries of the four provinces", "UNICEF", "WFP, ILO", "Y", "Y", None, None,
            "Completed", None],
        8: [2, "Draft a shock-responsive cash transfer protocol", "WFP", "UNICEF", None, "X", "X", None,
            "Ongoing", "Awaiting data from the Ministry"],
        9: [3, "Pilot cash transfers in one district", "WFP", None, None, None, None, None, None,
            "Dropped in March"],
        10: [3, "Train district social workers on case management", "ILO", "UNICEF, UNFPA", None, None, None,
             None, "Started", None],
        11: ["Outcome 2: Health and nutrition services"],
        12: [1, "Procure cold-chain equipment for 40 health centres", "UNICEF", "WHO", "✓", None, None, None,
             "Completed", None],
        13: [2, "Support the national nutrition survey", "WHO", "UNICEF, FAO", None, None, None, None, "Ongoing",
             "Survey design agreed in January"],
        14: [3, "Hold a joint review of the health sector plan", "WHO", "UNFPA", None, None, None, "X", None, None],
    }
    for r, values in rows.items():
        for c, value in enumerate(values, start=1):
            if value is not None:
                ws.cell(r, c, value)
    ws.row_dimensions[9].hidden = True  # a dropped activity
    for ref in ("G10", "H10", "F13", "G13"):
        _fill(ws[ref])  # marks drawn by colouring the quarter only
    ws["B13"].comment = Comment("Confirm the survey budget with FAO", "Ana Ruiz")
    # the approval block, in a margin column right of the table
    ws["L7"] = "Approved by"
    ws["L8"] = "Resident Coordinator"
    ws["L10"] = "Date"
    ws["L11"] = dt.date(2025, 3, 14)
    ws["L11"].number_format = "d mmm yyyy"
    ws.column_dimensions["A"].width = 5
    ws.column_dimensions["B"].width = 48
    lists = wb.create_sheet("Lists")
    for agency in ("UNICEF", "WFP", "ILO", "WHO", "FAO", "UNFPA"):
        lists.append([agency])
    lists.sheet_state = "hidden"
    wb.save(path)


UNCT_CSV_ROWS = [
    ["UN Country Team Ruritania"],
    ["Joint Work Plan 2025"],
    ["Prepared by the Resident Coordinator's Office"],
    [],
    ["No.", "Activity", "Lead agency", "Contributing agencies", "Q1", "Q2", "Q3", "Q4", "Status", "Comments"],
    ["Outcome 1: Social protection reaches the poorest households"],
    ["1", "Map the social registries of the four provinces", "UNICEF", "WFP, ILO", "Y", "Y", "", "", "Completed",
     "", "", "Approved by"],
    ["2", "Draft a shock-responsive cash transfer protocol", "WFP", "UNICEF", "", "X", "X", "", "Ongoing",
     "Awaiting data\nfrom the Ministry", "", "Resident Coordinator"],
    ["3", "Pilot cash transfers in one district", "WFP", "", "", "", "", "", "", "Dropped in March"],
    ["3", "Train district social workers on case management", "ILO", "UNICEF, UNFPA", "", "", "", "", "Started",
     ""],
    ["Outcome 2: Health and nutrition services", "", "", "", "", "", "", "", "", "", "", "Date"],
    ["1", "Procure cold-chain equipment for 40 health centres", "UNICEF", "WHO", "✓", "", "", "", "Completed",
     "", "", "14 Mar 2025"],
    ["2", "Support the national nutrition survey", "WHO", "UNICEF, FAO", "", "", "", "", "Ongoing",
     "Survey design agreed in January"],
    ["3", "Hold a joint review of the health sector plan", "WHO", "UNFPA", "", "", "", "X", "", ""],
]


def unct_csv(path: Path) -> None:
    """A `;` export with a byte order mark, as Excel writes "CSV UTF-8" in locales whose
    decimal mark is a comma; fields with a line break or `;` are quoted."""
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    width = max(len(r) for r in UNCT_CSV_ROWS)
    for row in UNCT_CSV_ROWS:
        writer.writerow(row + [""] * (width - len(row)))
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))


def sun_network(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "UN Network"
    ws["A1"] = "UN Network for Nutrition: work plan 2025"
    ws["A1"].font = Font(bold=True)
    for ref, text in (("A3", "Ref"), ("B3", "Activity"), ("C3", "Lead"), ("D3", "Q1 2025"), ("F3", "Q2 2025"),
                      ("D4", "Planned"), ("E4", "Status"), ("F4", "Planned"), ("G4", "Status"),
                      ("H3", "Internal notes")):
        ws[ref] = text
    for merged in ("A3:A4", "B3:B4", "C3:C4", "D3:E3", "F3:G3", "H3:H4"):
        ws.merge_cells(merged)
    ws["A5"] = "Workstream 1: Advocacy and policy"
    ws.merge_cells("A5:G5")
    rows = {
        6: [(1.1, "0.0"), "Publish the joint advocacy brief on stunting", "UNICEF", "X", "Completed", None, None,
            "Budget line 4471"],
        7: [(1.2, "0.0"), "Brief parliamentarians on the nutrition budget", "WFP", "X", "Ongoing", "X", "Ongoing",
            None],
        8: [(1.1, "0.00"), "Launch the national food systems dialogue", "FAO", None, None, "X", "Started", None],
        9: ["Workstream 2: Data and monitoring"],
        10: [(2.1, "0.0"), "Update the nutrition stakeholder and action mapping", "WFP", "X", "Completed", None,
             None, None],
        11: [(2.2, "0.0"), "Review the multisectoral nutrition dashboard", "WHO", None, None, "X", "Ongoing", None],
    }
    for r, values in rows.items():
        for c, value in enumerate(values, start=1):
            if isinstance(value, tuple):
                ws.cell(r, c, value[0]).number_format = value[1]
            elif value is not None:
                ws.cell(r, c, value)
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["H"].hidden = True
    country = wb.create_sheet("Country Network")
    for row in (["Activity", "Responsible", "Timeline", "Status"],
                ["Convene the SUN country network", "UNICEF, WFP", "Quarterly", "Ongoing"],
                ["Co-organise the national nutrition forum", "FAO", "June 2025", "Started"],
                ["Map the nutrition-sensitive programmes of UN agencies", "WFP", "By 30 September 2025", None]):
        country.append(row)
    wb.save(path)


def component_gantt(path: Path) -> None:
    """A youth employment partnership's workbook: a title and an "Updated" line above
    the header, a "Component" column whose numbered cells ("1. Skills") are merged down
    their activity rows, Lead and Partners columns, twelve month columns marked "x" on
    filled cells, and a Status column after the months."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Workplan 2025"
    ws["A1"] = "Youth Employment Partnership – Work Plan 2025"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Updated 15 January 2025"
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    ws.append([])
    ws.append(["Component", "Activity", "Lead", "Partners", *months, "Status"])
    rows = [
        ("1. Skills", "Launch the apprenticeship call", "ILO", "Chamber of Commerce", "xx..........", "Completed"),
        ("", "Train 500 young people in digital skills", "UNDP", "ILO, UNICEF", "..xxxx......", "Ongoing"),
        ("2. Jobs", "Match graduates with employers", "ILO", "", ".....xxx....", "Not started"),
        ("", "Publish the youth labour market report", "UNICEF", "World Bank", "..........xx", "Not started"),
    ]
    for component, activity, lead, partners, marks, status in rows:
        ws.append([component, activity, lead, partners, *("x" if m == "x" else None for m in marks), status])
        for col, m in enumerate(marks, start=5):
            if m == "x":
                _fill(ws.cell(ws.max_row, col))
    ws.merge_cells("A5:A6")
    ws.merge_cells("A7:A8")
    wb.save(path)


BUILDERS = {"unct-jwp.xlsx": unct_jwp, "unct-jwp.csv": unct_csv, "sun-network.xlsx": sun_network,
            "component-gantt.xlsx": component_gantt}


def build_all(folder: Path) -> list[Path]:
    """Write every test spreadsheet into `folder`; returns their paths."""
    paths = []
    for name, build in BUILDERS.items():
        build(folder / name)
        paths.append(folder / name)
    return paths


def img_rendering(path: Path, docx_path: Path) -> None:
    """The shared IMG plan as a one-sheet workbook (see the module docstring)."""
    from parsers.docx import parse_docx
    from parsers.model import Paragraph

    doc = parse_docx(docx_path)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Workplan"
    by_block: dict[int, str] = {}
    row = 1
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            # a bullet is typed as "•" (Word's label may be a Symbol-font glyph, U+F0B7)
            label = "•" if block.list_kind == "bullet" else (block.list_label or "").strip()
            text = f"{label} {block.text.strip()}" if label else block.text.strip()
            if text:
                ws.cell(row, 1, text)
                by_block[block.block_id] = ws.cell(row, 1).coordinate
            row += 1
            continue
        top = row
        for table_row in block.rows:
            for cell in table_row.cells:
                if cell.merged:
                    continue
                target = ws.cell(top + cell.row, 1 + cell.col)
                target.value = cell.text.strip() or None
                for b in cell.blocks:
                    by_block[b.block_id] = target.coordinate
                if cell.row_span > 1 or cell.col_span > 1:
                    ws.merge_cells(start_row=top + cell.row, start_column=1 + cell.col,
                                   end_row=top + cell.row + cell.row_span - 1,
                                   end_column=cell.col + cell.col_span)
        row = top + len(block.rows) + 1
    for comment in doc.comments:
        ref = by_block.get(comment.anchor_block)
        if ref is not None and ws[ref].comment is None:
            ws[ref].comment = Comment(comment.text, comment.author or "")
    ws.column_dimensions["A"].width = 60
    wb.save(path)


if __name__ == "__main__":
    import sys

    build_all(Path(sys.argv[1] if len(sys.argv) > 1 else "."))
