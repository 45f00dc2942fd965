"""Pre-checks run before a parser touches a file: size, zip structure, PDF shape,
row counts. Each check either passes (maybe with info diagnostics) or raises the
typed error that tells the user what is wrong and what to do.

Why a zip is checked before the .docx parser opens it (issue "Trustworthy batches"):
* `zipfile.ZipFile` builds one object per central-directory record, so the entry
  count is read from the end-of-central-directory record first (`_end_record`).
* A zip bomb is refused from the sizes the central directory declares (total and
  per-entry ratio) before one byte is inflated.
* `zipfile` trusts those declared sizes: it stops returning data at the declared
  size, but `ZipFile.read` inflates the whole compressed stream first, so an entry
  that declares 1 KB and inflates to 1 GB would still take 1 GB of memory. Every
  entry is therefore inflated once here, in 64 KB steps, and refused as soon as it
  yields more than it declares (`_verify_entry`). This costs one extra inflate of
  the package (milliseconds for a workplan) and bounds memory by the chunk size.
"""

from __future__ import annotations

import dataclasses
import os
import struct
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO

from .diagnostics import make
from .errors import DtdNotAllowed, EncryptedFile, LimitExceeded, UnreadableFile
from .model import Diagnostic, Document, Paragraph, Table

_EOCD = b"PK\x05\x06"
_EOCD64_LOCATOR = b"PK\x06\x07"
_EOCD64 = b"PK\x06\x06"
_LOCAL = b"PK\x03\x04"
_CHUNK = 1 << 16
# A central-directory record is 46 bytes plus name, extra field and comment; Word's
# part names are short. Larger directories per entry mean padding or a forged count.
_MAX_DIR_BYTES_PER_ENTRY = 1024
_MACRO_PARTS = ("vbaproject.bin", "vbadata.xml")
# "<!DOCTYPE" as ASCII/UTF-8 and UTF-16: the encodings an XML part may use.
_DOCTYPE = tuple("<!DOCTYPE".encode(encoding) for encoding in ("ascii", "utf-16-le", "utf-16-be"))
_XML_SUFFIXES = (".xml", ".rels")


def check_file_size(path: Path, max_file_size: int) -> int:
    """The size of the file in bytes; raises LimitExceeded above `max_file_size`."""
    size = os.stat(path).st_size
    if size > max_file_size:
        raise LimitExceeded(f"{path.name} is {_mb(size)}, larger than the {_mb(max_file_size)} limit.",
                            "If the file is genuine, raise the limit with --max-file-size.")
    return size


def check_zip(path: Path, *, max_uncompressed: int, max_ratio: float, ratio_floor: int,
              max_entries: int) -> list[Diagnostic]:
    """Info diagnostics for a zip package that passes every check (macros present).

    Raises UnreadableFile (truncated, corrupt, sizes that lie, unknown compression),
    EncryptedFile (zip-level encryption), LimitExceeded (too many entries, too
    large once inflated, an entry that inflates more than `max_ratio` times) or
    DtdNotAllowed (an XML part, read or not by the parser, declares a DTD).
    """
    path = Path(path)
    with open(path, "rb") as fp:
        n_entries, dir_size = _end_record(fp, path.name)
        if n_entries > max_entries or dir_size > max_entries * _MAX_DIR_BYTES_PER_ENTRY:
            raise LimitExceeded(f"{path.name} is a zip with {n_entries} entries "
                                f"({_mb(dir_size)} of directory); the limit is {max_entries}.",
                                "A Word file has a few dozen entries: this one is damaged or "
                                "hostile. Re-save it from Word if it is genuine.")
        try:
            with zipfile.ZipFile(fp) as zf:
                infos = zf.infolist()
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, struct.error) as e:
            raise UnreadableFile(f"{path.name} is a damaged zip ({e}).") from e
        total = sum(i.file_size for i in infos)
        if total > max_uncompressed:
            raise LimitExceeded(f"{path.name} declares {_mb(total)} once unpacked "
                                f"(limit {_mb(max_uncompressed)}); nothing was unpacked.",
                                "If the file is genuine, raise the limit with --max-uncompressed.")
        for info in infos:
            _check_entry(info, path.name, max_ratio, ratio_floor)
        for info in infos:
            _verify_entry(fp, info, path.name)
        _refuse_dtds(fp, infos)
    macros = [i.filename for i in infos if i.filename.lower().rsplit("/", 1)[-1] in _MACRO_PARTS]
    if macros:
        return [make("macros_ignored", None, parts=", ".join(macros))]
    return []


