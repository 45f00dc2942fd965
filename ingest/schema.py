"""The output tables of SPEC.md, declared once: columns, types, keys, row order.

Every writer (CSV, Parquet, datapackage.json) and the tests read this module, so a
column is added in exactly one place. Column names and meanings of SPEC are fixed;
columns beyond SPEC are marked `extra`. The rows themselves are records with the
same columns (ingest.rows); writers take their values through
`TableSchema.row_values`, which refuses a row whose columns differ.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, is_dataclass


class ColumnMismatch(TypeError):
    """A row whose columns are not its table's: a misspelt, missing or extra column.
    A bug in the code that made the row, never a property of an input file."""


@dataclass(frozen=True)
class Column:
    """One column: its name, Table Schema type ("string", "integer", "date") and meaning."""

    name: str
    type: str = "string"
    description: str = ""
    required: bool = False
    enum: tuple[str, ...] = ()


@dataclass(frozen=True)
class TableSchema:
    """One output table.

    primary_key: the columns that identify a row.
    foreign_keys: (columns, other table, other columns).
    sort_key: the columns rows are sorted by before writing (stable re-runs).
    """

    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    sort_key: tuple[str, ...]
    foreign_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = field(default=())
    description: str = ""

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @functools.cached_property
    def _names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def row_values(self, row) -> tuple:
        """The values of `row` in the order of the columns.

        row: a record (a dataclass, see ingest.rows) or a mapping of column to value.
        Raises ColumnMismatch, naming the table and the column, when the row has a
        column the table lacks or lacks one the table has: a misspelt name must
        fail the run, not come out as an empty column.
        """
        names = self._names
        if is_dataclass(row) and not isinstance(row, type):
            have, get = _record_fields(type(row)), row.__getattribute__
        elif isinstance(row, Mapping):
            have, get = tuple(row), row.__getitem__
        else:
            raise ColumnMismatch(f"{self.name}: a row is a record or a mapping, not {type(row).__name__}.")
        if have != names and set(have) != set(names):
            raise ColumnMismatch(_mismatch(self.name, names, have))
        return tuple(get(name) for name in names)


@functools.cache
def _record_fields(record_type: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(record_type))


def _mismatch(table: str, names: tuple[str, ...], have: tuple[str, ...]) -> str:
    """What is wrong with a row's columns, in words."""
    problems = []
    for name in have:
        if name not in names:
            close = difflib.get_close_matches(name, names, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            problems.append(f"unknown column {name!r}{hint}")
    problems += [f"missing column {name!r}" for name in names if name not in have]
    return f"{table} row: " + "; ".join(problems) + "."


def _c(name, type="string", description="", required=False, enum=()):
    return Column(name, type, description, required, tuple(enum))


DOC_FK = ((("doc_id",), "documents", ("doc_id",)),)

TABLES: dict[str, TableSchema] = {
    "documents": TableSchema(
        "documents",
        (
            _c("doc_id", description="First 16 hex digits of the SHA-256 of the file's bytes."),
            _c("source_path", required=True, description="Path of the input file, as found in the batch."),
            _c("file_name", required=True),
            _c("format", enum=("docx", "pdf", "txt", "xlsx", "csv"),
               description="SPEC's docx | pdf | txt, and xlsx | csv for spreadsheets (issue 12), which "
                           "SPEC's list predates."),
            _c("sha256"),
            _c("size_bytes", "integer"),
            _c("title"),
            _c("period_start", "date", "Start of the plan's overall span, where stated or implied."),
            _c("period_end", "date"),
            _c("reference_year", "integer", "Year used for timeline cells that carry no year."),
            _c("status", required=True, enum=("ok", "partial", "failed", "duplicate")),
            _c("duplicate_of", description="source_path of the first file with the same bytes."),
            _c("error", description="What went wrong and what to do, for failed/partial documents."),
            _c("n_activities", "integer"),
            _c("n_warnings", "integer"),
        ),
        primary_key=("source_path",),
        sort_key=("source_path",),
        description="One row per input file.",
    ),
    "sections": TableSchema(
        "sections",
        (
            _c("doc_id", required=True), _c("section_id", required=True), _c("parent_section_id"),
            _c("level", "integer"), _c("label"), _c("title"),
            _c("kind", enum=("focus_area", "accomplishment", "part", "annex", "other")),
            _c("source_ref"), _c("position", "integer", "extra: order of the section in the document."),
        ),
        primary_key=("doc_id", "section_id"),
        sort_key=("doc_id", "position"),
        foreign_keys=DOC_FK,
    ),
    "activities": TableSchema(
        "activities",
        (
            _c("doc_id", required=True), _c("activity_id", required=True), _c("section_id"),
            _c("parent_activity_id"), _c("label"),
            _c("kind", enum=("output", "activity", "indicative")),
            _c("text"), _c("timeline_raw"), _c("source_ref"),
            _c("evidence", enum=("table_row", "list_item", "key_value", "aligned_text", "gantt_row"),
               description="What the activity was read from."),
            _c("status", description="The plan's own progress word (\"Ongoing\", \"Completed\"); "
                                     "never a timeline."),
            _c("position", "integer", "extra: order of the activity in the document."),
        ),
        primary_key=("doc_id", "activity_id"),
        sort_key=("doc_id", "position"),
        foreign_keys=DOC_FK + ((("doc_id", "section_id"), "sections", ("doc_id", "section_id")),),
    ),
    "participants": TableSchema(
        "participants",
        (
            _c("doc_id", required=True),
            _c("subject_type", enum=("document", "section", "activity")),
            _c("subject_id"),
            _c("role", enum=("co_chair", "lead", "contributor", "responsible", "mentioned")),
            _c("org_id"), _c("org_name"), _c("raw"), _c("qualifier"), _c("source_ref"),
            _c("position", "integer", "extra: order of the row within the document."),
        ),
        primary_key=("doc_id", "subject_id", "role", "org_id"),
        sort_key=("doc_id", "position"),
        foreign_keys=DOC_FK,
    ),
    "timelines": TableSchema(
        "timelines",
        (
            _c("doc_id", required=True), _c("subject_id"), _c("raw"),
            _c("start", "date"), _c("end", "date"),
            _c("kind", enum=("point", "range", "deadline", "open_ended", "relative", "unknown")),
            _c("precision", enum=("day", "month_part", "month", "quarter", "half", "year")),
            _c("certainty", enum=("firm", "tentative", "tbc", "tbd", "assumed")),
            _c("note"), _c("source_ref"),
            _c("timeline_id", description="extra: row id within the document."),
            _c("position", "integer", "extra: order of the row within the document."),
        ),
        primary_key=("doc_id", "timeline_id"),
        sort_key=("doc_id", "position"),
        foreign_keys=DOC_FK,
    ),
    "comments": TableSchema(
        "comments",
        (
            _c("doc_id", required=True), _c("comment_id", required=True), _c("author"),
            _c("author_tag"), _c("author_org_id"), _c("date"), _c("text"), _c("anchor_text"),
            _c("subject_type", enum=("document", "section", "activity")), _c("subject_id"),
            _c("parent_comment_id"), _c("source_ref"),
            _c("position", "integer", "extra: order of the comment in the document."),
            _c("resolved", "boolean", "extra: true when a reviewer marked the thread resolved (Word's Resolve, "
                                      "a sheet's threaded comment done), false when open, empty when the format "
                                      "cannot say (text, PDF)."),
        ),
        primary_key=("doc_id", "comment_id"),
        sort_key=("doc_id", "position"),
        foreign_keys=DOC_FK,
    ),
    "notes": TableSchema(
        "notes",
        (
            _c("doc_id", required=True), _c("note_id", required=True),
            _c("kind", enum=("footnote", "endnote")), _c("text"), _c("anchor_text"),
            _c("subject_type", enum=("document", "section", "activity")), _c("subject_id"),
            _c("source_ref"),
            _c("position", "integer", "extra: order of the note in the document."),
        ),
        primary_key=("doc_id", "note_id"),
        sort_key=("doc_id", "position"),
        foreign_keys=DOC_FK,
    ),
    "events": TableSchema(
        "events",
        (
            _c("doc_id", required=True), _c("event_id", required=True), _c("name"),
            _c("raw_period"), _c("start", "date"), _c("end", "date"),
            _c("source", enum=("annex", "note", "text")), _c("subject_id"), _c("source_ref"),
            _c("position", "integer", "extra: order of the event in the document."),
        ),
        primary_key=("doc_id", "event_id"),
        sort_key=("doc_id", "position"),
        foreign_keys=DOC_FK,
    ),
    "diagnostics": TableSchema(
        "diagnostics",
        (
            _c("doc_id"), _c("severity", enum=("info", "warning", "error")), _c("code"),
            _c("message"), _c("source_ref"),
            _c("source_path", description="extra: the input file the diagnostic is about."),
            _c("position", "integer", "extra: order of the diagnostic within its file."),
        ),
        primary_key=("source_path", "position"),
        sort_key=("source_path", "position"),
    ),
}

TABLE_NAMES = tuple(TABLES)
