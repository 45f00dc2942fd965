"""Opening a PDF: what you get back is an open pdfplumber PDF, or one of the fatal
errors in `parsers.errors` (encrypted, unreadable, no text layer).

pdfminer reports problems through a zoo of exception types; they are mapped here
once, so the rest of the package deals only with a PDF that opened.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psexceptions import PSException

from ..errors import EncryptedFile, NoTextLayer, UnreadableFile


def open_pdf(path: str | Path) -> pdfplumber.PDF:
    """An open pdfplumber PDF with at least one page.

    Encrypted files are tried with the empty user password (how most "protected"
    PDFs are shipped); anything else raises EncryptedFile.
    """
    path = Path(path)
    try:
        pdf = pdfplumber.open(path, password="")
        n_pages = len(pdf.pages)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise EncryptedFile(f"{path.name} is password-protected ({type(exc).__name__}).") from exc
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AttributeError,
            IndexError, AssertionError, OSError) as exc:
        # pdfplumber wraps some pdfminer errors in its own PdfminerException
        raise UnreadableFile(f"{path.name} is not a readable PDF ({type(exc).__name__}: {exc}).") from exc
    except Exception as exc:  # pdfplumber.utils.exceptions.PdfminerException and kin
        if _is_password_error(exc):
            raise EncryptedFile(f"{path.name} is password-protected.") from exc
        raise UnreadableFile(f"{path.name} is not a readable PDF ({type(exc).__name__}: {exc}).") from exc
    if n_pages == 0:
        pdf.close()
        raise UnreadableFile(f"{path.name} has no pages (truncated or damaged).")
    return pdf


def _is_password_error(exc: BaseException) -> bool:
    seen = exc
    while seen is not None:
        if isinstance(seen, (PDFPasswordIncorrect, PDFEncryptionError)):
            return True
        if any(isinstance(a, (PDFPasswordIncorrect, PDFEncryptionError)) for a in getattr(seen, "args", ())):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def check_text_layer(path: str | Path, n_chars: int, n_pages: int) -> None:
    """Raise NoTextLayer when pages exist but none of them carries a character."""
    if n_chars == 0 and n_pages > 0:
        raise NoTextLayer(f"{Path(path).name} has {n_pages} page(s) but no text layer.")
