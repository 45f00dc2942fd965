"""CSV writer: UTF-8, header row, RFC 4180 quoting, "\\n" line ends, empty = null (SPEC)."""

from __future__ import annotations

import csv
from pathlib import Path

from ..schema import TableSchema


def cell_text(value) -> str:
    """The CSV text of one value: "" for None, ISO for dates, str() otherwise."""
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_csv(path: Path, table: TableSchema, rows: list) -> None:
    """Write `rows` (records or mappings, already sorted) with the table's columns, in
    order; raises ColumnMismatch for a row whose columns are not the table's."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(table.column_names)
        for row in rows:
            writer.writerow([cell_text(value) for value in table.row_values(row)])
