"""Write a batch's tables with Parquet partitioned by document (`run --parquet-partitioned`).

Each table's Parquet goes to `<table>/doc_id=<doc_id>/part-0.parquet`
(ingest.writers.partitions) instead of `<table>.parquet`; the CSVs and
datapackage.json are those of the default layout, byte for byte.

A rerun writes only what changed. A document whose files are the same as in
the previous output, with the same stored outcomes (manifest.group_signature),
keeps its partition files, hard-linked from the previous output into the new
one, and its lines of each CSV, copied as bytes from the previous CSVs
(ingest.writers.splice): its outcome is not even read from the ledger. A new or
changed document's rows are read from the ledger and written; a removed one's
partitions are not carried over. The new folder still replaces the old one in
one rename (writers.output.publish), so a run that dies leaves the previous
output whole.

Memory stays flat: one document's rows at a time, as in writers.stream.
"""

from __future__ import annotations

import os
import tempfile
from collections import defaultdict
from pathlib import Path

from parsers.errors import OutputError

from ..schema import TABLES
from .manifest import MANIFEST_NAME, NewManifest, PreviousManifest, from_ledger, group_signature
from .output import sorted_values
from .partitions import is_partition_folder, link_partition, remove_partitions, write_partition, write_schemas
from .splice import CsvSplice, csv_bytes

RECORD_TABLES = tuple(name for name in TABLES if name not in ("documents", "diagnostics"))


def write_partitioned(out: Path, folder: Path, result) -> dict[str, int]:
    """Write `result` (an ingest.batch.BatchResult) into this run's folder `folder`,
    reusing what it can of the previous output `out`. Returns counts: partitions
    written and linked, documents reused, CSVs linked ("csv_linked")."""
    out, folder = Path(out), Path(folder)
    for name in TABLES:  # a folder of the user's where a table's partitions go: never replaced
        if (out / name).exists() and not is_partition_folder(out / name):
            raise OutputError(f"{out / name} is yours (not a table's partitions), where "
                              f"--parquet-partitioned writes the {name} table; nothing was changed.",
                              f"Rename or move {out / name}, or run without --parquet-partitioned.")
    previous = PreviousManifest.open(out)
    manifest = NewManifest(folder / MANIFEST_NAME)
    csvs = {name: CsvSplice(folder / f"{name}.csv", TABLES[name], (out / f"{name}.csv") if previous else None)
            for name in TABLES}
    writer = _Writer(out, folder, result, previous, manifest, csvs)
    try:
        write_schemas(folder, out if previous else None)
        csvs["documents"].write(sorted_values("documents", result.documents))
        with tempfile.TemporaryFile(dir=folder) as scratch:
            writer.scratch = scratch
            for doc_id, members in _groups(result):
                writer.group(doc_id, members)
            writer.diagnostics()
            linked = sum(csvs[name].close() for name in TABLES)
        manifest.finish(folder)
    except BaseException:
        for splice in csvs.values():
            splice.abandon()
        manifest.abandon()
        raise
    finally:
        if previous is not None:
            previous.close()
    _sync(folder)
    return {**writer.counts, "csv_linked": linked}


def _groups(result) -> list[tuple[str | None, list[int]]]:
    """(doc_id, indices of its files in path order), by doc_id; the files without
    one (unreadable bytes) last."""
    groups: dict[str | None, list[int]] = defaultdict(list)
    for i, row in enumerate(result.documents):
        groups[row.doc_id].append(i)
    return sorted(groups.items(), key=lambda item: (item[0] is None, item[0] or ""))


