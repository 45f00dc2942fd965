"""Text exports in other encodings, line ends and bad bytes: read right or refused clearly."""

from __future__ import annotations

import codecs
import struct
import zlib

import pytest

from parsers.errors import UnreadableFile, UnsupportedFormat
from parsers.text import parse_text

SAMPLE = ("Secretary-General\u2019s Call to Action \u2013 caf\u00e9 na\u00efve\n"
          "\tProposed output\n\tIndicative timeline\n\n\tJoint guidance\n\tQ3 2021\n")


def _write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _check(doc):
    assert doc.blocks[0].text == "Secretary-General\u2019s Call to Action \u2013 caf\u00e9 na\u00efve"
    (table,) = list(doc.iter_tables())
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["Proposed output", "Indicative timeline"], ["Joint guidance", "Q3 2021"]]


@pytest.mark.parametrize("name,data,encoding", [
    ("utf8.txt", SAMPLE.encode("utf-8"), "utf-8"),
    ("utf8-bom.txt", codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8"),
    ("utf16le.txt", codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16-le"),
    ("utf16be.txt", codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16-be"),
    ("utf16le-nobom.txt", SAMPLE.encode("utf-16-le"), "utf-16-le"),
    ("crlf.txt", SAMPLE.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    ("cr.txt", SAMPLE.replace("\n", "\r").encode("utf-8"), "utf-8"),
])
def test_text_encodings_are_read_without_loss(tmp_path, name, data, encoding):
    doc = parse_text(_write(tmp_path, name, data))
    _check(doc)
    assert doc.properties["encoding"] == encoding
    assert not [d for d in doc.diagnostics if d.severity != "info"]


def test_text_cp1252_is_detected_not_guessed_as_another_code_page(tmp_path):
    doc = parse_text(_write(tmp_path, "ansi.txt", SAMPLE.replace("\n", "\r\n").encode("cp1252")))
    _check(doc)
    assert doc.properties["encoding"] == "cp1252"
    (guess,) = [d for d in doc.diagnostics if d.code == "encoding_guess"]
    assert guess.severity == "info" and "cp1252" in guess.message


def test_text_stray_nul_bytes_are_stripped_with_a_warning(tmp_path):
    data = SAMPLE.encode("utf-8").replace(b"Call", b"Ca\x00ll").replace(b"Q3", b"Q\x003")
    doc = parse_text(_write(tmp_path, "nul.txt", data))
    _check(doc)
    (warning,) = [d for d in doc.diagnostics if d.code == "nul_removed"]
    assert warning.severity == "warning" and "2 NUL" in warning.message


def _png() -> bytes:
    raw = b"".join(b"\x00" + bytes((x * y) % 256 for x in range(64)) for y in range(64))
    chunk = lambda kind, body: (struct.pack(">I", len(body)) + kind + body  # noqa: E731
                                + struct.pack(">I", zlib.crc32(kind + body)))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 64, 64, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


@pytest.mark.parametrize("data", [
    _png(),
    bytes(range(256)) * 40,
    zlib.compress(SAMPLE.encode() * 200),
], ids=["png", "all-bytes", "zlib"])
def test_text_binary_renamed_txt_is_unsupported(tmp_path, data):
    with pytest.raises(UnsupportedFormat, match="not a text file|not text"):
        parse_text(_write(tmp_path, "image.txt", data))


def test_text_empty_file_is_unreadable(tmp_path):
    with pytest.raises(UnreadableFile, match="is empty"):
        parse_text(_write(tmp_path, "empty.txt", b""))


def test_text_missing_file_is_unreadable(tmp_path):
    with pytest.raises(UnreadableFile, match="cannot be read"):
        parse_text(tmp_path / "nowhere.txt")


def test_text_whitespace_only_file_gives_an_empty_document(tmp_path):
    doc = parse_text(_write(tmp_path, "blank.txt", b" \n\n\t\n"))
    assert all(not p.text.strip() for p in doc.iter_paragraphs())
    assert not doc.notes and not doc.comments


def test_text_one_enormous_line_finishes(tmp_path):
    # ~20 MB on one line, full of the characters the inline scanner looks at
    unit = "lorem [[ ipsum [1: x ] [footnoteRef:3] \tComment by A: b ]] "
    line = unit * (20_000_000 // len(unit))
    doc = parse_text(_write(tmp_path, "huge.txt", line.encode("utf-8")))
    (paragraph,) = list(doc.iter_paragraphs())
    assert paragraph.text == "lorem [[ ipsum [1: x ]  "  # the mark is gone, its spaces stay
    assert len(doc.comments) == line.count("\tComment by ")
