"""A table's CSV made of new rows and byte ranges copied from other files.

With `--parquet-partitioned` a rerun keeps each unchanged document's rows as the
bytes the previous output's CSV held for it (ingest.writers.partitioned): one
document's rows of a table sorted by doc_id are one run of lines, and so are
one file's diagnostics. Copying them is the same bytes as writing them again
(the rows of a document depend on that document alone) without reading its
outcome from the ledger. Adjacent ranges are copied as one; a CSV that turns
out to be exactly the previous file is hard-linked to it instead of written.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import BinaryIO

from ..schema import TableSchema
from .csv import cell_text

_CHUNK = 1 << 20


def csv_bytes(values: list[tuple]) -> bytes:
    """The CSV lines of value tuples, encoded as writers.csv.CsvTable writes them."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL).writerows(
        [cell_text(v) for v in row] for row in values)
    return buf.getvalue().encode("utf-8")


class CsvSplice:
    """One table's CSV in a new output, written in row order from new rows (`write`)
    and from ranges of other files (`copy`); `previous` is the same table's CSV in
    the output being replaced (None when there is none)."""

    def __init__(self, path: Path, table: TableSchema, previous: Path | None = None):
        self.path = Path(path)
        self._header = csv_bytes([tuple(table.column_names)])
        self.offset = len(self._header)  # bytes of the new file so far, pending copy included
        self.previous = open(previous, "rb") if previous is not None else None  # noqa: SIM115 - see close
        # So far the new file is the previous one from its first byte: nothing is
        # written until it is not (then it can be linked instead).
        self._same = self.previous is not None
        self._file: BinaryIO | None = None
        self._pending: tuple[BinaryIO, int, int] | None = None  # source, start, length

    def write(self, values: list[tuple]) -> tuple[int, int]:
        """Append rows; their (start, length) in the new file."""
        data = csv_bytes(values)
        self._diverge()
        self._flush()
        self._file.write(data)
        start = self.offset
        self.offset += len(data)
        return start, len(data)

    def copy(self, source: BinaryIO, start: int, length: int) -> tuple[int, int]:
        """Append `length` bytes of `source` from `start`; their (start, length) here."""
        if source is not self.previous or start != self.offset:
            self._diverge()
        pending = self._pending
        if pending and pending[0] is source and pending[1] + pending[2] == start:
            self._pending = (source, pending[1], pending[2] + length)
        else:
            self._flush()
            self._pending = (source, start, length)
        begin = self.offset
        self.offset += length
        return begin, length

    def copy_previous(self, start: int, length: int) -> tuple[int, int]:
        """Append a range of the previous output's CSV (see `copy`)."""
        return self.copy(self.previous, start, length)

    def close(self) -> bool:
        """Finish the file; True when it is the previous file, linked rather than written."""
        try:
            if self._same and self.offset == os.fstat(self.previous.fileno()).st_size:
                try:
                    os.link(self.previous.name, self.path)
                    return True
                except OSError:  # another file system, or one without hard links
                    pass
            self._diverge()
            self._flush()
            return False
        finally:
            self.abandon()

    def abandon(self) -> None:
        """Close the files as they are (a failed run; again: nothing happens)."""
        self._pending = None
        for f in (self._file, self.previous):
            if f is not None:
                f.close()

    def _diverge(self) -> None:
        # From here on the file is written: the header, then what was only pending.
        if self._file is None:
            self._same = False
            self._file = open(self.path, "wb")  # noqa: SIM115 - closed by close()
            self._file.write(self._header)

    def _flush(self) -> None:
        if self._pending is None or self._file is None:
            return
        source, start, length = self._pending
        self._pending = None
        source.seek(start)
        remaining = length
        while remaining:
            chunk = source.read(min(remaining, _CHUNK))
            if not chunk:
                raise OSError(f"{source.name} is shorter than the run that wrote it recorded")
            self._file.write(chunk)
            remaining -= len(chunk)

