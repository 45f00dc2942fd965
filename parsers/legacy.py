"""OLE2 compound files (first bytes D0 CF 11 E0): password-protected Office files and
legacy Word 97-2003 .doc files.

Both are OLE2 containers; we tell them apart by the names of the streams inside,
which the container's directory stores in UTF-16LE. Searching the bytes for those
names (rather than reading the directory with a full OLE2 reader) is enough here:
we only need to know which of three things the file is, never to read its streams.
* "EncryptionInfo" / "EncryptedPackage": an encrypted OOXML package (MS-OFFCRYPTO).
* "WordDocument": a Word 97-2003 binary document (MS-DOC).
* "Workbook": an Excel 97-2003 binary workbook (MS-XLS), converted to .xlsx the same way.

A legacy .doc is converted to .docx by LibreOffice when `soffice` is on PATH (in a
temporary folder, with a time limit) and parsed from that; otherwise it fails with
a message that says how to convert it. OpenDocument text (.odt) and spreadsheets
(.ods), LibreOffice's own formats, take the same road to .docx and .xlsx, and so do
RTF files and web pages (a plan saved from a browser or a wiki) to .docx.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from .diagnostics import make
from .errors import EncryptedFile, LegacyFormat, UnreadableFile, UnsupportedFormat
from .model import Document

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
_WORD = "WordDocument".encode("utf-16-le")
_EXCEL = "Workbook".encode("utf-16-le")
# kind -> (what the file is, the format LibreOffice converts it to)
_LEGACY = {"word": ("legacy Word 97-2003 .doc file", "docx"), "excel": ("legacy Excel 97-2003 .xls file", "xlsx"),
           "odt": ("text document in OpenDocument format (.odt)", "docx"),
           "ods": ("spreadsheet in OpenDocument format (.ods)", "xlsx"),
           "rtf": ("Rich Text Format document (.rtf)", "docx"), "html": ("web page (HTML)", "docx")}
# LibreOffice opens a web page in its HTML editor, which needs Writer's .docx filter named
_FILTERS = {"html": "docx:MS Word 2007 XML"}
# An OpenDocument zip stores its media type first, uncompressed: "mimetype" then the type.
_ODF_TYPES = {b"application/vnd.oasis.opendocument.text": "odt",
              b"application/vnd.oasis.opendocument.spreadsheet": "ods"}
_CHUNK = 1 << 20


def ole2_kind(path: Path) -> str:
    """"encrypted", "word", "excel" or "other" for an OLE2 file, from its stream names."""
    found_word = found_excel = False
    tail = b""
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(_CHUNK), b""):
            data = tail + chunk
            if any(name in data for name in _ENCRYPTED):
                return "encrypted"
            found_word = found_word or _WORD in data
            found_excel = found_excel or _EXCEL in data
            tail = data[-64:]  # a name may straddle two chunks
    return "word" if found_word else "excel" if found_excel else "other"


def parse_ole2(path: Path, parse_docx: Callable[[Path], Document], convert_timeout: float,
               parse_xlsx: Callable[[Path], Document] | None = None) -> Document:
    """The Document of a legacy .doc (or .xls, given `parse_xlsx`) converted by
    LibreOffice, with a `converted` info diagnostic. Raises EncryptedFile, LegacyFormat
    (no LibreOffice, or it failed) or UnsupportedFormat (an OLE2 file that is neither)."""
    path = Path(path)
    kind = ole2_kind(path)
    if kind == "encrypted":
        raise EncryptedFile(f"{path.name} is an encrypted (password-protected) Office file.")
    if kind == "excel" and parse_xlsx is not None:
        return _converted(path, parse_xlsx, convert_timeout, kind)
    if kind != "word":
        raise UnsupportedFormat(f"{path.name} is a legacy Office file (OLE2) but not a Word document.")
    return _converted(path, parse_docx, convert_timeout, kind)


def odf_kind(head: bytes) -> str | None:
    """"odt", "ods", "odf" (another OpenDocument type: a presentation, a drawing) or
    None, from a zip's first bytes (ODF 1.2 part 3, 3.3: the "mimetype" entry first)."""
    if head[30:38] != b"mimetype":
        return None
    media = head[38:38 + 64]
    return next((kind for prefix, kind in _ODF_TYPES.items() if media.startswith(prefix)),
                "odf" if media.startswith(b"application/vnd.oasis.opendocument") else None)


