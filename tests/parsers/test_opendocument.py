"""OpenDocument files (LibreOffice's own .odt and .ods) are converted by LibreOffice to
.docx / .xlsx, as a legacy .doc is, and read from that; without LibreOffice, or for
another OpenDocument type, the error says what to do. A damaged or zip-bomb .odt is
refused before LibreOffice sees it."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

import parsers
from parsers.errors import IngestError, LegacyFormat, UnsupportedFormat
from tests.helpers import fake_soffice

ODT = "application/vnd.oasis.opendocument.text"


def odf_zip(path: Path, media_type: str, content: bytes = b"<office:document-content/>") -> Path:
    """An OpenDocument package: the "mimetype" entry first and stored, then the content."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), media_type)  # ZipInfo default: stored
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


def small_docx(path: Path) -> Path:
    d = docx.Document()
    d.add_paragraph("Work plan 2025", style="Heading 1")
    table = d.add_table(rows=2, cols=3)
    for c, text in enumerate(("Activity", "Lead", "Timeline")):
        table.cell(0, c).text = text
    for c, text in enumerate(("Map the national chemical registries", "UNEP", "Q2 2025")):
        table.cell(1, c).text = text
    d.save(path)
    return path




def test_odt_is_detected_and_converted_to_docx(tmp_path, monkeypatch):
    odt = odf_zip(tmp_path / "plan.odt", ODT)
    assert parsers.detect_format(odt) == "odf"
    monkeypatch.setenv("PATH", str(fake_soffice(tmp_path / "bin", small_docx(tmp_path / "made.docx"))))
    doc = parsers.parse(odt)
    assert "--convert-to docx" in (tmp_path / "bin" / "args.txt").read_text()
    assert doc.path == str(odt) and doc.format == "docx"
    assert doc.diagnostics[0].code == "converted" and "OpenDocument format (.odt)" in doc.diagnostics[0].message


def test_odt_without_libreoffice_and_other_odf_types_say_what_to_do(tmp_path, monkeypatch):
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    with pytest.raises(LegacyFormat, match="OpenDocument"):
        parsers.parse(odf_zip(tmp_path / "plan.odt", ODT))
    with pytest.raises(UnsupportedFormat, match="neither a text nor a spreadsheet"):
        parsers.parse(odf_zip(tmp_path / "slides.odp", "application/vnd.oasis.opendocument.presentation"))


def test_odt_zip_bomb_is_refused_before_libreoffice(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(fake_soffice(tmp_path / "bin", small_docx(tmp_path / "made.docx"))))
    bomb = odf_zip(tmp_path / "bomb.odt", ODT, b"0" * (60 << 20))
    with pytest.raises(IngestError):
        parsers.parse(bomb)
    assert not (tmp_path / "bin" / "args.txt").exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_real_odt_made_by_libreoffice(tmp_path):
    source = small_docx(tmp_path / "plan.docx")
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation={profile}",
                    "--convert-to", "odt", "--outdir", str(tmp_path / "odt"), str(source)],
                   capture_output=True, timeout=120, check=True)
    doc = parsers.parse(tmp_path / "odt" / "plan.odt")
    cells = [c.text for b in doc.blocks if hasattr(b, "rows") for c in b.cells]
    assert cells == ["Activity", "Lead", "Timeline", "Map the national chemical registries", "UNEP", "Q2 2025"]


def test_rtf_and_web_pages_are_converted_to_docx(tmp_path, monkeypatch):
    # RTF files and web pages saved from a browser or a wiki take the same road
    rtf = tmp_path / "plan.rtf"
    rtf.write_bytes(b"{\\rtf1\\ansi Work plan 2025\\par}")
    page = tmp_path / "plan.html"
    page.write_text("<!DOCTYPE html><html><body><h1>Work plan 2025</h1></body></html>", encoding="utf-8")
    named = tmp_path / "saved.txt"  # a page saved under another name is still a page
    named.write_text("\n<html><body><p>Work plan</p></body></html>", encoding="utf-8")
    assert [parsers.detect_format(p) for p in (rtf, page, named)] == ["rtf", "html", "html"]
    monkeypatch.setenv("PATH", str(fake_soffice(tmp_path / "bin", small_docx(tmp_path / "made.docx"))))
    for path, what in ((rtf, "Rich Text Format"), (page, "web page")):
        doc = parsers.parse(path)
        assert doc.format == "docx" and what in doc.diagnostics[0].message
    # a web page opens in LibreOffice's HTML editor: Writer's .docx filter is named
    assert "--convert-to docx:MS Word 2007 XML" in (tmp_path / "bin" / "args.txt").read_text()
