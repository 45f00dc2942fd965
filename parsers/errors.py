"""Fatal errors: one hierarchy rooted at `IngestError`.

A fatal error stops one document, never a batch: `ingest.batch` catches it, gives
the file `status=failed` and an error diagnostic, and goes on. Each class names
its code in the catalogue (`parsers.diagnostics`), which gives the error its
message template and its default `remedy` (what to do). Recoverable problems are
not exceptions but `Diagnostic`s.
"""

from __future__ import annotations

from .diagnostics import lookup


class IngestError(Exception):
    """Root of every error the pipeline raises on purpose.

    reason (str): what went wrong, naming the file or part; it fills the
        template's {reason} field, and the result is `message`.
    remedy (str | None): what to do; None takes the catalogue's remedy.
    source_ref (str | None): where in the file, when one place is to blame.
    """

    # Raising the root itself is a bug: a subclass says what went wrong.
    code = "internal_error"

    def __init__(self, reason: str, remedy: str | None = None, *, source_ref: str | None = None):
        self.reason = reason
        self.message = lookup(self.code).format(**self._fields(reason))
        super().__init__(self.message)
        self.remedy = lookup(self.code).remedy if remedy is None else remedy
        self.source_ref = source_ref

    def _fields(self, reason: str) -> dict:
        """The template's fields (subclasses with other templates override this)."""
        return {"reason": reason}

    def __str__(self) -> str:
        return f"{self.message} {self.remedy}".strip()


class UnsupportedFormat(IngestError):
    """Raised when a file is not a format the pipeline reads (by content, not by name)."""

    code = "unsupported_format"


class UnreadableFile(IngestError):
    """Raised when a file has a supported format but cannot be read (corrupt, truncated)."""

    code = "unreadable_file"


class EncryptedFile(UnreadableFile):
    """Raised when a file is password-protected."""

    code = "encrypted"


class LegacyFormat(UnsupportedFormat):
    """Raised when a file is in a legacy binary format (Word 97-2003 .doc) we do not read."""

    code = "legacy_format"


class NoTextLayer(UnreadableFile):
    """Raised when a PDF has pages but no text on them (a scan)."""

    code = "no_text_layer"


class DtdNotAllowed(IngestError):
    """Raised when an XML part of a .docx declares a DTD (<!DOCTYPE ...>).

    Word never writes one; a DTD is how XML entity attacks (external entities that
    read local files, "billion laughs") arrive, so the file is refused before any
    entity could be expanded. part (str): the part's name in the package.
    """

    code = "dtd_not_allowed"

    def __init__(self, part: str):
        self.part = part
        super().__init__(f"{part} declares a DTD")

    def _fields(self, reason: str) -> dict:
        return {"part": self.part}


class LimitExceeded(IngestError):
    """Raised when a file breaks a resource limit (size, inflated size, pages)."""

    code = "limit_exceeded"


class OutputError(IngestError):
    """Raised when the output folder cannot be written."""

    code = "output_error"
