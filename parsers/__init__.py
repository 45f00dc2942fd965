"""Parsers: one module per format, each filling the shared model in `parsers.model`.

`parse(path)` picks the parser by the file's content first and its suffix second,
so a text file named .docx is reported for what it is.
"""

from __future__ import annotations

from pathlib import Path

from .errors import IngestError, UnsupportedFormat
from .model import Document

SUFFIXES = {".docx": "docx", ".docm": "docx", ".pdf": "pdf", ".txt": "txt",
            ".text": "txt", ".md": "txt"}


def detect_format(path: str | Path) -> str:
    """The format of a file ("docx", "pdf", "txt") from its first bytes and suffix.

    Raises UnsupportedFormat when the content is neither.
    """
    path = Path(path)
    with open(path, "rb") as f:
        head = f.read(8)
    suffix = SUFFIXES.get(path.suffix.lower())
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "docx"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        # OLE2: legacy .doc, or an encrypted OOXML package
        from .errors import EncryptedFile
        if suffix == "docx":
            raise EncryptedFile(f"{path.name} is an encrypted Office file.")
        raise UnsupportedFormat(f"{path.name} is a legacy Word 97-2003 (.doc) file.",
                                "Save it as .docx in Word or LibreOffice and ingest it again.")
    if suffix == "txt":
        return "txt"
    raise UnsupportedFormat(f"{path.name} is not a .docx, .pdf or text file (suffix {path.suffix!r}).")


def parse(path: str | Path) -> Document:
    """Parse one file into a Document, choosing the parser by content and suffix."""
    fmt = detect_format(path)
    if fmt == "docx":
        from .docx import parse_docx
        return parse_docx(path)
    if fmt == "pdf":
        from .pdf import parse_pdf
        return parse_pdf(path)
    from .text import parse_text
    return parse_text(path)


__all__ = ["parse", "detect_format", "Document", "IngestError"]
