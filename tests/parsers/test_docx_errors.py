"""parse_docx on bad input: typed IngestErrors for fatal problems, never a crash."""

from __future__ import annotations

import zipfile

import pytest

from parsers.docx import parse_docx
from parsers.errors import DtdNotAllowed, EncryptedFile, UnreadableFile, UnsupportedFormat

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="{ns}/officeDocument" Target="{target}"/></Relationships>')
TRANSITIONAL_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def zip_with(path, files: dict[str, str | bytes]):
    with zipfile.ZipFile(path, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return path


def test_docx_not_a_zip_is_unreadable(tmp_path):
    path = tmp_path / "fake.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(UnreadableFile):
        parse_docx(path)


def test_docx_truncated_zip_is_unreadable(tmp_path, fixtures_dir):
    data = (fixtures_dir / "emg-workplan-2018.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(UnreadableFile):
        parse_docx(path)


def test_docx_zip_without_main_part_is_unreadable(tmp_path):
    path = zip_with(tmp_path / "empty.docx", {"hello.txt": "hi"})
    with pytest.raises(UnreadableFile, match="no main document part"):
        parse_docx(path)


def test_docx_malformed_main_part_is_unreadable(tmp_path):
    path = zip_with(tmp_path / "bad.docx", {
        "_rels/.rels": RELS.format(ns=TRANSITIONAL_REL, target="word/document.xml"),
        "word/document.xml": f'<w:document xmlns:w="{W}"><w:body><w:p>',
    })
    with pytest.raises(UnreadableFile, match="well-formed"):
        parse_docx(path)


def test_docx_spreadsheet_package_is_unsupported(tmp_path):
    path = zip_with(tmp_path / "book.docx", {
        "_rels/.rels": RELS.format(ns=TRANSITIONAL_REL, target="xl/workbook.xml"),
        "xl/workbook.xml": '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
    })
    with pytest.raises(UnsupportedFormat):
        parse_docx(path)


def test_docx_encrypted_ole2_package(tmp_path):
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le"))
    with pytest.raises(EncryptedFile):
        parse_docx(path)


def test_docx_legacy_doc_is_unsupported(tmp_path):
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le"))
    with pytest.raises(UnsupportedFormat):
        parse_docx(path)


def test_docx_dtd_is_refused_before_entities_are_expanded(tmp_path):
    body = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "boom"><!ENTITY b "&a;&a;&a;&a;">]>'
            f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>x&b;y</w:t></w:r></w:p></w:body></w:document>')
    path = zip_with(tmp_path / "ent.docx", {
        "_rels/.rels": RELS.format(ns=TRANSITIONAL_REL, target="word/document.xml"),
        "word/document.xml": body,
    })
    with pytest.raises(DtdNotAllowed) as err:
        parse_docx(path)
    assert err.value.code == "dtd_not_allowed" and err.value.part == "word/document.xml"
    assert err.value.message.startswith("word/document.xml declares a DTD") and "boom" not in str(err.value)


_DOC_RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             f'<Relationship Id="rId1" Type="{TRANSITIONAL_REL}/styles" Target="styles.xml"/>'
             f'<Relationship Id="rId2" Type="{TRANSITIONAL_REL}/comments" Target="comments.xml"/></Relationships>')
_DTD = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]>'


@pytest.mark.parametrize("part, xml", [
    ("word/styles.xml", f'{_DTD}<w:styles xmlns:w="{W}"><w:style w:styleId="a"/></w:styles>'),
    ("word/comments.xml", f'{_DTD}<w:comments xmlns:w="{W}"/>'),
    ("docProps/core.xml", f'{_DTD}<cp:coreProperties xmlns:cp="urn:x"/>'),
    ("word/_rels/document.xml.rels", _DTD + _DOC_RELS[len('<?xml version="1.0"?>'):]),
])
def test_docx_dtd_in_any_part_it_reads_is_refused(tmp_path, part, xml):
    """Side parts too, whether read whole, streamed (styles) or through python-docx (core)."""
    files = {"_rels/.rels": RELS.format(ns=TRANSITIONAL_REL, target="word/document.xml"),
             "word/_rels/document.xml.rels": _DOC_RELS,
             "word/document.xml": f'<w:document xmlns:w="{W}"><w:body><w:p/></w:body></w:document>',
             "word/styles.xml": f'<w:styles xmlns:w="{W}"/>', "word/comments.xml": f'<w:comments xmlns:w="{W}"/>'}
    files[part] = xml
    with pytest.raises(DtdNotAllowed) as err:
        parse_docx(zip_with(tmp_path / "dtd.docx", files))
    assert err.value.part == part


