"""The rows the normalizers make: one record class per SPEC table.

A record is a frozen dataclass whose fields are the table's columns, in the order
of `ingest.schema` (a test holds the two together). Every field is a keyword and
required, so a misspelt or forgotten column raises TypeError where the row is
made, not an empty column in the output:

    >>> NoteRecord(note_id="f1", kind="footnote", text="x", anchor_text=None,
    ...            subject_type="document", subject_id="d1", sourceref="p 1")
    Traceback (most recent call last):
    TypeError: NoteRecord.__init__() got an unexpected keyword argument 'sourceref'

Two fields are filled later, so they default to None: `doc_id`, which the batch
sets (`dataclasses.replace`) because a document's id is the batch's business, and
`position`, the row's order in the document, which `Records.add` numbers.

The worker hands rows to the batch as plain dicts (`as_dict`), since outcomes
cross a process pipe and are stored as JSON in the ledger; `from_dict` makes the
record again and checks the columns on the way.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import ClassVar

# Frozen: a row is made once, whole; changes go through dataclasses.replace.
# kw_only: lets doc_id (made later) come first, as in the tables, without a
# default on every later field.
_record = dataclass(frozen=True, slots=True, kw_only=True)


@_record
class SectionRecord:
    """A `sections` row: a heading, part or annex of the plan."""

    table: ClassVar[str] = "sections"
    doc_id: str | None = None
    section_id: str
    parent_section_id: str | None
    level: int
    label: str | None
    title: str | None
    kind: str
    source_ref: str | None
    position: int | None = None


@_record
class ActivityRecord:
    """An `activities` row: an output, activity or indicative bullet."""

    table: ClassVar[str] = "activities"
    doc_id: str | None = None
    activity_id: str
    section_id: str | None
    parent_activity_id: str | None
    label: str | None
    kind: str
    text: str | None
    timeline_raw: str | None
    source_ref: str | None
    evidence: str | None
    status: str | None
    position: int | None = None


@_record
class ParticipantRecord:
    """A `participants` row: one organisation in one role for one subject."""

    table: ClassVar[str] = "participants"
    doc_id: str | None = None
    subject_type: str
    subject_id: str | None
    role: str
    org_id: str | None
    org_name: str | None
    raw: str | None
    qualifier: str | None
    source_ref: str | None
    position: int | None = None


@_record
class TimelineRecord:
    """A `timelines` row: one reading of an activity's timeline."""

    table: ClassVar[str] = "timelines"
    doc_id: str | None = None
    subject_id: str | None
    raw: str | None
    start: str | None
    end: str | None
    kind: str
    precision: str | None
    certainty: str | None
    note: str | None
    source_ref: str | None
    timeline_id: str
    position: int | None = None


@_record
class CommentRecord:
    """A `comments` row: a reviewer's comment or reply."""

    table: ClassVar[str] = "comments"
    doc_id: str | None = None
    comment_id: str
    author: str | None
    author_tag: str | None
    author_org_id: str | None
    date: str | None
    text: str | None
    anchor_text: str | None
    subject_type: str | None
    subject_id: str | None
    parent_comment_id: str | None
    source_ref: str | None
    position: int | None = None
    resolved: bool | None = None


@_record
class NoteRecord:
    """A `notes` row: a footnote or endnote."""

    table: ClassVar[str] = "notes"
    doc_id: str | None = None
    note_id: str
    kind: str
    text: str | None
    anchor_text: str | None
    subject_type: str | None
    subject_id: str | None
    source_ref: str | None
    position: int | None = None


@_record
class EventRecord:
    """An `events` row: an external event the plan refers to. (Not
    normalize.structure.outline.EventRow, a row of a key-events table.)

    event_id is None until the pipeline numbers the document's events."""

    table: ClassVar[str] = "events"
    doc_id: str | None = None
    event_id: str | None
    name: str | None
    raw_period: str | None
    start: str | None
    end: str | None
    source: str
    subject_id: str | None
    source_ref: str | None
    position: int | None = None


Record = (SectionRecord | ActivityRecord | ParticipantRecord | TimelineRecord | CommentRecord
          | NoteRecord | EventRecord)

# The normalizers' tables, in output order, and the record class of each.
RECORD_TYPES: dict[str, type[Record]] = {
    cls.table: cls
    for cls in (SectionRecord, ActivityRecord, ParticipantRecord, TimelineRecord, CommentRecord,
                NoteRecord, EventRecord)
}


def field_names(record_type: type) -> tuple[str, ...]:
    """The columns of a record class, in order."""
    return tuple(f.name for f in fields(record_type))


def as_dict(record) -> dict:
    """The record as a plain dict (column -> value), for pipes and JSON."""
    return {f.name: getattr(record, f.name) for f in fields(record)}


def from_dict(table: str, data: dict) -> Record:
    """The record of `table` with the columns of `data`; TypeError if they differ."""
    return RECORD_TYPES[table](**data)
