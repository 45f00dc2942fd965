"""Records: the rows the normalizers produce for one document, table by table."""

from __future__ import annotations

from dataclasses import dataclass, field

from parsers.model import Diagnostic

RECORD_TABLES = ("sections", "activities", "participants", "timelines", "comments", "notes", "events")


@dataclass
class Records:
    """Rows for the SPEC tables of one document (without doc_id; the batch adds it),
    plus the diagnostics met on the way."""

    tables: dict[str, list[dict]] = field(default_factory=lambda: {t: [] for t in RECORD_TABLES})
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def add(self, table: str, **row) -> dict:
        """Append one row to `table`, numbering its position; returns the row."""
        rows = self.tables[table]
        row.setdefault("position", len(rows) + 1)
        rows.append(row)
        return row

    def extend(self, other: Records) -> None:
        """Append another step's rows and diagnostics, renumbering positions."""
        for table, rows in other.tables.items():
            for row in rows:
                row = dict(row)
                row.pop("position", None)
                self.add(table, **row)
        self.diagnostics.extend(other.diagnostics)

    def count(self, table: str) -> int:
        return len(self.tables[table])