def _check_entry(info: zipfile.ZipInfo, name: str, max_ratio: float, ratio_floor: int) -> None:
    if info.flag_bits & 0x1:
        raise EncryptedFile(f"{name} is an encrypted zip (entry {info.filename}).")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        # Office writes only stored and deflated entries; other methods (bzip2,
        # lzma, deflate64) are refused rather than handed to less-hardened codecs.
        raise UnreadableFile(f"{name}: entry {info.filename} uses compression method "
                             f"{info.compress_type}, which Office files never use.")
    if info.compress_type == zipfile.ZIP_STORED and info.file_size != info.compress_size:
        raise UnreadableFile(f"{name}: entry {info.filename} is stored uncompressed but declares "
                             f"{info.file_size} bytes for {info.compress_size} bytes of data.")
    if info.file_size >= ratio_floor:
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > max_ratio:
            raise LimitExceeded(f"{name}: entry {info.filename} would inflate {ratio:.0f} times "
                                f"(to {_mb(info.file_size)}); the limit is {max_ratio:g} times. "
                                "This is how a zip bomb looks; nothing was unpacked.",
                                "If the file is genuine, raise the limit with --max-ratio.")


def _verify_entry(fp: BinaryIO, info: zipfile.ZipInfo, name: str) -> None:
    """Inflate one entry in bounded steps; raise UnreadableFile when its data does not
    match what the directory declares (more or fewer bytes, truncated stream)."""
    if info.compress_type != zipfile.ZIP_DEFLATED or info.compress_size == 0:
        return
    if not 0 <= info.header_offset <= os.fstat(fp.fileno()).st_size - 30:
        raise UnreadableFile(f"{name}: entry {info.filename} points outside the file (damaged zip).")
    fp.seek(info.header_offset)
    header = fp.read(30)
    if len(header) < 30 or not header.startswith(_LOCAL):
        raise UnreadableFile(f"{name}: entry {info.filename} has no local header (damaged zip).")
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    fp.seek(info.header_offset + 30 + name_len + extra_len)
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    left, produced, buf = info.compress_size, 0, b""
    try:
        while True:
            if not buf:
                if left <= 0:
                    break
                buf = fp.read(min(_CHUNK, left))
                if not buf:
                    raise UnreadableFile(f"{name} is truncated (entry {info.filename} is cut short).")
                left -= len(buf)
            produced += len(inflater.decompress(buf, _CHUNK))
            buf = inflater.unconsumed_tail
            if produced > info.file_size:
                raise UnreadableFile(f"{name}: entry {info.filename} inflates to more than the "
                                     f"{info.file_size} bytes it declares (forged sizes).")
            if inflater.eof:
                break
    except zlib.error as e:
        raise UnreadableFile(f"{name}: entry {info.filename} is corrupt ({e}).") from e
    if produced != info.file_size:
        raise UnreadableFile(f"{name}: entry {info.filename} inflates to {produced} bytes, "
                             f"not the {info.file_size} it declares (damaged zip).")


def _refuse_dtds(fp: BinaryIO, infos: list[zipfile.ZipInfo]) -> None:
    """Raise DtdNotAllowed for the first XML part that holds a DOCTYPE declaration.

    The .docx parser refuses a DTD in every part it reads (docx.package.refuse_dtd);
    this covers the parts it never reads too, so that any DTD in the package fails
    the file. Runs after _verify_entry: the sizes are known to be true, so
    inflating in steps is bounded.
    """
    overlap = max(len(m) for m in _DOCTYPE) - 1  # a marker may straddle two chunks
    with zipfile.ZipFile(fp) as zf:
        for info in infos:
            if not info.filename.lower().endswith(_XML_SUFFIXES):
                continue
            tail = b""
            try:
                with zf.open(info) as part:
                    while chunk := part.read(_CHUNK):
                        window = tail + chunk
                        if any(marker in window for marker in _DOCTYPE):
                            raise DtdNotAllowed(info.filename)
                        tail = window[-overlap:]
            except (zipfile.BadZipFile, zlib.error, OSError, EOFError):
                continue  # a damaged part (bad CRC): the parser reports it, and cannot read a DTD in it


