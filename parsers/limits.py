"""Resource limits for one batch: named defaults plus overrides (`Limits.resolve`).

Every limit exists so that one hostile or broken file costs one `documents` row,
never the batch or the machine (issue "Trustworthy batches"). The defaults leave
room for every genuine workplan we have seen: the largest real .docx in the
external corpus declares 16 MB uncompressed over 47 entries, and its most
compressible part inflates 41.5 times.

CLI flags (`workplan-ingest run --help`) map one to one onto these fields. They
live with the parsers, the lowest floor, because the parsers enforce most of them
(`parsers.safety`); the batch adds the time and memory limits of its workers.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

MiB = 1024 * 1024

DEFAULT_MAX_FILE_SIZE = 100 * MiB  # bytes on disk, any format
DEFAULT_MAX_UNCOMPRESSED = 200 * MiB  # sum of declared entry sizes of a zip (.docx)
DEFAULT_MAX_RATIO = 100.0  # inflated / compressed, per zip entry (real files: <= 42)
DEFAULT_RATIO_FLOOR = 1 * MiB  # entries smaller than this are not ratio-checked
DEFAULT_MAX_ENTRIES = 10_000  # zip entries (real .docx: <= 47)
DEFAULT_MAX_PAGES = 2_000  # PDF pages
DEFAULT_MAX_ROWS = 100_000  # table rows in one document, nested tables included
DEFAULT_TIMEOUT = 120.0  # seconds per document (parse + normalize), in a worker
DEFAULT_MEMORY_LIMIT = 2048 * MiB  # address space a worker may add per document
DEFAULT_CONVERT_TIMEOUT = 60.0  # seconds for LibreOffice to convert a legacy .doc


@dataclass(frozen=True)
class Limits:
    """The limits a batch enforces.

    max_file_size: Largest input file, in bytes.
    max_uncompressed: Largest total of the uncompressed sizes a zip declares, in bytes;
        checked from the central directory before anything is inflated.
    max_ratio: Largest inflate ratio of one zip entry (uncompressed / compressed).
    ratio_floor: Entries that inflate to fewer bytes than this skip the ratio check
        (a 2 KB part that compresses 200 times is harmless).
    max_entries: Most entries in one zip.
    max_pages: Most pages in one PDF.
    max_rows: Most table rows read from one document (all tables, nested ones included);
        rows after the first max_rows are dropped, with a rows_truncated warning.
    timeout: Seconds one document may take (parse and normalize); None means no limit.
        Enforced only when documents run in worker processes (workers >= 1).
    memory_limit: Bytes of address space a worker may add, for one document, to what
        the loaded pipeline takes (about 300 MB); enforced with RLIMIT_AS in worker
        processes on systems with `resource`. None means no limit.
    convert_timeout: Seconds LibreOffice may take to convert a legacy .doc.
    """

    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    max_uncompressed: int = DEFAULT_MAX_UNCOMPRESSED
    max_ratio: float = DEFAULT_MAX_RATIO
    ratio_floor: int = DEFAULT_RATIO_FLOOR
    max_entries: int = DEFAULT_MAX_ENTRIES
    max_pages: int = DEFAULT_MAX_PAGES
    max_rows: int = DEFAULT_MAX_ROWS
    timeout: float | None = DEFAULT_TIMEOUT
    memory_limit: int | None = DEFAULT_MEMORY_LIMIT
    convert_timeout: float = DEFAULT_CONVERT_TIMEOUT

    @classmethod
    def resolve(cls, overrides: Limits | dict[str, Any] | None = None) -> Limits:
        """Limits from None (all defaults), a dict of overrides (None values ignored)
        or a Limits instance (returned as is). Raises ValueError for unknown names."""
        if overrides is None:
            return cls()
        if isinstance(overrides, cls):
            return overrides
        known = {f.name for f in fields(cls)}
        unknown = set(overrides) - known
        if unknown:
            raise ValueError(f"unknown limit(s): {', '.join(sorted(unknown))}")
        return replace(cls(), **{k: v for k, v in overrides.items() if v is not None})

    def result_key(self) -> str:
        """The limits that can change a document's result, as a stable string: part
        of the ledger key, so raising a limit re-reads the files it refused.
        Time and memory limits are left out: a timeout is never stored."""
        values = asdict(self)
        for name in ("timeout", "memory_limit"):
            values.pop(name)
        return ";".join(f"{k}={values[k]}" for k in sorted(values))


def parse_size(text: str) -> int:
    """Bytes from "200MB", "1.5GiB", "512k" or a plain number of bytes.

    Decimal and binary units are both read as binary (1 MB = 1 MiB): limits are
    rough guards, and one convention is easier to remember.
    """
    s = text.strip().lower().replace(" ", "")
    units = {"": 1, "b": 1, "k": 1024, "kb": 1024, "kib": 1024, "m": MiB, "mb": MiB, "mib": MiB,
             "g": 1024 * MiB, "gb": 1024 * MiB, "gib": 1024 * MiB}
    number = s.rstrip("kmgib")
    unit = s[len(number):]
    if unit not in units or not number:
        raise ValueError(f"not a size: {text!r} (use e.g. 200MB, 2GB, 512KB)")
    value = float(number) * units[unit]
    if value < 0:
        raise ValueError(f"a size cannot be negative: {text!r}")
    return int(value)
