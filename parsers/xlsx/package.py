"""Is a zip package a workbook? Read from the names in its central directory.

Both .docx and .xlsx are zip packages that start with the same bytes; the parts
they hold tell them apart (xl/workbook.xml against word/document.xml). The names
are looked for in the bytes of the zip's tail, where the central directory lies,
without opening the zip: this runs before `parsers.safety.check_zip` has vetted
the package, so it must cost nothing whatever the zip declares.
"""

from __future__ import annotations

import os
from pathlib import Path

# The central directory of a workbook of a few hundred sheets fits well within this.
_TAIL = 1 << 20
_WORKBOOK = (b"xl/workbook.xml", b"xl/workbook.bin")
_DOCUMENT = b"word/document.xml"


def is_workbook(path: str | Path) -> bool:
    """True when the zip's directory names a workbook part and no Word document part."""
    with open(path, "rb") as f:
        size = f.seek(0, os.SEEK_END)
        f.seek(max(0, size - _TAIL))
        tail = f.read()
    return any(name in tail for name in _WORKBOOK) and _DOCUMENT not in tail