class _Writer:
    """The state of one partitioned write: where the diagnostics lines of rewritten
    files are in the scratch file, and what was written and reused."""

    def __init__(self, out: Path, folder: Path, result, previous: PreviousManifest | None,
                 manifest: NewManifest, csvs: dict[str, CsvSplice]):
        self.out, self.folder, self.result = out, folder, result
        self.previous, self.manifest, self.csvs = previous, manifest, csvs
        self.scratch = None
        self.fresh: dict[str, tuple[int, int]] = {}  # source_path -> its diagnostics lines in scratch
        self.counts = {"partitions_written": 0, "partitions_linked": 0, "documents_reused": 0,
                       "documents_written": 0}

    def group(self, doc_id: str | None, members: list[int]) -> None:
        """Write or reuse the partitions and record-table CSV lines of one doc_id."""
        signature = group_signature(self.result, members) if doc_id else None
        if signature and from_ledger(self.result, members) and self._reuse(doc_id, signature):
            return
        files, documents = self.result.files, self.result.documents
        diagnostics, records = [], defaultdict(list)
        for i in members:
            diags, tables = self.result.file_rows(i)
            diagnostics += diags
            values = sorted_values("diagnostics", diags)
            data_start = self.scratch.tell()
            self.scratch.write(csv_bytes(values))
            self.fresh[files[i].source_path] = (data_start, self.scratch.tell() - data_start)
            for name in RECORD_TABLES if tables else ():
                if tables.get(name):
                    records[name].append(sorted_values(name, tables[name]))
        partitions = {"documents": sorted_values("documents", [documents[i] for i in members]),
                      "diagnostics": sorted_values("diagnostics", diagnostics)}
        ranges = {}
        for name in RECORD_TABLES:
            chunks = records.get(name, [])
            partitions[name] = [v for chunk in chunks for v in chunk]
            if chunks:
                starts = [self.csvs[name].write(chunk) for chunk in chunks]
                ranges[name] = (starts[0][0], sum(length for _, length in starts))
        tables = [name for name, values in partitions.items() if values]
        for name in tables:
            write_partition(self.folder, name, doc_id, partitions[name])
        self.counts["partitions_written"] += len(tables)
        self.counts["documents_written"] += 1
        if signature:
            self.manifest.add_group(doc_id, signature, tables, ranges)

    def _reuse(self, doc_id: str, signature: str) -> bool:
        """Link one unchanged document's partitions and copy its CSV lines from the
        previous output; False, with nothing left behind, when it cannot be."""
        found = self.previous.group(doc_id) if self.previous else None
        if found is None or found[0] != signature:
            return False
        _, tables, ranges = found
        done = []
        try:
            for name in tables:
                link_partition(self.out, self.folder, name, doc_id)
                done.append(name)
        except FileNotFoundError:
            remove_partitions(self.folder, doc_id, done)
            return False
        new_ranges = {name: self.csvs[name].copy_previous(*ranges[name]) for name in RECORD_TABLES
                      if name in ranges}
        self.manifest.add_group(doc_id, signature, tables, new_ranges)
        self.counts["partitions_linked"] += len(tables)
        self.counts["documents_reused"] += 1
        return True

    def diagnostics(self) -> None:
        """diagnostics.csv in source path order: each file's lines from the scratch
        file (rewritten documents) or the previous CSV (reused ones)."""
        out = self.csvs["diagnostics"]
        for i, f in enumerate(self.result.files):
            span = self.fresh.get(f.source_path)
            old = self.previous.file_range(f.source_path) if span is None and self.previous else None
            if span is not None:
                place = out.copy(self.scratch, *span)
            elif old is not None:
                place = out.copy_previous(*old)
            else:  # cannot happen: a reused document's files are those of the previous run
                place = out.write(sorted_values("diagnostics", self.result.file_rows(i)[0]))
            self.manifest.add_file(f.source_path, *place)


def _sync(folder: Path) -> None:
    """Make the new partition files durable before the output swap: one sync of
    the file systems, rather than one fsync per file and folder (hundreds of
    thousands at 100,000 documents)."""
    if hasattr(os, "sync"):
        os.sync()
        return
    for dirpath, _, filenames in os.walk(folder):  # pragma: no cover - no os.sync (Windows)
        for name in filenames:
            with open(os.path.join(dirpath, name), "rb") as f:
                os.fsync(f.fileno())
