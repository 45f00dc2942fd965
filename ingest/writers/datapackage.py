"""datapackage.json: a Frictionless Tabular Data Package describing the CSV tables,
with a Table Schema per table and its primary and foreign keys."""

from __future__ import annotations

import json
from pathlib import Path

from ..schema import TABLES, TableSchema

PACKAGE_NAME = "workplan-ingest"


def _field(col) -> dict:
    field = {"name": col.name, "type": col.type}
    if col.description:
        field["description"] = col.description
    constraints = {}
    if col.required:
        constraints["required"] = True
    if col.enum:
        constraints["enum"] = list(col.enum)
    if constraints:
        field["constraints"] = constraints
    return field


def table_descriptor(table: TableSchema) -> dict:
    """The Data Resource descriptor of one table."""
    schema = {"fields": [_field(c) for c in table.columns], "missingValues": [""],
              "primaryKey": list(table.primary_key)}
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": list(cols), "reference": {"resource": other, "fields": list(other_cols)}}
            for cols, other, other_cols in table.foreign_keys
        ]
    resource = {"name": table.name, "path": f"{table.name}.csv", "profile": "tabular-data-resource",
                "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "schema": schema}
    if table.description:
        resource["description"] = table.description
    return resource


def write_datapackage(path: Path) -> None:
    """Write datapackage.json for every table of ingest.schema (deterministic bytes)."""
    package = {"name": PACKAGE_NAME, "profile": "tabular-data-package",
               "resources": [table_descriptor(t) for t in TABLES.values()]}
    path.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
