"""Records: the rows the normalizers produce for one document, table by table."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from parsers.model import Diagnostic

from .rows import RECORD_TYPES, Record


@dataclass
class Records:
    """Rows for the SPEC tables of one document (records of normalize.rows, without
    doc_id: the batch adds it), plus the diagnostics met on the way."""

    tables: dict[str, list[Record]] = field(default_factory=lambda: {t: [] for t in RECORD_TYPES})
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def add(self, row: Record) -> Record:
        """Append one record to its table, numbering its position; returns it as stored."""
        if RECORD_TYPES.get(getattr(row, "table", None)) is not type(row):
            raise TypeError(f"Records.add takes a record of normalize.rows, not {type(row).__name__}")
        rows = self.tables[row.table]
        row = replace(row, position=len(rows) + 1)
        rows.append(row)
        return row

    def extend(self, other: Records) -> None:
        """Append another step's rows and diagnostics, renumbering positions."""
        for rows in other.tables.values():
            for row in rows:
                self.add(row)
        self.diagnostics.extend(other.diagnostics)

    def count(self, table: str) -> int:
        return len(self.tables[table])
