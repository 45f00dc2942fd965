"""Parsers: one module per format, each filling the shared model in `parsers.model`.

`parse(path, limits)` picks the parser by the file's content first and its suffix
second, so a text file named .docx is reported for what it is. Before a parser
runs, `parsers.safety` checks the file against the limits (size, zip bombs, forged
zip sizes, PDF pages, DTDs) and after it cuts table rows to the limit; OLE2 files (encrypted Office
files, legacy .doc) go to `parsers.legacy`.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import IngestError, UnsupportedFormat
from .model import Document

if TYPE_CHECKING:
    from .limits import Limits

SUFFIXES = {".docx": "docx", ".docm": "docx", ".pdf": "pdf", ".txt": "txt",
            ".text": "txt", ".md": "txt", ".doc": "doc", ".xlsx": "xlsx", ".xlsm": "xlsx",
            ".xls": "doc", ".csv": "csv", ".tsv": "csv", ".tab": "csv", ".odt": "odf", ".ods": "odf",
            ".rtf": "rtf", ".html": "html", ".htm": "html"}
_HTML_START = re.compile(rb"<!doctype html|<html[\s>]")

# First bytes of formats people save by mistake under a workplan's name, so the
# error says what the file is rather than only what it is not.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"), (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"), (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"), (b"<?xml", "an XML file"),
)


def detect_format(path: str | Path) -> str:
    """The format of a file from its first bytes and suffix: "docx", "xlsx" (a zip whose
    directory names xl/workbook.xml), "pdf", "txt", "csv" (.csv/.tsv text), or "ole2"
    (an encrypted Office file, a legacy .doc or .xls; see parsers.legacy), or "odf"
    (OpenDocument text or spreadsheet, converted by LibreOffice: parsers.legacy).

    Raises UnsupportedFormat when the content is none of them.
    """
    path = Path(path)
    with open(path, "rb") as f:
        head = f.read(16)
    suffix = SUFFIXES.get(path.suffix.lower())
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        from .legacy import odf_kind
        from .xlsx.package import is_workbook
        with open(path, "rb") as f:
            if odf_kind(f.read(128)):
                return "odf"
        return "xlsx" if is_workbook(path) else "docx"
    if head.startswith(b"%PDF") or (b"%PDF-" in head and suffix == "pdf"):
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole2"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if suffix == "html" or _HTML_START.match(head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()):
        return "html"
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise UnsupportedFormat(f"{path.name} is {what}, not a workplan (.docx, .pdf or text).",
                                    "Save the workplan as .docx, .pdf or .txt and ingest that file.")
    if suffix in ("txt", "csv"):
        return suffix
    if suffix in ("docx", "pdf", "doc", "xlsx") and head and _looks_like_text(path):
        raise UnsupportedFormat(f"{path.name} is named {path.suffix} but holds plain text.",
                                "Rename it to .txt (or save it again from Word) and ingest it again.")
    if not head:
        raise UnsupportedFormat(f"{path.name} is empty (0 bytes).",
                                "Save or export the document again; the file has no content.")
    raise UnsupportedFormat(f"{path.name} is not a .docx, .pdf or text file (suffix {path.suffix!r}).")


def _looks_like_text(path: Path) -> bool:
    with open(path, "rb") as f:
        sample = f.read(4096)
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.start < len(sample) - 4:  # not just a character cut at the sample's end
            return False
    return b"\x00" not in sample


def parse(path: str | Path, limits: Limits | None = None) -> Document:
    """Parse one file into a Document, choosing the parser by content and suffix.

    limits: the resource limits to enforce (see parsers.limits); None means defaults.
    Raises an IngestError subclass for any file that cannot be read within them.
    """
    from . import safety

    if limits is None:
        from .limits import Limits
        limits = Limits()
    path = Path(path)
    safety.check_file_size(path, limits.max_file_size)
    fmt = detect_format(path)
    if fmt == "ole2":
        from .legacy import parse_ole2
        doc = parse_ole2(path, lambda p: _parse_docx(p, limits), limits.convert_timeout,
                         parse_xlsx=lambda p: _parse_xlsx(p, limits))
    elif fmt in ("rtf", "html"):
        from .legacy import parse_converted
        doc = parse_converted(path, fmt, lambda p: _parse_docx(p, limits), limits.convert_timeout)
    elif fmt == "odf":
        from .legacy import odf_kind, parse_odf
        safety.check_zip(path, max_uncompressed=limits.max_uncompressed, max_ratio=limits.max_ratio,
                         ratio_floor=limits.ratio_floor, max_entries=limits.max_entries)  # before LibreOffice
        with open(path, "rb") as f:
            kind = odf_kind(f.read(128))
        doc = parse_odf(path, kind, lambda p: _parse_docx(p, limits), lambda p: _parse_xlsx(p, limits),
                        limits.convert_timeout)
    elif fmt == "docx":
        doc = _parse_docx(path, limits)
    elif fmt == "xlsx":
        doc = _parse_xlsx(path, limits)
    elif fmt == "csv":
        from .xlsx.delimited import parse_delimited
        doc = parse_delimited(path, limits.max_rows)
    elif fmt == "pdf":
        safety.check_pdf(path, limits.max_pages)
        try:
            from .pdf import parse_pdf
        except ModuleNotFoundError as e:
            if e.name != f"{__name__}.pdf":
                raise
            raise UnsupportedFormat(f"{path.name}: this installation has no PDF reader.",
                                    "Convert the PDF to .docx or .txt, or install a build with PDF support.") from e
        doc = parse_pdf(path)
    else:
        from .text import parse_text
        doc = parse_text(path)
    return safety.check_rows(doc, limits.max_rows)


def _parse_docx(path: Path, limits: Limits) -> Document:
    from . import safety
    from .docx import parse_docx

    notes = safety.check_zip(path, max_uncompressed=limits.max_uncompressed, max_ratio=limits.max_ratio,
                             ratio_floor=limits.ratio_floor, max_entries=limits.max_entries)
    doc = parse_docx(path)
    if notes:
        doc = dataclasses.replace(doc, diagnostics=(*notes, *doc.diagnostics))
    return doc


def _parse_xlsx(path: Path, limits: Limits) -> Document:
    from . import safety
    from .xlsx import parse_xlsx

    notes = safety.check_zip(path, max_uncompressed=limits.max_uncompressed, max_ratio=limits.max_ratio,
                             ratio_floor=limits.ratio_floor, max_entries=limits.max_entries)
    doc = parse_xlsx(path, limits.max_rows)
    if notes:
        doc = dataclasses.replace(doc, diagnostics=(*notes, *doc.diagnostics))
    return doc


__all__ = ["parse", "detect_format", "Document", "IngestError"]
