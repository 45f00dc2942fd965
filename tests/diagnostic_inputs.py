"""Inputs for tests/test_diagnostic_codes.py, built on the fly: small .docx files
written part by part (or with python-docx), fpdf2 PDFs, text files with odd
encodings. What you get back from each function is the path it wrote.

Loaded by path (tests use importlib import mode), like tests/parsers/pdf_samples.py.
"""

from __future__ import annotations

import shutil
import sys
import zipfile
from pathlib import Path

import docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def write_docx(path: Path, body: str, parts: dict[str, str | bytes] | None = None, prolog: str = "",
               rels: str = "") -> Path:
    """A minimal .docx: document.xml with `body` (and `prolog` before its root), the
    main part's relationships `rels`, and any other `parts` by name."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats'
                   f'.org/package/2006/relationships"><Relationship Id="r1" Type="{REL}/officeDocument" '
                   'Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", f'<?xml version="1.0"?>{prolog}<w:document xmlns:w="{W_NS}">'
                                        f"{body}</w:document>")
        z.writestr("word/_rels/document.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://'
                   f'schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
        for name, data in (parts or {}).items():
            z.writestr(name, data)
    return path


def p(text: str, num_id: str | None = None) -> str:
    ppr = f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>' if num_id else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def plan_docx(path: Path) -> Path:
    """A workplan made with python-docx whose cells give every normalizer diagnostic:
    a day that does not exist, a timeline that is no date, an unknown organisation,
    a role nobody holds, and a Schedule cell with fewer dates than items."""
    d = docx.Document()
    for text in ("Work plan 2021", "Focus areas", "1) Joint policy work"):
        d.add_paragraph(text)
    rows = [("Activity", "Lead", "Timeline"), ("a) Draft guidance on human rights", "UNEP, Zorblax Agency", "31 June"),
            ("b) Review the national reports", "Focus area lead", "See annex 2"),
            ("c) Hold a workshop", "UNDP", "Q3 2021"), ("d) Run the summer school", "UNDP", "Summer 2021")]
    table = d.add_table(rows=0, cols=3)
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    d.add_paragraph("2) Programming support")
    table = d.add_table(rows=0, cols=2)
    for cells in (["Activities"], ["Schedule"]), (["1. Group:", "a) First item", "b) Second item", "c) Third item"],
                                                  ["January 2022", "March 2022"]):
        for cell, lines in zip(table.add_row().cells, cells, strict=True):
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    d.save(path)
    return path


def ole2_doc(path: Path) -> Path:
    """A legacy Word .doc as the pipeline sees one: OLE2 magic and a WordDocument stream name."""
    names = b"".join(n.encode("utf-16-le").ljust(128, b"\x00") for n in ("Root Entry", "WordDocument"))
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + names.ljust(4096, b"\x00"))
    return path


def broken_page_pdf(path: Path) -> Path:
    """Two pages; page 2's content stream names a filter no reader knows (same
    length as /FlateDecode, so the xref offsets stay right)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_font("helvetica", "", 11)
    for text in ("Page one of the plan", "Page two of the plan"):
        pdf.add_page()
        pdf.cell(0, 8, text)
    pdf.output(path)
    data = path.read_bytes()
    at = data.find(b"/FlateDecode", data.find(b"6 0 obj"))  # page 2's content stream
    path.write_bytes(data[:at] + b"/FlateDecodX" + data[at + len(b"/FlateDecode"):])
    return path


def damaged_comments_docx(path: Path) -> Path:
    rels = f'<Relationship Id="r2" Type="{REL}/comments" Target="comments.xml"/>'
    return write_docx(path, f"<w:body>{p('Some text')}</w:body>", {"word/comments.xml": "<w:comments"}, rels=rels)


def docx_with_table(path: Path, n_rows: int) -> Path:
    """A focus area and a table: a header row, then `n_rows` activities in document order."""
    cells = [("Activity", "Lead", "Timeline")] + [(f"{chr(97 + i % 26)}) Activity {i}", "UNEP", "Q3 2021")
                                                  for i in range(n_rows)]
    rows = "".join("<w:tr>" + "".join(f"<w:tc>{p(text)}</w:tc>" for text in row) + "</w:tr>" for row in cells)
    return write_docx(path, f"<w:body>{p('1. Focus area')}<w:tbl>{rows}</w:tbl></w:body>")


def xxe_docx(path: Path, secret: Path) -> Path:
    prolog = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
    return write_docx(path, f"<w:body>{p('a) Leak &xxe; here')}</w:body>", prolog=prolog)


