"""Parquet writer: the same rows and columns as the CSV, with typed columns."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..schema import TableSchema

_ARROW_TYPES = {"string": pa.string(), "integer": pa.int64(), "date": pa.date32()}


def _value(value, type_name: str):
    if value is None or value == "":
        return None
    if type_name == "date" and isinstance(value, str):
        return dt.date.fromisoformat(value)
    if type_name == "integer":
        return int(value)
    if type_name == "string" and not isinstance(value, str):
        return value.isoformat() if hasattr(value, "isoformat") else str(value)
    return value


def write_parquet(path: Path, table: TableSchema, rows: list) -> None:
    """Write `rows` (records or mappings, already sorted) as one Parquet file with the
    table's column types; raises ColumnMismatch for a row whose columns are not the table's."""
    values = [table.row_values(r) for r in rows]
    arrays, fields = [], []
    for i, col in enumerate(table.columns):
        arrow_type = _ARROW_TYPES[col.type]
        arrays.append(pa.array([_value(v[i], col.type) for v in values], type=arrow_type))
        fields.append(pa.field(col.name, arrow_type))
    pq.write_table(pa.Table.from_arrays(arrays, schema=pa.schema(fields)), path)
