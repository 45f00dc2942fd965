"""The OOXML package of a .docx: its zip, its parts found through relationships, and
each part parsed into an lxml tree by a hardened parser.

Strict OOXML (ISO 29500 Strict) uses other namespace URIs for the same elements;
we rewrite them to the Transitional ones before parsing so that the rest of the
parser deals with one vocabulary only.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from ..errors import DtdNotAllowed, EncryptedFile, LimitExceeded, UnreadableFile, UnsupportedFormat

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"

# Strict -> Transitional namespace URIs (ISO 29500-1 Strict vs. ECMA-376 Transitional).
_STRICT_MAP = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main",
     W_NS.encode()),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    (b"http://purl.oclc.org/ooxml/officeDocument/math",
     b"http://schemas.openxmlformats.org/officeDocument/2006/math"),
)

# No entity expansion, no DTD, no network: a .docx is untrusted input. A part that
# declares a DTD at all is refused (refuse_dtd) before this parser sees it.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          huge_tree=False, remove_comments=True, remove_pis=True)
# "<!DOCTYPE" as ASCII/UTF-8 and as UTF-16, the encodings an XML part may use.
_DOCTYPE = tuple("<!DOCTYPE".encode(encoding) for encoding in ("ascii", "utf-16-le", "utf-16-be"))

DEFAULT_MAX_PART_BYTES = 256 * 1024 * 1024
OLE2_MAGIC = b"\xd0\xcf\x11\xe0"
# The stream name an encrypted OOXML package carries inside its OLE2 container (MS-OFFCRYPTO).
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")


def to_transitional(data: bytes) -> bytes:
    """The bytes of an XML part with Strict namespace URIs replaced by Transitional ones."""
    if b"purl.oclc.org/ooxml" in data:
        for strict, transitional in _STRICT_MAP:
            data = data.replace(strict, transitional)
    return data


def refuse_dtd(data: bytes, part: str) -> bytes:
    """The bytes of XML part `part`, unchanged; raises DtdNotAllowed when they hold a
    DOCTYPE declaration. Word never writes one, and a DTD is where entity attacks
    (external files, "billion laughs") live: such a file is refused, not repaired.
    A "<!DOCTYPE" inside a comment or CDATA section is refused too: Word writes
    neither, so the cost is nil and the check stays a plain byte search."""
    if any(marker in data for marker in _DOCTYPE):
        raise DtdNotAllowed(part)
    return data


def parse_xml(data: bytes, part: str = "an XML part"):
    """The root element of an XML part, Strict namespaces mapped to Transitional.

    part: the part's name, for the DtdNotAllowed error.
    Raises DtdNotAllowed when the part declares a DTD, etree.XMLSyntaxError on
    malformed XML (callers decide whether that is fatal).
    """
    root = etree.fromstring(to_transitional(refuse_dtd(data, part)), _PARSER)
    if root.getroottree().docinfo.doctype:  # an encoding the byte search does not cover
        raise DtdNotAllowed(part)
    return root


class Package:
    """An opened .docx: the main document part and its related parts by role.

    Use `open_package(path)`; call `close()` (or use it as a context manager).
    """

    def __init__(self, path: Path, zf: zipfile.ZipFile, max_part_bytes: int):
        self.path = path
        self._zip = zf
        self._max = max_part_bytes
        self._names = {info.filename: info for info in zf.infolist()}
        self._lower = {name.lower(): name for name in self._names}
        self.main_part = self._find_main_part()
        self._related = self._relationships(self.main_part)

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    def has(self, name: str) -> bool:
        """True when the zip holds a part of that name (case-insensitive)."""
        return name in self._names or name.lower() in self._lower

    def read(self, name: str) -> bytes:
        """The bytes of XML part `name`; raises KeyError if absent, LimitExceeded if
        too big, DtdNotAllowed if it declares a DTD (every part read goes through here,
        so no part with a DTD reaches an XML parser)."""
        real = name if name in self._names else self._lower[name.lower()]
        info = self._names[real]
        if info.file_size > self._max:
            raise LimitExceeded(f"Part {real} inflates to {info.file_size} bytes "
                                f"(limit {self._max}).")
        return refuse_dtd(self._zip.read(info), real)

    def main_root(self):
        """The root element of the main document part (w:document)."""
        try:
            root = parse_xml(self.read(self.main_part), self.main_part)
        except etree.XMLSyntaxError as e:
            raise UnreadableFile(f"{self.path.name}: the main document part is not "
                                 f"well-formed XML ({e}).") from e
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as e:
            raise UnreadableFile(f"{self.path.name}: cannot inflate the main document "
                                 f"part ({e}).") from e
        if root.tag != W + "document":
            raise UnsupportedFormat(f"{self.path.name} is an Office package but not a Word "
                                    f"document (main part {self.main_part}).")
        return root

    def related_name(self, rel_type: str) -> str | None:
        """The part name the main part relates to by type suffix ("styles", "footnotes")."""
        return self._related.get(rel_type)

    def related_stream(self, rel_type: str):
        """A binary stream inflating the related part of that type, None when there is none.

        The stream is not checked for a DTD: parse what it gives with parse_xml and
        the part's name (stylesheet.load_styles does)."""
        name = self._related.get(rel_type)
        if name is None or not self.has(name):
            return None
        info = self._names[self._real(name)]
        if info.file_size > self._max:
            raise LimitExceeded(f"Part {info.filename} inflates to {info.file_size} bytes "
                                f"(limit {self._max}).")
        return self._zip.open(info)

    def related_bytes(self, rel_type: str) -> bytes | None:
        """The bytes of the related part of that type, None when there is none."""
        name = self._related.get(rel_type)
        if name is None or not self.has(name):
            return None
        return self.read(name)

    def _find_main_part(self) -> str:
        for target in self._targets("_rels/.rels", ""):
            if target[0] == "officeDocument" and self.has(target[1]):
                return self._real(target[1])
        if self.has("word/document.xml"):
            return self._real("word/document.xml")
        raise UnreadableFile(f"{self.path.name} has no main document part "
                             "(no officeDocument relationship, no word/document.xml).")

    def _relationships(self, part: str) -> dict[str, str]:
        rels_name = posixpath.join(posixpath.dirname(part), "_rels",
                                   posixpath.basename(part) + ".rels")
        related: dict[str, str] = {}
        for kind, name in self._targets(rels_name, posixpath.dirname(part)):
            related.setdefault(kind, name)
        # Parts at their conventional place serve when the rels file forgets them.
        base = posixpath.dirname(part)
        for kind in ("styles", "numbering", "footnotes", "endnotes", "comments",
                     "commentsExtended"):
            conventional = posixpath.join(base, kind + ".xml")
            if kind not in related and self.has(conventional):
                related[kind] = self._real(conventional)
        return related

    def _targets(self, rels_name: str, base: str) -> list[tuple[str, str]]:
        """(type suffix, part name) for each internal relationship in a .rels part."""
        if not self.has(rels_name):
            return []
        try:
            root = parse_xml(self.read(rels_name), rels_name)
        except (etree.XMLSyntaxError, zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError):
            return []
        out = []
        for rel in root.iter(REL_NS + "Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
            target = rel.get("Target") or ""
            if target.startswith("/"):
                name = target.lstrip("/")
            else:
                name = posixpath.normpath(posixpath.join(base, target))
            out.append((kind, name))
        return out

    def _real(self, name: str) -> str:
        return name if name in self._names else self._lower[name.lower()]


def open_package(path: str | Path, max_part_bytes: int = DEFAULT_MAX_PART_BYTES) -> Package:
    """The opened package of a .docx file.

    Raises EncryptedFile for a password-protected package (an OLE2 container),
    UnsupportedFormat for a legacy .doc, UnreadableFile for anything that is not
    a readable zip with a main document part.
    """
    path = Path(path)
    try:
        with open(path, "rb") as f:
            head = f.read(4)
            if head == OLE2_MAGIC:
                # Encrypted OOXML and legacy .doc are both OLE2; only the former
                # carries an EncryptionInfo stream (its name sits in the directory).
                if _ENCRYPTION_INFO in f.read():
                    raise EncryptedFile(f"{path.name} is an encrypted (password-protected) "
                                        "Word file.")
                raise UnsupportedFormat(f"{path.name} is a legacy Word 97-2003 (.doc) file.",
                                        "Save it as .docx in Word or LibreOffice and ingest it again.")
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as e:
        raise UnreadableFile(f"{path.name} is not a readable .docx (zip) file ({e}).") from e
    try:
        return Package(path, zf, max_part_bytes)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as e:
        zf.close()
        raise UnreadableFile(f"{path.name}: damaged zip data ({e}).") from e
    except BaseException:
        zf.close()
        raise
