"""The run ledger: an SQLite file in the output folder (`ledger.sqlite`) that remembers
each document's outcome, so that a re-run reads only new or changed files.

Key: SHA-256 of the file's bytes, its file name (error messages name the file),
the pipeline version (a digest of the code and data that shape results, so any
change to parsers or normalizers re-reads everything) and the limits that change
results. Value: the document's outcome as JSON, rows included, so that the
tables written from the ledger are byte-identical to those of a full run.

Crash safety: a run never writes the previous ledger. It builds a new one inside
its temporary output folder, committing after each document, and the folder
replaces the old output in one rename (ingest.writers.output). A run killed
half-way leaves the previous output and ledger as they were; its partial ledger
stays in `<out>.tmp-<pid>/` and the next run reads it as a second source (so
finished documents are not read again), then removes it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
from importlib import metadata
from pathlib import Path

LEDGER_NAME = "ledger.sqlite"
SCHEMA_VERSION = "1"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS results (
    key TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    file_name TEXT NOT NULL,
    pipeline TEXT NOT NULL,
    status TEXT NOT NULL,
    outcome TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS files (
    source_path TEXT PRIMARY KEY,
    key TEXT NOT NULL REFERENCES results(key),
    sha256 TEXT NOT NULL,
    size_bytes INTEGER NOT NULL
);
"""
_ROOT = Path(__file__).resolve().parents[1]
# Code and data whose change can change a document's rows.
# ingest/rows.py: a stored outcome's rows are made into its records again.
_VERSIONED = ("parsers/**/*.py", "normalize/**/*.py", "normalize/data/**/*", "ingest/worker.py",
              "ingest/rows.py")


@functools.cache
def pipeline_version() -> str:
    """"<package version>+<digest of the parser and normalizer sources and data>"."""
    try:
        version = metadata.version("workplan-ingest")
    except metadata.PackageNotFoundError:
        version = "0"
    h = hashlib.sha256()
    files = sorted({p for pattern in _VERSIONED for p in _ROOT.glob(pattern)
                    if p.is_file() and "__pycache__" not in p.parts})
    for path in files:
        h.update(path.relative_to(_ROOT).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return f"{version}+{h.hexdigest()[:12]}"


def result_key(sha256: str, file_name: str, limits_key: str) -> str:
    """The ledger key of one file's outcome under this pipeline version and limits."""
    text = "\0".join((sha256, file_name, pipeline_version(), limits_key))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Ledger:
    """Outcomes of earlier runs (read) and of this run (written).

    Open with `Ledger.open(new_path, previous)`: `new_path` is the ledger this run
    writes (inside its temporary output folder); `previous` are ledgers of earlier
    runs, read only, first match wins (the previous output's, then leftovers of
    killed runs). Unreadable previous ledgers are skipped: they only cost time.
    """

    def __init__(self, new: sqlite3.Connection, previous: list[sqlite3.Connection]):
        self._new = new
        self._previous = previous
        self.hits = 0

    @classmethod
    def open(cls, new_path: Path, previous: list[Path] = ()) -> Ledger:
        new_path = Path(new_path)
        new_path.parent.mkdir(parents=True, exist_ok=True)
        new = sqlite3.connect(new_path, isolation_level=None)
        # Durability of the finished ledger comes from the fsync before the output
        # swap; per-document commits only need to survive a killed process.
        new.execute("PRAGMA synchronous=NORMAL")
        new.executescript(_SCHEMA)
        new.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?), ('pipeline', ?)",
                    (SCHEMA_VERSION, pipeline_version()))
        readers = []
        for path in previous:
            conn = _open_previous(Path(path))
            if conn is not None:
                readers.append(conn)
        return cls(new, readers)

    def lookup(self, key: str) -> dict | None:
        """The stored outcome for `key`, copied into this run's ledger; None if unknown."""
        for conn in [self._new, *self._previous]:
            try:
                row = conn.execute("SELECT sha256, file_name, pipeline, status, outcome FROM results "
                                   "WHERE key = ?", (key,)).fetchone()
            except sqlite3.DatabaseError:
                continue
            if row is None:
                continue
            outcome = json.loads(row[4])
            if conn is not self._new:
                self._new.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?, ?)", (key, *row))
            self.hits += 1
            return outcome
        return None

    def store(self, key: str, sha256: str, file_name: str, outcome: dict) -> None:
        """Remember a document's outcome (one transaction). Transient failures (time,
        memory, crashed worker) are not stored: the next run tries again."""
        if outcome.get("transient"):
            return
        data = json.dumps({k: v for k, v in outcome.items() if k != "seconds"},
                          sort_keys=True, ensure_ascii=False)
        self._new.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?, ?)",
                          (key, sha256, file_name, pipeline_version(), outcome["status"], data))

    def record_file(self, source_path: str, key: str, sha256: str, size: int) -> None:
        """Note which stored outcome a batch file used (for inspection and clean-up)."""
        self._new.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", (source_path, key, sha256, size))

    def finish(self) -> None:
        """Drop outcomes no file of this run uses, and close every connection."""
        self._new.execute("DELETE FROM files WHERE key NOT IN (SELECT key FROM results)")
        self._new.execute("DELETE FROM results WHERE key NOT IN (SELECT key FROM files)")
        self.close()

    def close(self) -> None:
        for conn in [self._new, *self._previous]:
            conn.close()
        self._previous = []


def _open_previous(path: Path) -> sqlite3.Connection | None:
    if not path.is_file():
        return None
    try:
        # Read-write on purpose: a ledger left by a killed run may carry a hot journal,
        # which SQLite rolls back on open (read-only connections cannot).
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("PRAGMA query_only=ON")
        (schema,) = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if schema != SCHEMA_VERSION:
            conn.close()
            return None
        return conn
    except (sqlite3.DatabaseError, TypeError):
        return None
