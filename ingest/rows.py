"""The rows the batch makes (`documents`, `diagnostics`), and the record class of
every output table.

Like the normalizers' records (normalize.rows), these are frozen dataclasses whose
fields are the table's columns in the order of ingest.schema, every one a required
keyword: a misspelt or forgotten column raises TypeError where the row is made.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from normalize.rows import RECORD_TYPES


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentRecord:
    """A `documents` row: one input file and what became of it."""

    table: ClassVar[str] = "documents"
    doc_id: str | None
    source_path: str
    file_name: str
    format: str | None
    sha256: str | None
    size_bytes: int | None
    title: str | None
    period_start: str | None
    period_end: str | None
    reference_year: int | None
    status: str
    duplicate_of: str | None
    error: str | None
    n_activities: int
    n_warnings: int


@dataclass(frozen=True, slots=True, kw_only=True)
class DiagnosticRecord:
    """A `diagnostics` row: something the pipeline could not do with confidence.
    doc_id is None for a file whose bytes could not be read."""

    table: ClassVar[str] = "diagnostics"
    doc_id: str | None
    severity: str
    code: str
    message: str
    source_ref: str | None
    source_path: str
    position: int


# Every output table's record class, in the order of ingest.schema.TABLES.
ROW_TYPES: dict[str, type] = {"documents": DocumentRecord, **RECORD_TYPES, "diagnostics": DiagnosticRecord}
