"""Typed rows (issue 9): one record class per output table, with exactly the
table's columns; a misspelt or missing column fails where the row is made, and
the writers refuse a row whose columns are not its table's."""

from __future__ import annotations

import json
import shutil
from dataclasses import fields
from pathlib import Path

import pytest

from ingest.batch import run_batch
from ingest.rows import ROW_TYPES, DiagnosticRecord, DocumentRecord
from ingest.schema import TABLES, ColumnMismatch
from ingest.writers.csv import write_csv
from ingest.writers.output import sort_rows, write_dataset
from ingest.writers.parquet import write_parquet
from normalize.records import Records
from normalize.rows import EventRecord, NoteRecord, as_dict, from_dict


def _note(**changes) -> NoteRecord:
    values = dict(doc_id="d1", note_id="f1", kind="footnote", text="A note.", anchor_text=None,
                  subject_type="document", subject_id="d1", source_ref="paragraph 3", position=1)
    return NoteRecord(**(values | changes))


def _note_dict(**changes) -> dict:
    return as_dict(_note()) | changes


@pytest.mark.parametrize("name", list(TABLES))
def test_each_table_has_a_record_class_with_its_columns_in_order(name):
    assert [f.name for f in fields(ROW_TYPES[name])] == TABLES[name].column_names
    assert ROW_TYPES[name].table == name


def test_the_record_classes_are_the_tables():
    assert list(ROW_TYPES) == list(TABLES)


def test_a_misspelt_or_missing_column_fails_where_the_row_is_made():
    with pytest.raises(TypeError, match="sourceref"):
        _note(sourceref="paragraph 3")
    with pytest.raises(TypeError, match="source_ref"):
        NoteRecord(note_id="f1", kind="footnote", text="x", anchor_text=None,
                   subject_type="document", subject_id="d1")
    with pytest.raises(TypeError, match="duplicate_of"):
        DocumentRecord(doc_id=None, source_path="a.txt", file_name="a.txt", format=None, sha256=None,
                       size_bytes=None, title=None, period_start=None, period_end=None,
                       reference_year=None, status="failed", error=None, n_activities=0, n_warnings=0)
    with pytest.raises(TypeError, match="position"):
        DiagnosticRecord(doc_id=None, severity="error", code="x", message="m", source_ref=None,
                         source_path="a.txt")


def test_records_are_frozen():
    with pytest.raises(AttributeError):
        _note().text = "changed"


def test_a_record_goes_through_json_and_back_unchanged():
    # The worker's outcome carries rows as dicts through a pipe and the ledger's JSON.
    event = EventRecord(doc_id="d1", event_id="e001", name="COP 26", raw_period="Nov 2021",
                        start="2021-11-01", end="2021-11-30", source="annex", subject_id="s1",
                        source_ref="table 3, row 2", position=1)
    assert from_dict("events", json.loads(json.dumps(as_dict(event)))) == event
    with pytest.raises(TypeError, match="nmae"):
        from_dict("events", as_dict(event) | {"nmae": "COP 26"})


@pytest.mark.parametrize("row, words", [
    (_note_dict(sourceref="p 3"), ["notes row", "unknown column 'sourceref' (did you mean 'source_ref'?)"]),
    ({k: v for k, v in _note_dict().items() if k != "anchor_text"}, ["notes row", "missing column 'anchor_text'"]),
    (_note_dict(text=None, txet="A note."), ["unknown column 'txet'"]),
])
def test_the_writers_refuse_a_row_whose_columns_differ(tmp_path, row, words):
    table = TABLES["notes"]
    for write in (write_csv, write_parquet):
        with pytest.raises(ColumnMismatch) as raised:
            write(tmp_path / "notes.out", table, [as_dict(_note()), row])
        assert all(w in str(raised.value) for w in words), str(raised.value)
    with pytest.raises(ColumnMismatch):
        sort_rows("notes", [row])


def test_the_writers_refuse_a_record_of_another_table(tmp_path):
    with pytest.raises(ColumnMismatch, match="comments row: unknown column 'note_id'"):
        write_csv(tmp_path / "comments.csv", TABLES["comments"], [_note()])
    with pytest.raises(ColumnMismatch, match="a record or a mapping, not tuple"):
        write_csv(tmp_path / "notes.csv", TABLES["notes"], [tuple(as_dict(_note()).values())])


def test_a_bad_row_leaves_the_previous_output_in_place(tmp_path):
    out = tmp_path / "out"
    write_dataset(out, {"notes": [_note()]}, {})
    before = (out / "notes.csv").read_bytes()
    with pytest.raises(ColumnMismatch, match="notes row: unknown column 'sourceref'"):
        write_dataset(out, {"notes": [_note_dict(sourceref="p 3")]}, {})
    assert (out / "notes.csv").read_bytes() == before


def test_records_and_mappings_write_the_same_bytes(tmp_path):
    write_csv(tmp_path / "a.csv", TABLES["notes"], [_note()])
    write_csv(tmp_path / "b.csv", TABLES["notes"], [dict(reversed(as_dict(_note()).items()))])
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    assert (tmp_path / "a.csv").read_text(encoding="utf-8").splitlines()[1] == \
        "d1,f1,footnote,A note.,,document,d1,paragraph 3,1"


def test_records_add_takes_records_only_and_numbers_positions():
    a, b = Records(), Records()
    first = a.add(_note(position=None))
    assert first.position == 1 and a.tables["notes"] == [first]
    b.add(_note(note_id="f2", position=7))  # a position given is renumbered
    a.extend(b)
    assert [(n.note_id, n.position) for n in a.tables["notes"]] == [("f1", 1), ("f2", 2)]
    with pytest.raises(TypeError, match="not dict"):
        a.add(as_dict(_note()))
    with pytest.raises(TypeError, match="not DocumentRecord"):
        a.add(_document())


def _document() -> DocumentRecord:
    return DocumentRecord(doc_id=None, source_path="a.txt", file_name="a.txt", format=None, sha256=None,
                          size_bytes=None, title=None, period_start=None, period_end=None,
                          reference_year=None, status="failed", duplicate_of=None, error="x",
                          n_activities=0, n_warnings=0)


def test_a_batch_gives_a_record_of_its_table_for_every_row(tmp_path, fixtures_dir):
    plan = fixtures_dir / "img-hre-draft-workplan.docx"  # rows in every table
    shutil.copy(plan, tmp_path / "a.docx")
    shutil.copy(plan, tmp_path / "b.docx")
    result = run_batch([tmp_path, tmp_path / "missing.txt"], workers=0)
    assert set(result.tables) == set(TABLES)
    for name, rows in result.tables.items():
        assert rows and all(type(row) is ROW_TYPES[name] for row in rows), name
    statuses = {Path(d.source_path).name: d.status for d in result.documents}
    assert statuses == {"a.docx": "ok", "b.docx": "duplicate", "missing.txt": "failed"}
    assert {a.doc_id for a in result.tables["activities"]} == {result.documents[0].doc_id}
