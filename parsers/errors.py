"""Fatal errors: one hierarchy rooted at `IngestError`.

A fatal error stops one document, never a batch: `ingest.batch` catches it, gives
the file `status=failed` (or `partial`) and an error diagnostic, and goes on.
Each error has a user-facing `message` and a `remedy` that says what to do.
Recoverable problems are not exceptions but `Diagnostic`s (parsers/diagnostics.py).
"""

from __future__ import annotations


class IngestError(Exception):
    """Root of every error the pipeline raises on purpose."""

    code = "ingest_error"
    remedy = ""

    def __init__(self, message: str, remedy: str | None = None, *, source_ref: str | None = None):
        super().__init__(message)
        self.message = message
        if remedy is not None:
            self.remedy = remedy
        self.source_ref = source_ref

    def __str__(self) -> str:
        return f"{self.message} {self.remedy}".strip()


class UnsupportedFormat(IngestError):
    """Raised when a file is not a format the pipeline reads (by content, not by name)."""

    code = "unsupported_format"
    remedy = "Save it as .docx, .pdf or .txt and ingest it again."


class UnreadableFile(IngestError):
    """Raised when a file has a supported format but cannot be read (corrupt, truncated)."""

    code = "unreadable_file"
    remedy = "Open it in Word or a PDF reader, save a fresh copy and ingest that copy."


class EncryptedFile(UnreadableFile):
    """Raised when a file is password-protected."""

    code = "encrypted"
    remedy = "The file is encrypted: remove the password (save an unprotected copy) and ingest it again."


class LegacyFormat(UnsupportedFormat):
    """Raised when a file is in a legacy binary format (Word 97-2003 .doc) we do not read."""

    code = "legacy_format"
    remedy = "Save it as .docx in Word or LibreOffice and ingest it again."


class NoTextLayer(UnreadableFile):
    """Raised when a PDF has pages but no text on them (a scan)."""

    code = "no_text_layer"
    remedy = "The PDF is a scanned image: run OCR on it (or get the Word original) and ingest the result."


class LimitExceeded(IngestError):
    """Raised when a file breaks a resource limit (size, inflated size, pages, rows, time)."""

    code = "limit_exceeded"
    remedy = "If the file is genuine, raise the limit with the matching --max-* option."


class OutputError(IngestError):
    """Raised when the output folder cannot be written."""

    code = "output_error"
    remedy = "Check that the output folder's parent exists and is writable."
