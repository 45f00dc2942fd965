"""The streaming writer (ingest.writers.stream): one document at a time, Parquet in
row groups, and the same bytes as writing every table at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from ingest.batch import run_batch
from ingest.ledger import LEDGER_NAME, Ledger
from ingest.schema import TABLES
from ingest.writers import parquet
from ingest.writers.output import new_temp_folder, write_dataset
from ingest.writers.stream import write_batch


@pytest.fixture()
def folder(tmp_path, shared_dir) -> Path:
    """Workplans in several formats, a duplicate, an empty file and one that is no PDF."""
    folder = tmp_path / "in"
    (folder / "b").mkdir(parents=True)
    seed = (shared_dir / "seeds" / "img-hre-draft-workplan.txt").read_text(encoding="utf-8")
    for i in range(6):
        (folder / ("b" if i % 2 else ".") / f"plan {i}.txt").write_text(seed + f"\nNote {i}.\n", encoding="utf-8")
    shutil.copy(shared_dir / "fixtures" / "emg-workplan-2018.docx", folder / "emg.docx")
    shutil.copy(shared_dir / "fixtures" / "emg-workplan-2018.pdf", folder / "b" / "emg.pdf")
    shutil.copy(folder / "plan 0.txt", folder / "b" / "again.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "fake.pdf").write_bytes(b"not a pdf at all")
    return folder


def tables_bytes(out: Path) -> dict[str, bytes]:
    return {name: (out / f"{name}.csv").read_bytes() for name in TABLES}


def test_streamed_tables_equal_tables_written_at_once(folder, tmp_path, monkeypatch):
    monkeypatch.setattr(parquet, "ROWS_PER_GROUP", 7)  # many row groups, flushed mid-document
    result = run_batch([folder], workers=0)
    assert {d.status for d in result.documents} == {"ok", "duplicate", "failed"}
    write_dataset(tmp_path / "at-once", result.tables, {})
    write_batch(tmp_path / "streamed", result, {})
    streamed = tables_bytes(tmp_path / "streamed")
    assert streamed == tables_bytes(tmp_path / "at-once")
    assert streamed["activities"].count(b"\n") > 50
    for name in TABLES:
        at_once = pq.read_table(tmp_path / "at-once" / f"{name}.parquet")
        parts = pq.ParquetFile(tmp_path / "streamed" / f"{name}.parquet")
        assert parts.read().equals(at_once), name
        if name == "activities":  # groups of at least 7 rows, written as they fill
            assert parts.num_row_groups > 1
    counts = {name: len(rows) for name, rows in result.tables.items()}
    assert result.counts == {name: counts[name] for name in result.counts}


def test_streamed_from_the_ledger_equals_streamed_from_memory(folder, tmp_path):
    """Rows kept in the ledger, fetched a document at a time, give the same tables."""
    write_batch(tmp_path / "memory", run_batch([folder], workers=0), {})
    out = tmp_path / "ledger"
    tmp = new_temp_folder(out)
    ledger = Ledger.open(tmp / LEDGER_NAME)
    result = run_batch([folder], workers=0, ledger=ledger)
    assert all(f.full is None for f in result.files)  # nothing but summaries in memory
    ledger.finish()
    write_batch(out, result, {}, tmp=tmp)
    ledger.close()
    assert tables_bytes(out) == tables_bytes(tmp_path / "memory")
