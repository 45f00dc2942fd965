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


class CsvTable:
    """One table's CSV file, appended to in row order (tuples in column order)."""

    def __init__(self, path: Path, table: TableSchema):
        self._file = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed by close()
        self._writer = csv.writer(self._file, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        self._writer.writerow(table.column_names)

    def write(self, values: list[tuple]) -> None:
        self._writer.writerows([cell_text(v) for v in row] for row in values)

    def close(self) -> None:
        self._file.close()


def write_csv(path: Path, table: TableSchema, rows: list) -> None:
    """Write `rows` (records or mappings, already sorted) with the table's columns, in
    order; raises ColumnMismatch for a row whose columns are not the table's."""
    out = CsvTable(path, table)
    try:
        out.write([table.row_values(r) for r in rows])
    finally:
        out.close()
