"""Parquet writer: the same rows and columns as the CSV, with typed columns, written
in row groups so that a table of any length needs only one group in memory."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from ..schema import TableSchema

ROWS_PER_GROUP = 20_000
_TYPE_NAMES = {"string": "string", "integer": "int64", "date": "date32", "boolean": "bool_"}


def _value(value, type_name: str):
    if value is None or value == "":
        return None
    if type_name == "date" and isinstance(value, str):
        return dt.date.fromisoformat(value)
    if type_name == "integer":
        return int(value)
    if type_name == "boolean" and isinstance(value, str):
        return value == "true"
    if type_name == "string" and not isinstance(value, str):
        return value.isoformat() if hasattr(value, "isoformat") else str(value)
    return value


@functools.cache
def arrow_schema(table: TableSchema):
    """The pyarrow schema of one table: its columns with their Parquet types."""
    import pyarrow as pa

    return pa.schema([pa.field(c.name, getattr(pa, _TYPE_NAMES[c.type])()) for c in table.columns])


class ParquetTable:
    """One table's Parquet file, appended to in row order (tuples in column order).

    pyarrow is imported here, when a table is written, not when the tool starts.
    """

    def __init__(self, path: Path, table: TableSchema, rows_per_group: int | None = None):
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._pa = pa
        self.table = table
        self.schema = arrow_schema(table)
        self._writer = pq.ParquetWriter(path, self.schema)
        self._rows: list[tuple] = []
        self.rows_per_group = rows_per_group or ROWS_PER_GROUP

    def write(self, values: list[tuple]) -> None:
        self._rows.extend(values)
        if len(self._rows) >= self.rows_per_group:
            self._flush()

    def _flush(self) -> None:
        if not self._rows:
            return
        pa = self._pa
        arrays = [pa.array([_value(v[i], col.type) for v in self._rows], type=self.schema.field(i).type)
                  for i, col in enumerate(self.table.columns)]
        self._writer.write_table(pa.Table.from_arrays(arrays, schema=self.schema), row_group_size=len(self._rows))
        self._rows = []

    def close(self) -> None:
        self._flush()
        self._writer.close()


def write_parquet(path: Path, table: TableSchema, rows: list) -> None:
    """Write `rows` (records or mappings, already sorted) as one Parquet file with the
    table's column types; raises ColumnMismatch for a row whose columns are not the table's."""
    out = ParquetTable(path, table)
    try:
        out.write([table.row_values(r) for r in rows])
    finally:
        out.close()