def _end_record(fp: BinaryIO, name: str) -> tuple[int, int]:
    """(entry count, central directory size) from the end-of-central-directory record
    (and its Zip64 form), read without building the directory."""
    fp.seek(0, os.SEEK_END)
    size = fp.tell()
    tail_len = min(size, 22 + 65535)  # the record, then a comment of at most 64 KB
    fp.seek(size - tail_len)
    tail = fp.read(tail_len)
    at = tail.rfind(_EOCD)
    if at < 0 or len(tail) - at < 22:
        raise UnreadableFile(f"{name} is a truncated or damaged zip: its end record is missing "
                             "(was the download or copy interrupted?).")
    n_entries, dir_size = struct.unpack("<HI", tail[at + 10:at + 16])
    if n_entries == 0xFFFF or dir_size == 0xFFFFFFFF:
        loc = tail.rfind(_EOCD64_LOCATOR, 0, at)
        if loc >= 0 and at - loc >= 20:
            (offset,) = struct.unpack("<Q", tail[loc + 8:loc + 16])
            fp.seek(offset)
            rec = fp.read(56)
            if len(rec) == 56 and rec.startswith(_EOCD64):
                n_entries, dir_size = struct.unpack("<QQ", rec[32:48])
    return n_entries, dir_size


def check_pdf(path: Path, max_pages: int) -> int:
    """The page count of a PDF; raises EncryptedFile (needs a password), UnreadableFile
    (damaged beyond pdfminer's repair) or LimitExceeded (more than `max_pages`)."""
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    path = Path(path)
    with open(path, "rb") as f:
        try:
            document = PDFDocument(PDFParser(f))
            n_pages = 0
            for _ in PDFPage.create_pages(document):
                n_pages += 1
                if n_pages > max_pages:
                    raise LimitExceeded(f"{path.name} has more than {max_pages} pages.",
                                        "If the file is genuine, raise the limit with --max-pages.")
        except (PDFPasswordIncorrect, PDFEncryptionError) as e:
            raise EncryptedFile(f"{path.name} is a password-protected PDF ({type(e).__name__}).") from e
        except LimitExceeded:
            raise
        except Exception as e:  # noqa: BLE001 - pdfminer raises many unrelated types on damaged files
            raise UnreadableFile(f"{path.name} is a damaged PDF ({type(e).__name__}: {e}).") from e
    if n_pages == 0:
        raise UnreadableFile(f"{path.name} is a PDF without pages.")
    return n_pages


def count_rows(doc: Document) -> int:
    """Table rows in a document, nested tables included."""
    return sum(len(table.rows) for table in doc.iter_tables())


def check_rows(doc: Document, max_rows: int) -> Document:
    """`doc` when its tables hold at most `max_rows` rows; else a copy that keeps the
    first `max_rows` rows in document order (nested tables included), drops the
    rest, and carries a `rows_truncated` warning naming how many were dropped.

    Truncating, not refusing: the text around the tables and the rows kept are
    still worth having, and the warning makes the document `partial`.
    """
    found = count_rows(doc)
    if found <= max_rows:
        return doc
    cut = _RowCut(max_rows)
    blocks = cut.blocks(doc.blocks)
    warning = make("rows_truncated", cut.first_dropped, found=found, limit=max_rows,
                   dropped=found - max_rows, first_dropped=cut.first_dropped)
    return dataclasses.replace(doc, blocks=blocks, diagnostics=(*doc.diagnostics, warning))


class _RowCut:
    """Copies blocks while `budget` rows remain, depth first: a row counts, then the
    rows of tables nested in its cells. A table left without rows is dropped."""

    def __init__(self, budget: int):
        self.budget = budget
        self.first_dropped: str | None = None  # source_ref of the first row dropped

    def blocks(self, blocks: tuple) -> tuple:
        out = []
        for block in blocks:
            if isinstance(block, Paragraph):
                out.append(block)
                continue
            table = self.table(block)
            if table is not None:
                out.append(table)
        return tuple(out)

    def table(self, table: Table) -> Table | None:
        rows = []
        for row in table.rows:
            if self.budget <= 0:
                self._dropped(row.source_ref)
                break
            self.budget -= 1
            cells = tuple(dataclasses.replace(c, blocks=self.blocks(c.blocks)) for c in row.cells)
            rows.append(dataclasses.replace(row, cells=cells))
        return dataclasses.replace(table, rows=tuple(rows)) if rows else None

    def _dropped(self, source_ref: str) -> None:
        if self.first_dropped is None:
            self.first_dropped = source_ref


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"