def test_docx_dtd_in_utf16_part_is_refused(tmp_path):
    body = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d>'
            f'<w:document xmlns:w="{W}"><w:body><w:p/></w:body></w:document>').encode("utf-16")
    path = zip_with(tmp_path / "u16.docx", {
        "_rels/.rels": RELS.format(ns=TRANSITIONAL_REL, target="word/document.xml"), "word/document.xml": body})
    with pytest.raises(DtdNotAllowed):
        parse_docx(path)


def test_docx_strict_ooxml_namespace(tmp_path):
    body = (f'<w:document xmlns:w="{STRICT}"><w:body><w:p><w:r><w:t>strict</w:t></w:r></w:p>'
            '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>')
    path = zip_with(tmp_path / "strict.docx", {
        "_rels/.rels": RELS.format(ns="http://purl.oclc.org/ooxml/officeDocument/relationships",
                                   target="/word/document.xml"),
        "word/document.xml": body,
    })
    doc = parse_docx(path)
    assert doc.blocks[0].text == "strict"
    assert next(doc.iter_tables()).rows[0].cells[0].text == "cell"


def test_docx_damaged_side_part_is_a_diagnostic(tmp_path):
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{TRANSITIONAL_REL}/comments" Target="comments.xml"/></Relationships>')
    path = zip_with(tmp_path / "side.docx", {
        "_rels/.rels": RELS.format(ns=TRANSITIONAL_REL, target="word/document.xml"),
        "word/_rels/document.xml.rels": rels,
        "word/document.xml": f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>ok</w:t></w:r></w:p></w:body></w:document>',
        "word/comments.xml": "<w:comments",
    })
    doc = parse_docx(path)
    assert doc.blocks[0].text == "ok" and doc.comments == ()
    assert [(d.code, d.source_ref) for d in doc.diagnostics] == [("part_unreadable", "word/comments.xml")]
    assert "word/comments.xml" in doc.diagnostics[0].message and "comments are missing" in doc.diagnostics[0].message


def test_docx_damaged_copies_never_crash(tmp_path, fixtures_dir):
    """Truncated or bit-flipped parts and zips: a Document or an IngestError, nothing else."""
    import random

    from parsers.errors import IngestError
    src = fixtures_dir / "img-hre-draft-workplan.docx"
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    names = ["word/document.xml", "word/styles.xml", "word/comments.xml", "word/footnotes.xml",
             "word/numbering.xml", "word/commentsExtended.xml", "_rels/.rels", "word/_rels/document.xml.rels"]
    rng = random.Random(7)
    outcomes = set()
    for i in range(60):
        name = names[i % len(names)]
        data = bytearray(parts[name])
        if i % 3 == 0:
            data = data[: rng.randrange(len(data))]
        elif i % 3 == 1:
            for _ in range(5):
                data[rng.randrange(len(data))] = rng.randrange(256)
        else:
            data = bytearray(data.decode("utf-8", "replace")
                             .replace('w:val="', 'w:val="99999999999', 5).replace('w:id="', 'w:id="x', 3).encode())
        path = tmp_path / f"m{i}.docx"
        zip_with(path, {n: bytes(data) if n == name else b for n, b in parts.items()})
        try:
            parse_docx(path)
            outcomes.add("parsed")
        except IngestError:
            outcomes.add("error")
    raw = src.read_bytes()
    for i in range(20):
        damaged = bytearray(raw)
        for _ in range(20):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        path = tmp_path / f"z{i}.docx"
        path.write_bytes(bytes(damaged))
        try:
            parse_docx(path)
            outcomes.add("parsed")
        except IngestError:
            outcomes.add("error")
    assert outcomes == {"parsed", "error"}
