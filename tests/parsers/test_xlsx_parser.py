"""parsers.xlsx on workbooks made here with openpyxl (and, where openpyxl cannot write
what Excel does, with parts written by hand): values as displayed, fills, merges,
headers, comments, hyperlinks, hidden content, layout of a sheet."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, PatternFill
from openpyxl.styles.colors import Color

import parsers
from parsers.model import Paragraph, Table
from parsers.xlsx import parse_xlsx
from parsers.xlsx.cells import display, theme_colours

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def patch_zip(path: Path, parts: dict[str, bytes | str | None]) -> Path:
    """Rewrite the package at `path` with `parts` replaced, added, or (None) removed."""
    with zipfile.ZipFile(path) as z:
        items = {i.filename: z.read(i) for i in z.infolist()}
    for name, data in parts.items():
        if data is None:
            items.pop(name, None)
        else:
            items[name] = data.encode("utf-8") if isinstance(data, str) else data
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items.items():
            z.writestr(name, data)
    path.write_bytes(buf.getvalue())
    return path


def tables(doc) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


def texts(table: Table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_values_are_shown_through_their_number_format():
    assert display(4.1, "n", "0.00") == "4.10"
    assert display(4.1, "n", "0.0") == "4.1"
    assert display(4.1, "n", "General") == "4.1"
    assert display(3.0, "n", "General") == "3"
    assert display(1234567.891, "n", "#,##0.00") == "1,234,567.89"
    assert display(0.25, "n", "0%") == "25%"
    assert display(1 / 3, "n", "General") == "0.3333333333"
    assert display(True, "b", "General") == "TRUE"
    assert display("4.10", "s", "General") == "4.10"  # typed as text: as typed
    day = dt.datetime(2025, 3, 14)
    assert display(day, "d", "mmm yyyy") == "Mar 2025"  # a month, not a day
    assert display(day, "d", "mmmm yyyy") == "March 2025"
    assert display(day, "d", "d mmm yyyy") == "2025-03-14"  # a day: ISO, whatever the format
    assert display(day, "d", "mm-dd-yy") == "2025-03-14"  # numeric day and month: ISO, never ambiguous
    assert display(day, "d", "d/m/yyyy") == "2025-03-14"
    assert display(day, "d", "yyyy") == "2025"
    assert display(day, "d", "mmm-yy") == "Mar-2025"  # the year in full: "Mar-25" could read as a day
    assert display(day, "d", "d-mmm-yy") == "2025-03-14"
    assert display(dt.datetime(2025, 3, 14, 9, 30), "d", "dd/mm/yyyy hh:mm") == "2025-03-14 09:30"


def test_workbook_cells_dates_formulas_labels(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["No.", "Activity", "Due", "Budget"])
    ws.append([4.1, "Validate the plan", dt.date(2025, 6, 30), 1500])
    ws.append([4.1, "Publish the report", dt.date(2025, 9, 1), 2500.5])
    ws["A2"].number_format = "0.0"
    ws["A3"].number_format = "0.00"
    ws["C2"].number_format = "mmm yyyy"
    ws["C3"].number_format = "dd/mm/yyyy"
    ws["D3"].number_format = "#,##0.00"
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    # a formula with the value Excel cached when it saved the file
    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    sheet = sheet.replace('<c r="D2" t="n"><v>1500</v></c>', '<c r="D2"><f>1000+500</f><v>1500</v></c>')
    assert "<f>1000+500</f>" in sheet
    patch_zip(path, {"xl/worksheets/sheet1.xml": sheet})
    (table,) = tables(parse_xlsx(path, 100))
    assert texts(table)[1:] == [["4.1", "Validate the plan", "Jun 2025", "1500"],
                                ["4.10", "Publish the report", "2025-09-01", "2,500.50"]]
    assert table.rows[0].is_header and not table.rows[1].is_header
    assert table.rows[2].cells[0].source_ref == 'sheet "Sheet", row 3, col A'


def test_fills_rgb_indexed_theme_and_none(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Activity", "Q1", "Q2", "Q3", "Q4", "Q5"])
    ws.append(["Train staff", None, None, None, None, None])
    ws["B2"].fill = PatternFill("solid", start_color="FFFFC000")
    ws["C2"].fill = PatternFill("solid", start_color=Color(indexed=10))  # red in the default palette
    ws["D2"].fill = PatternFill("solid", start_color=Color(theme=4, tint=0.0))  # accent1
    ws["E2"].fill = PatternFill("solid", start_color="FFFFFFFF")  # white: no mark
    ws["F2"].fill = PatternFill("lightGray", start_color="FF000000")  # a pattern, not a solid fill
    path = tmp_path / "fills.xlsx"
    wb.save(path)
    (table,) = tables(parse_xlsx(path, 100))
    fills = {c.col: c.fill for c in table.rows[1].cells}
    assert fills[1] == "FFC000" and fills[2] == "FF0000"
    with zipfile.ZipFile(path) as z:
        accent1 = theme_colours(z.read("xl/theme/theme1.xml"))[4]
    assert fills[3] == accent1.upper() and len(accent1) == 6
    assert fills.get(4) is None and fills.get(5) is None


def test_theme_tint_lightens_and_darkens():
    from parsers.xlsx.cells import _tint

    assert _tint("4472C4", 0.0) == "4472C4"
    light, dark = _tint("4472C4", 0.6), _tint("4472C4", -0.5)
    assert int(light[:2], 16) > 0x44 and int(dark[4:], 16) < 0xC4


def test_merges_become_spans_and_two_row_headers(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    for ref, text in (("A1", "Activity"), ("B1", "Q1 2025"), ("D1", "Q2 2025"), ("B2", "Planned"),
                      ("C2", "Status"), ("D2", "Planned"), ("E2", "Status"), ("A3", "Brief the board"),
                      ("B3", "X"), ("C3", "Completed")):
        ws[ref] = text
    for merged in ("A1:A2", "B1:C1", "D1:E1"):
        ws.merge_cells(merged)
    path = tmp_path / "merged.xlsx"
    wb.save(path)
    (table,) = tables(parse_xlsx(path, 100))
    assert [r.is_header for r in table.rows] == [True, True, False]
    top = {c.col: (c.text, c.row_span, c.col_span) for c in table.rows[0].cells}
    assert top == {0: ("Activity", 2, 1), 1: ("Q1 2025", 1, 2), 3: ("Q2 2025", 1, 2)}
    placeholder = table.rows[1].cells[0]
    assert placeholder.merged and placeholder.col == 0
    assert table.grid[1][0].text == "Activity" and table.grid[0][2].text == "Q1 2025"


def test_title_block_margin_and_section_rows(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "Country Team work plan 2025"
    ws["A3"], ws["B3"], ws["C3"] = "No.", "Activity", "Lead"
    ws["A4"] = "Outcome 1: Food security"  # typed in the narrow number column only
    ws.append([1, "Distribute seeds", "FAO"])
    ws.append([2, "Train farmers", "FAO"])
    ws["E5"], ws["E6"] = "Signed:", "Date: 14 March 2025"  # a margin column
    path = tmp_path / "layout.xlsx"
    wb.save(path)
    doc = parse_xlsx(path, 100)
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph", "Table", "Paragraph", "Paragraph"]
    assert doc.blocks[0].text == "Country Team work plan 2025"
    (table,) = tables(doc)
    section = table.rows[1].cells[0]
    assert section.text == "Outcome 1: Food security" and section.col_span == table.n_cols == 3
    assert [b.text for b in doc.blocks[2:]] == ["Signed:", "Date: 14 March 2025"]
    assert doc.blocks[3].source_ref == 'sheet "Sheet", row 6, col E'


def test_line_breaks_hyperlinks_and_comments(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Activity", "Lead"])
    ws.append(["Draft the guidance\nConsult the country teams", "UNDP"])
    ws["A2"].alignment = Alignment(wrap_text=True)
    ws["B2"].comment = Comment("Check with OHCHR", "Marie Dupont [OHCHR]")
    ws["A3"] = "See the terms of reference"
    ws["A3"].hyperlink = "https://example.org/tor.pdf"
    ws["B3"] = "UNEP"
    path = tmp_path / "links.xlsx"
    wb.save(path)
    doc = parse_xlsx(path, 100)
    (table,) = tables(doc)
    cell = table.rows[1].cells[0]
    assert [p.text for p in cell.paragraphs] == ["Draft the guidance", "Consult the country teams"]
    assert table.rows[2].cells[0].text == "See the terms of reference (https://example.org/tor.pdf)"
    (comment,) = doc.comments
    assert (comment.author, comment.text, comment.anchor_text) == ("Marie Dupont [OHCHR]", "Check with OHCHR", "UNDP")
    assert comment.anchor_block == table.rows[1].cells[1].paragraphs[0].block_id
    assert comment.source_ref == 'sheet "Sheet", row 2, col B'


THREADED = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="{MAIN}">
<threadedComment ref="A2" dT="2025-03-14T10:05:00.00" personId="{{P1}}" id="{{C1}}"><text>Is Q2 realistic?</text>
</threadedComment>
<threadedComment ref="A2" dT="2025-03-15T08:00:00.00" personId="{{P2}}" id="{{C2}}" parentId="{{C1}}">
<text>Yes, agreed with WFP.</text></threadedComment></ThreadedComments>"""
PERSONS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">
<person displayName="Ana Ruiz" id="{P1}" userId="ana" providerId="None"/>
<person displayName="Li Wei" id="{P2}" userId="li" providerId="None"/></personList>"""


def test_threaded_comments_with_authors_dates_and_replies(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Activity", "Lead"])
    ws.append(["Map the registries", "WFP"])
    ws["A2"].comment = Comment("[Threaded comment] Is Q2 realistic?", "tc={C1}")  # Excel's copy for old versions
    path = tmp_path / "threaded.xlsx"
    wb.save(path)
    with zipfile.ZipFile(path) as z:
        rels = z.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
    rels = rels.replace("</Relationships>", '<Relationship Id="rTC" Type="http://schemas.microsoft.com/office/2017/'
                        '10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/>'
                        "</Relationships>")
    patch_zip(path, {"xl/worksheets/_rels/sheet1.xml.rels": rels,
                     "xl/threadedComments/threadedComment1.xml": THREADED, "xl/persons/person.xml": PERSONS})
    doc = parse_xlsx(path, 100)
    assert [(c.author, c.text, c.date) for c in doc.comments] == [
        ("Ana Ruiz", "Is Q2 realistic?", "2025-03-14T10:05:00.00"),
        ("Li Wei", "Yes, agreed with WFP.", "2025-03-15T08:00:00.00")]
    first, reply = doc.comments
    assert reply.parent_id == first.comment_id and first.parent_id is None
    assert first.anchor_text == "Map the registries"


def test_hidden_sheets_rows_and_columns_are_skipped_and_counted(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Plan"
    ws.append(["Activity", "Lead", "Internal"])
    ws.append(["Kept activity", "UNDP", "code 17"])
    ws.append(["Dropped activity", "UNEP", "code 18"])
    ws.row_dimensions[3].hidden = True
    ws.column_dimensions["C"].hidden = True
    wb.create_sheet("Lookups").append(["UNDP"])
    wb["Lookups"].sheet_state = "hidden"
    path = tmp_path / "hidden.xlsx"
    wb.save(path)
    doc = parse_xlsx(path, 100)
    (table,) = tables(doc)
    assert texts(table) == [["Activity", "Lead"], ["Kept activity", "UNDP"]]
    (note,) = doc.diagnostics
    assert note.code == "hidden_skipped" and note.severity == "info"
    assert 'sheet "Lookups"' in note.message and '1 row of sheet "Plan"' in note.message
    assert '1 column of sheet "Plan"' in note.message


def test_several_sheets_each_get_a_heading(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "UN Network"
    wb.active.append(["Activity", "Lead"])
    wb.active.append(["Brief the parliament", "WFP"])
    other = wb.create_sheet("Country")
    other.append(["Activity", "Lead"])
    other.append(["Map the programmes", "FAO"])
    path = tmp_path / "two.xlsx"
    wb.save(path)
    doc = parse_xlsx(path, 100)
    headings = [b.text for b in doc.blocks if isinstance(b, Paragraph) and b.heading_level == 1]
    assert headings == ["UN Network", "Country"]
    assert [t.index for t in tables(doc)] == [1, 2]
    ids = [b.block_id for b in doc.iter_blocks()]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)


def test_xlsm_macros_are_never_run_and_noted(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["Activity", "Lead"])
    wb.active.append(["Launch the dialogue", "FAO"])
    path = tmp_path / "plan.xlsm"
    wb.save(path)
    patch_zip(path, {"xl/vbaProject.bin": b"Attribute VB_Name = \"Module1\"\nSub Auto_Open()\nEnd Sub"})
    doc = parsers.parse(path)
    assert [d.code for d in doc.diagnostics] == ["macros_ignored"]
    assert texts(tables(doc)[0])[1] == ["Launch the dialogue", "FAO"]


def test_a_workbook_is_told_from_a_docx_by_content(tmp_path):
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Work plan"
    path = tmp_path / "named-wrong.docx"
    wb.save(path)
    assert parsers.detect_format(path) == "xlsx"
    assert parsers.parse(path).format == "xlsx"


def test_outcome_and_output_cells_merged_down_over_their_activities(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Outcome", "Output", "Key activities", "Lead agency", "Q1", "Q2"])
    ws.append(["Outcome 1: Inclusive growth", "Output 1.1: SMEs access finance", "Train SME associations", "UNDP",
               "X", None])
    ws.append([None, None, "Set up a credit guarantee scheme", "UNCDF", None, "X"])
    ws.append([None, "Output 1.2: Youth skills", "Run a youth skills bootcamp", "ILO", None, "X"])
    ws.merge_cells("A2:A4")
    ws.merge_cells("B2:B3")
    path = tmp_path / "jwp.xlsx"
    wb.save(path)
    (table,) = tables(parse_xlsx(path, 100))
    outcome, output = table.rows[1].cells[:2]
    assert (outcome.row_span, output.row_span) == (3, 2)
    assert [(c.col, c.merged) for c in table.rows[2].cells[:2]] == [(0, True), (1, True)]
    assert [(c.col, c.merged, c.text) for c in table.rows[3].cells[:2]] == [(0, True, ""),
                                                                             (1, False, "Output 1.2: Youth skills")]
    assert table.grid[3][0] is outcome and table.grid[2][1] is output
