"""Hostile and legacy workbooks: refused before anything is inflated (zip bombs, DTDs),
encrypted ones reported as encrypted, legacy .xls converted by LibreOffice, a sheet
that declares a million rows read only up to --max-rows, external links never followed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

import parsers
from parsers.errors import (
    DtdNotAllowed,
    EncryptedFile,
    LegacyFormat,
    LimitExceeded,
    UnreadableFile,
    UnsupportedFormat,
)
from parsers.limits import Limits
from parsers.model import Table
from tests.helpers import fake_soffice

from .test_xlsx_parser import MAIN, patch_zip


def small_plan(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active.append(["Activity", "Lead", "Timeline"])
    wb.active.append(["Map the social registries", "UNICEF", "Q2 2025"])
    wb.save(path)
    return path


def rows_of(doc) -> list[list[str]]:
    return [[c.text for c in row.cells] for t in doc.blocks if isinstance(t, Table) for row in t.rows]


def test_zip_bomb_is_refused_before_inflating(tmp_path):
    path = patch_zip(small_plan(tmp_path / "bomb.xlsx"), {"xl/media/image1.bin": b"\x00" * (4 << 20)})
    with pytest.raises(LimitExceeded, match="zip bomb"):
        parsers.parse(path, Limits(ratio_floor=1 << 20))


def test_dtd_in_any_part_is_refused(tmp_path):
    with_dtd = ('<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                f'<sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>&x;</t></si></sst>')
    path = patch_zip(small_plan(tmp_path / "xxe.xlsx"), {"xl/sharedStrings.xml": with_dtd})
    with pytest.raises(DtdNotAllowed):
        parsers.parse(path)


def test_encrypted_workbook_is_reported_as_encrypted(tmp_path):
    # Excel saves a password-protected .xlsx as an OLE2 file holding the encrypted package
    names = b"".join(n.encode("utf-16-le").ljust(128, b"\x00") for n in ("Root Entry", "EncryptionInfo",
                                                                          "EncryptedPackage"))
    path = tmp_path / "locked.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + names.ljust(4096, b"\x00"))
    with pytest.raises(EncryptedFile):
        parsers.parse(path)


def test_truncated_and_damaged_workbooks_fail_cleanly(tmp_path):
    good = small_plan(tmp_path / "good.xlsx").read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good[: len(good) // 2])
    with pytest.raises(UnreadableFile):
        parsers.parse(cut)
    no_workbook = patch_zip(small_plan(tmp_path / "no-workbook.xlsx"), {"xl/worksheets/sheet1.xml": "<worksheet"})
    with pytest.raises(UnreadableFile):
        parsers.parse(no_workbook)


def million_row_sheet(path: Path, good_rows: int) -> Path:
    """A sheet that declares a million rows: `good_rows` readable ones, then rows whose
    number cells hold no number, which fail the read if the parser ever reaches them."""
    rows = ['<row r="1"><c r="A1" t="inlineStr"><is><t>Activity</t></is></c>'
            '<c r="B1" t="inlineStr"><is><t>Lead</t></is></c></row>']
    rows += [f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>Task {r}</t></is></c><c r="B{r}"><v>{r}</v></c></row>'
             for r in range(2, good_rows + 1)]
    rows += [f'<row r="{r}"><c r="B{r}"><v>poison</v></c></row>' for r in range(good_rows + 1, good_rows + 50)]
    sheet = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><dimension ref="A1:B1000000"/>'
             f'<sheetData>{"".join(rows)}</sheetData></worksheet>')
    return patch_zip(small_plan(path), {"xl/worksheets/sheet1.xml": sheet})


def test_max_rows_stops_reading_a_million_row_sheet(tmp_path):
    path = million_row_sheet(tmp_path / "huge.xlsx", good_rows=2_001)
    with pytest.raises(UnreadableFile):  # the poison rows are real: reading them fails
        parsers.parse(path, Limits(max_rows=10_000))
    doc = parsers.parse(path, Limits(max_rows=2_000))
    rows = rows_of(doc)
    assert len(rows) == 2_000 and rows[-1] == ["Task 2000", "2000"]
    (warning,) = [d for d in doc.diagnostics if d.code == "rows_truncated"]
    assert warning.severity == "warning" and warning.source_ref == 'sheet "Sheet", row 2001'
    assert "hold 1000000 rows" in warning.message


def test_external_links_are_never_followed(tmp_path):
    """A formula over another workbook gives the value Excel cached; the link's target
    (a local file and a URL) is never opened."""
    path = small_plan(tmp_path / "linked.xlsx")
    target = tmp_path / "secret.xlsx"
    target.write_text("SECRET-never-read")
    link = (f'<?xml version="1.0"?><externalLink xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships"><externalBook r:id="rId1"><sheetNames><sheetName val="Data"/>'
            '</sheetNames></externalBook></externalLink>')
    link_rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                 'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
                 f'2006/relationships/externalLinkPath" Target="{target.as_uri()}" TargetMode="External"/>'
                 '</Relationships>')
    import zipfile

    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
        wb_rels = z.read("xl/_rels/workbook.xml.rels").decode()
        workbook = z.read("xl/workbook.xml").decode()
    sheet = sheet.replace("</row></sheetData>", '<c r="D2" t="str"><f>[1]Data!A1</f><v>Q3 2025</v></c></row>'
                          "</sheetData>")
    wb_rels = wb_rels.replace("</Relationships>", '<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/'
                              'officeDocument/2006/relationships/externalLink" Target="externalLinks/'
                              'externalLink1.xml"/></Relationships>')
    workbook = workbook.replace("</workbook>", '<externalReferences xmlns:r="http://schemas.openxmlformats.org/'
                                'officeDocument/2006/relationships"><externalReference r:id="rIdX"/>'
                                "</externalReferences></workbook>")
    patch_zip(path, {"xl/worksheets/sheet1.xml": sheet, "xl/_rels/workbook.xml.rels": wb_rels,
                     "xl/workbook.xml": workbook, "xl/externalLinks/externalLink1.xml": link,
                     "xl/externalLinks/_rels/externalLink1.xml.rels": link_rels})
    target.chmod(0o000)  # opening it would fail: the parse must not try
    try:
        doc = parsers.parse(path)
    finally:
        target.chmod(0o600)
    assert rows_of(doc)[1] == ["Map the social registries", "UNICEF", "Q2 2025", "Q3 2025"]
    assert all("SECRET" not in " ".join(r) for r in rows_of(doc))


def ole2_xls(path: Path) -> Path:
    """A legacy .xls as the pipeline sees one: OLE2 magic and a Workbook stream name."""
    names = b"".join(n.encode("utf-16-le").ljust(128, b"\x00") for n in ("Root Entry", "Workbook"))
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + names.ljust(4096, b"\x00"))
    return path




def test_legacy_xls_is_converted_to_xlsx_and_read(tmp_path, monkeypatch):
    plan = small_plan(tmp_path / "plan.xlsx")
    monkeypatch.setenv("PATH", str(fake_soffice(tmp_path / "bin", plan)))
    xls = ole2_xls(tmp_path / "old.xls")
    doc = parsers.parse(xls)
    assert "--convert-to xlsx" in (tmp_path / "bin" / "args.txt").read_text()
    assert doc.path == str(xls) and doc.format == "xlsx"
    assert doc.diagnostics[0].code == "converted" and "Excel 97-2003 .xls" in doc.diagnostics[0].message
    assert rows_of(doc)[1] == ["Map the social registries", "UNICEF", "Q2 2025"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_legacy_xls_made_by_libreoffice(tmp_path):
    """A real .xls round trip, where LibreOffice has its spreadsheet component (Calc)."""
    source = small_plan(tmp_path / "plan.xlsx")
    profile = (tmp_path / "profile").as_uri()
    made = subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation={profile}",
                           "--convert-to", "xls", "--outdir", str(tmp_path / "xls"), str(source)],
                          capture_output=True, timeout=120)
    xls = tmp_path / "xls" / "plan.xls"
    if made.returncode != 0 or not xls.exists():
        pytest.skip("this LibreOffice cannot write .xls (no Calc component)")
    doc = parsers.parse(xls)
    assert doc.diagnostics[0].code == "converted"
    assert rows_of(doc)[1] == ["Map the social registries", "UNICEF", "Q2 2025"]


def test_legacy_xls_without_libreoffice_says_how_to_convert(tmp_path, monkeypatch):
    path = ole2_xls(tmp_path / "old.xls")
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    with pytest.raises(LegacyFormat, match="Excel 97-2003"):
        parsers.parse(path)


def test_binary_workbook_xlsb_says_to_save_as_xlsx(tmp_path):
    path = patch_zip(small_plan(tmp_path / "plan.xlsb"), {"xl/workbook.xml": None, "xl/workbook.bin": b"\x83\x01"})
    with pytest.raises(UnsupportedFormat, match="xlsb"):
        parsers.parse(path)
