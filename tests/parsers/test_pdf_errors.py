"""Bad PDFs: encrypted with a real password, scans, truncated or fake files raise
the matching IngestError; an empty user password is read."""

from __future__ import annotations

import pytest

from parsers.errors import EncryptedFile, NoTextLayer, UnreadableFile
from parsers.pdf import parse_pdf


def test_pdf_empty_user_password_is_read(tmp_path, pdf_samples):
    doc = parse_pdf(pdf_samples.encrypted(tmp_path / "open.pdf", user_password=""))
    assert [p.text for p in doc.iter_paragraphs()] == ["Encrypted workplan text"]


def test_pdf_real_password_raises_encrypted(tmp_path, pdf_samples):
    with pytest.raises(EncryptedFile) as err:
        parse_pdf(pdf_samples.encrypted(tmp_path / "locked.pdf", user_password="secret"))
    assert err.value.code == "encrypted" and "locked.pdf" in err.value.message


def test_pdf_scan_raises_no_text_layer(tmp_path, pdf_samples):
    with pytest.raises(NoTextLayer) as err:
        parse_pdf(pdf_samples.image_only(tmp_path / "scan.pdf"))
    assert err.value.code == "no_text_layer"


def test_pdf_truncated_raises_unreadable(tmp_path, fixtures_dir, pdf_samples):
    path = pdf_samples.truncated(tmp_path / "cut.pdf", fixtures_dir / "emg-workplan-2018.pdf")
    with pytest.raises(UnreadableFile) as err:
        parse_pdf(path)
    assert type(err.value) is UnreadableFile


@pytest.mark.parametrize("data", [b"%PDF-1.7\n", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF",
                                  b"not a pdf at all", b""])
def test_pdf_garbage_raises_unreadable(tmp_path, data):
    path = tmp_path / "bad.pdf"
    path.write_bytes(data)
    with pytest.raises(UnreadableFile):
        parse_pdf(path)
