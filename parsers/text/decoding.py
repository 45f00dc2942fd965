"""Bytes of a text export -> str with "\\n" line ends, plus what was done to get it.

Order of checks, and why:
1. Empty file: nothing to parse (UnreadableFile).
2. Byte-order mark: certain, so it wins (UTF-8, UTF-16/32 LE/BE).
3. NUL bytes: UTF-16 without a BOM has them at every other byte; a binary file
   (an image renamed .txt) has many, and control bytes besides (UnsupportedFormat);
   a few stray NULs in real text are stripped with a warning.
4. Strict UTF-8: valid UTF-8 with non-ASCII bytes is practically never anything else.
5. charset-normalizer for the rest (Windows-1252 and other legacy code pages); when
   it finds no encoding the file is not text (UnsupportedFormat).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from ..diagnostics import make
from ..errors import UnreadableFile, UnsupportedFormat
from ..model import Diagnostic

_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
SAMPLE = 1 << 16  # bytes looked at to tell text from binary
MAX_NUL_SHARE = 0.05  # more NULs than this (and not UTF-16) means binary
MAX_CONTROL_SHARE = 0.05  # C0 controls other than \t \n \r \f \v \x1a
_TEXT_CONTROLS = {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1A}
# Windows-1252 is Word's ANSI code page for English, French and Spanish; when
# charset-normalizer rates it as good as its first pick, we take it.
PREFERRED_LEGACY = "cp1252"


@dataclass(frozen=True)
class Decoded:
    """text: the file's text, line ends normalised to "\\n", BOM and NULs removed.
    encoding: the Python codec name used. diagnostics: what the reader had to do."""

    text: str
    encoding: str
    diagnostics: tuple[Diagnostic, ...]


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _utf16_without_bom(data: bytes) -> str | None:
    """The codec when NULs sit on one parity of byte positions, as UTF-16 text does."""
    sample = data[:SAMPLE]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2 or 1
    if odd > 0.3 * half and even < 0.05 * odd:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * even:
        return "utf-16-be"
    return None


def _control_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    bad = sum(1 for b in sample if (b < 0x20 and b not in _TEXT_CONTROLS) or b == 0x7F)
    return bad / len(sample)


def _decode_replacing(data: bytes, codec: str, diagnostics: list[Diagnostic]) -> str:
    """`data` decoded with `codec`, bytes it cannot decode replaced with U+FFFD; each
    replacement is a lost character, reported as `invalid_bytes_replaced`."""
    text = data.decode(codec, errors="replace")
    if "\ufffd" in text:
        # Genuine U+FFFD characters survive errors="ignore"; replacements do not.
        replaced = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
        if replaced:
            diagnostics.append(make("invalid_bytes_replaced", None, count=replaced, encoding=codec))
    return text


def _decode_legacy(data: bytes, name: str, diagnostics: list[Diagnostic]) -> tuple[str, str]:
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise UnsupportedFormat(f"{name} is not text: no character encoding fits its bytes "
                                "(is it a binary file renamed .txt?).")
    encoding = best.encoding
    if PREFERRED_LEGACY in best.could_be_from_charset:
        encoding = PREFERRED_LEGACY
    else:
        for m in matches:
            if (PREFERRED_LEGACY in m.could_be_from_charset and m.chaos <= best.chaos
                    and m.coherence >= best.coherence):
                encoding = PREFERRED_LEGACY
                break
    clue = f"its bytes by charset-normalizer (chaos {best.chaos:.2f})"
    diagnostics.append(make("encoding_guess", None, encoding=encoding, clue=clue))
    return _decode_replacing(data, encoding, diagnostics), encoding


def decode_bytes(data: bytes, name: str = "file") -> Decoded:
    """The text of a text export's bytes; raises UnreadableFile (empty) or
    UnsupportedFormat (binary). `name` is used in messages only."""
    diagnostics: list[Diagnostic] = []
    if not data:
        raise UnreadableFile(f"{name} is empty.", "Export the document again; the file has no bytes.")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _decode_replacing(data[len(bom):], codec, diagnostics)
            return _finish(text, codec, diagnostics, name)
    if 0 in data:
        codec = _utf16_without_bom(data)
        if codec is not None:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                text = None
            if text is not None and _control_share(text[:SAMPLE].encode("utf-8", "replace")) < MAX_CONTROL_SHARE:
                diagnostics.append(make("encoding_guess", None, encoding=codec,
                                        clue="NUL bytes on alternate positions (UTF-16 without a byte-order mark)"))
                return _finish(text, codec, diagnostics, name)
        sample = data[:SAMPLE]
        if sample.count(0) > MAX_NUL_SHARE * len(sample) or _control_share(sample) > MAX_CONTROL_SHARE:
            raise UnsupportedFormat(f"{name} is not a text file: it holds binary data "
                                    "(NUL and control bytes).")
        n_nul = data.count(0)
        data = data.replace(b"\x00", b"")
        diagnostics.append(make("nul_removed", None, count=n_nul, unit="byte"))
        if not data:
            raise UnreadableFile(f"{name} holds only NUL bytes.")
    elif _control_share(data[:SAMPLE]) > MAX_CONTROL_SHARE:
        raise UnsupportedFormat(f"{name} is not a text file: it holds binary control bytes.")
    try:
        return _finish(data.decode("utf-8"), "utf-8", diagnostics, name)
    except UnicodeDecodeError:
        pass
    text, encoding = _decode_legacy(data, name, diagnostics)
    return _finish(text, encoding, diagnostics, name)


def _finish(text: str, encoding: str, diagnostics: list[Diagnostic], name: str) -> Decoded:
    if "\x00" in text:  # UTF-16 text can carry U+0000 too
        diagnostics.append(make("nul_removed", None, count=text.count("\x00"), unit="character"))
        text = text.replace("\x00", "")
    return Decoded(_normalise(text), encoding, tuple(diagnostics))


def read_text(path: str | Path) -> Decoded:
    """The decoded text of the file at `path` (see `decode_bytes`)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"{path.name} cannot be read: {exc.strerror or exc}.") from exc
    return decode_bytes(data, path.name)
