"""`partitions.sqlite`: what a partitioned output holds per document, so that the
next run can reuse it (ingest.writers.partitioned).

groups: per doc_id, the signature of the files that made its rows (see
`group_signature`), the tables it has a partition in, and where its rows are
in each record table's CSV (start, length in bytes).
files: per source path, where its rows are in diagnostics.csv.
meta: the layout and output code version, and each CSV's size and mtime when
it was written: a previous output whose CSVs were touched since, or that other
code wrote, is not reused.

A previous output is opened read only; a new manifest is written into the run's
temporary folder and replaces the old one with the whole output folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

from ..ledger import output_version
from ..schema import TABLES

MANIFEST_NAME = "partitions.sqlite"
LAYOUT = "hive-doc_id-1"
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE groups (doc_id TEXT PRIMARY KEY, signature TEXT NOT NULL, tables TEXT NOT NULL,
                     ranges TEXT NOT NULL);
CREATE TABLE files (source_path TEXT PRIMARY KEY, start INTEGER NOT NULL, length INTEGER NOT NULL);
"""


def group_signature(result, members: list[int]) -> str | None:
    """What one doc_id's rows are made of: each of its files' source path, ledger
    key (bytes, name, pipeline version, limits), duplicate mark and status
    (result.files[i] for i in `members`). None when a file could not be read (no
    key) or failed for a reason of the machine (transient): such rows are always
    written again."""
    parts = []
    for i in members:
        f = result.files[i]
        outcome = f.outcome or {}
        if f.key is None or outcome.get("transient"):
            return None
        parts.append([f.source_path, f.key, f.duplicate_of, outcome.get("status")])
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()[:32]


def from_ledger(result, members: list[int]) -> bool:
    """True when none of these files was read by a parser in this run: their rows
    are the stored outcomes the previous output was written from, not new ones
    (`--full`, or a ledger that lost them)."""
    # result.timings holds the files read in this run (an outcome carries its seconds)
    return not any(result.files[i].source_path in result.timings for i in members)


def _csv_stamp(path: Path) -> str:
    st = os.stat(path)
    return f"{st.st_size}:{st.st_mtime_ns}"


class PreviousManifest:
    """The manifest of the output a run replaces (read only)."""

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    @classmethod
    def open(cls, out: Path) -> PreviousManifest | None:
        """The manifest of output folder `out`; None when it has none, or one that
        this code did not write, or its CSVs changed since."""
        path = Path(out) / MANIFEST_NAME
        if not path.is_file():
            return None
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            meta = dict(conn.execute("SELECT key, value FROM meta"))
        except sqlite3.DatabaseError:
            return None
        try:
            usable = (meta.get("layout") == LAYOUT and meta.get("output") == output_version()
                      and all(meta.get(f"csv:{name}") == _csv_stamp(Path(out) / f"{name}.csv") for name in TABLES))
        except OSError:
            usable = False
        if not usable:
            conn.close()
            return None
        return cls(conn)

    def group(self, doc_id: str) -> tuple[str, list[str], dict[str, list[int]]] | None:
        """(signature, tables with a partition, CSV ranges per record table) of one doc_id."""
        row = self._conn.execute("SELECT signature, tables, ranges FROM groups WHERE doc_id = ?",
                                 (doc_id,)).fetchone()
        return None if row is None else (row[0], json.loads(row[1]), json.loads(row[2]))

    def file_range(self, source_path: str) -> tuple[int, int] | None:
        """(start, length) of one file's rows in diagnostics.csv."""
        row = self._conn.execute("SELECT start, length FROM files WHERE source_path = ?",
                                 (source_path,)).fetchone()
        return None if row is None else (row[0], row[1])

    def close(self) -> None:
        self._conn.close()


class NewManifest:
    """The manifest a run writes beside its tables."""

    def __init__(self, path: Path):
        self._conn = sqlite3.connect(path, isolation_level=None)
        self._conn.executescript(_SCHEMA)
        self._conn.execute("BEGIN")
        self._conn.executemany("INSERT INTO meta VALUES (?, ?)", [("layout", LAYOUT), ("output", output_version())])

    def add_group(self, doc_id: str, signature: str, tables: list[str], ranges: dict[str, tuple[int, int]]) -> None:
        self._conn.execute("INSERT INTO groups VALUES (?, ?, ?, ?)",
                           (doc_id, signature, json.dumps(tables), json.dumps(ranges, sort_keys=True)))

    def add_file(self, source_path: str, start: int, length: int) -> None:
        self._conn.execute("INSERT INTO files VALUES (?, ?, ?)", (source_path, start, length))

    def finish(self, folder: Path) -> None:
        """Record the CSVs of `folder` as written, commit and close."""
        self._conn.executemany("INSERT INTO meta VALUES (?, ?)",
                               [(f"csv:{name}", _csv_stamp(Path(folder) / f"{name}.csv")) for name in TABLES])
        self._conn.execute("COMMIT")
        self._conn.close()

    def abandon(self) -> None:
        """Close without committing (the run failed; its folder is removed later)."""
        self._conn.close()