def parse_odf(path: Path, kind: str, parse_docx: Callable[[Path], Document],
              parse_xlsx: Callable[[Path], Document], convert_timeout: float) -> Document:
    """The Document of an OpenDocument text or spreadsheet converted by LibreOffice to
    .docx / .xlsx, with a `converted` info diagnostic. Raises LegacyFormat (no
    LibreOffice, or it failed) or UnsupportedFormat (another OpenDocument type)."""
    path = Path(path)
    if kind == "odt":
        return _converted(path, parse_docx, convert_timeout, kind)
    if kind == "ods":
        return _converted(path, parse_xlsx, convert_timeout, kind)
    raise UnsupportedFormat(f"{path.name} is an OpenDocument file but neither a text nor a spreadsheet.",
                            "Save the workplan as .docx, .xlsx or .pdf and ingest that file.")


def parse_converted(path: Path, kind: str, parse_docx: Callable[[Path], Document], convert_timeout: float) -> Document:
    """The Document of an RTF file or a web page ("rtf", "html"), converted by
    LibreOffice to .docx; LegacyFormat without LibreOffice or when it fails."""
    return _converted(Path(path), parse_docx, convert_timeout, kind)


def _converted(path: Path, parse: Callable[[Path], Document], convert_timeout: float, kind: str) -> Document:
    what, target = _LEGACY[kind]
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise LegacyFormat(f"{path.name} is a {what}; LibreOffice (soffice) "
                           "is not installed here, so it was not converted.",
                           f"Save it as .{target} in Office or LibreOffice and ingest it again "
                           f"(or install LibreOffice so that such files are converted).")
    with tempfile.TemporaryDirectory(prefix="wpi-doc-") as tmp:
        converted = _convert(soffice, path, Path(tmp), convert_timeout, what, target, _FILTERS.get(kind))
        doc = parse(converted)
    note = make("converted", None, file=path.name, what=what, target=target,
                converter=f"LibreOffice ({Path(soffice).name})")
    return dataclasses.replace(doc, path=str(path), diagnostics=(note, *doc.diagnostics))


def _convert(soffice: str, path: Path, tmp: Path, timeout: float, what: str = _LEGACY["word"][0],
             target: str = "docx", filter_spec: str | None = None) -> Path:
    # A private profile folder: soffice refuses to start beside a running instance
    # that uses the default profile, and must not write into the user's home.
    profile = (tmp / "profile").as_uri()
    cmd = [soffice, "--headless", "--norestore", f"-env:UserInstallation={profile}",
           "--convert-to", filter_spec or target, "--outdir", str(tmp / "out"), str(path)]
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                start_new_session=True, env={**os.environ, "HOME": str(tmp)})
        try:
            _, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # soffice forks: end its whole group
            proc.communicate()
            raise LegacyFormat(f"{path.name} is a {what}; LibreOffice did "
                               f"not convert it within {timeout:g} s.") from None
    except OSError as e:
        raise LegacyFormat(f"{path.name} is a {what}; LibreOffice could "
                           f"not be started ({e}).") from e
    out = tmp / "out" / f"{path.stem}.{target}"
    if proc.returncode != 0 or not out.exists():
        detail = (stderr or b"").decode("utf-8", "replace").strip()[-200:]
        raise LegacyFormat(f"{path.name} is a {what}; LibreOffice could not "
                           f"convert it ({detail or 'exit ' + str(proc.returncode)}).")
    if out.stat().st_size == 0:
        raise UnreadableFile(f"{path.name}: LibreOffice produced an empty .{target}.")
    return out