def drawn_gantt_docx(path: Path) -> Path:
    """A Gantt table whose period cells are empty, as when the bars were drawn as shapes."""
    d = docx.Document()
    d.add_paragraph("Work plan 2021")
    table = d.add_table(rows=0, cols=5)
    for row in (("Activity", "Q1", "Q2", "Q3", "Q4"), ("Build the data store", "", "", "", ""),
                ("Run the field trial", "", "", "", "")):
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    d.save(path)
    return path


def hidden_sheet_xlsx(path: Path) -> Path:
    """A workbook whose second sheet, a list of agencies, is hidden."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["Activity", "Lead", "Timeline"])
    wb.active.append(["Map the social registries", "UNICEF", "Q2 2025"])
    wb.create_sheet("Lists").append(["UNICEF"])
    wb["Lists"].sheet_state = "hidden"
    wb.save(path)
    return path


def main_inputs(folder: Path, pdf_samples, seeds_dir: Path) -> None:
    """One file per code that default limits can give; comments name the codes."""
    (folder / "empty.txt").write_bytes(b"")  # unreadable_file
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))  # unsupported_format
    pdf_samples.encrypted(folder / "locked.pdf", "secret")  # encrypted
    pdf_samples.image_only(folder / "scan.pdf")  # no_text_layer
    ole2_doc(folder / "legacy.doc")  # legacy_format (no LibreOffice on PATH)
    xxe_docx(folder / "xxe.docx", folder.parent / "secret.txt")  # dtd_not_allowed
    plan_docx(folder / "plan.docx")  # the normalizer codes
    shutil.copy(folder / "plan.docx", folder / "plan-copy.docx")  # duplicate
    with zipfile.ZipFile(folder / "plan.docx") as src, zipfile.ZipFile(folder / "macro.docm", "w") as z:
        for item in src.infolist():
            z.writestr(item, src.read(item))
        z.writestr("word/vbaProject.bin", b"Attribute VB_Name")  # macros_ignored
    (folder / "cp1252.txt").write_bytes("Plan de travail – été, coût estimé\n".encode("cp1252"))  # encoding_guess
    (folder / "bad-utf8.txt").write_bytes(b"\xef\xbb\xbfWork plan \xff\xfe 2021\n")  # invalid_bytes_replaced
    (folder / "nul.txt").write_bytes(b"Work\x00 plan 2021\n" + b"Joint policy work\n" * 20)  # nul_removed
    # duplicate_note, lost_note_reference (the second definition), unresolved_note
    (folder / "notes.md").write_text("Work plan[^1] and more[^3].\n\n[^1]: One.\n\n[^1]: Again.\n", encoding="utf-8")
    damaged_comments_docx(folder / "comments.docx")  # part_unreadable, no_work_structure
    write_docx(folder / "core.docx", f"<w:body>{p('Text')}</w:body>",
               {"docProps/core.xml": "<cp:coreProperties"})  # properties_unreadable
    write_docx(folder / "no-body.docx", "")  # no_body
    write_docx(folder / "lists.docx", f"<w:body>{p('Item', num_id='7')}</w:body>")  # numbering_missing
    broken_page_pdf(folder / "broken-page.pdf")  # page_unreadable
    pdf_samples.annotated(folder / "annotated.pdf")  # annotation_incomplete
    pdf_samples.tight_text(folder / "glyphs.pdf")  # glyphs_dropped
    pdf_samples.slides(folder / "slides.pdf")  # page_furniture_removed
    shutil.copy(seeds_dir / "img-hre-draft-workplan.txt", folder / "tika.txt")  # ragged_row
    drawn_gantt_docx(folder / "drawn-gantt.docx")  # timeline_in_drawing
    hidden_sheet_xlsx(folder / "hidden.xlsx")  # hidden_skipped


def fake_soffice(folder: Path, docx_path: Path) -> Path:
    """A `soffice` that "converts" by copying a prepared .docx where LibreOffice would write."""
    folder.mkdir()
    script = folder / "soffice"
    script.write_text(f"#!{sys.executable}\nimport shutil, sys\nfrom pathlib import Path\n"
                      "args = sys.argv[1:]\nout = Path(args[args.index('--outdir') + 1])\n"
                      "out.mkdir(parents=True, exist_ok=True)\n"
                      f"shutil.copy({str(docx_path)!r}, out / (Path(args[-1]).stem + '.docx'))\n")
    script.chmod(0o755)
    return folder
