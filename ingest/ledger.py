"""The run ledger: an SQLite file in the output folder (`ledger.sqlite`) that remembers
each document's outcome, so that a re-run reads only new or changed files.

Key: SHA-256 of the file's bytes, its file name (error messages name the file),
the pipeline version (a digest of the code and data that shape results, so any
change to parsers or normalizers re-reads everything) and the limits that change
results. Value: the document's outcome as JSON, rows included, so that the
tables written from the ledger are byte-identical to those of a full run, and a
small summary of it (status, documents-row fields, rows per table) that a re-run
reads without loading the rows. The outcome is stored zlib-compressed.

Files: per source path, the key it used and the file's size and mtime in
nanoseconds. A re-run trusts the recorded SHA-256 of a file whose size and mtime
are unchanged, so an unchanged file is not read at all (`verify=True` hashes every
file again, like `rsync --checksum`).

Crash safety: a run never writes the previous ledger. It builds a new one inside
its temporary output folder, committing after each document read, and the folder
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
import zlib
from importlib import metadata
from pathlib import Path

LEDGER_NAME = "ledger.sqlite"
SCHEMA_VERSION = "3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS results (
    key TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    file_name TEXT NOT NULL,
    pipeline TEXT NOT NULL,
    status TEXT NOT NULL,
    summary TEXT NOT NULL,
    outcome BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS files (
    source_path TEXT PRIMARY KEY,
    key TEXT NOT NULL REFERENCES results(key),
    sha256 TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL
);
"""
_ROOT = Path(__file__).resolve().parents[1]
# Code and data whose change can change a document's rows.
# ingest/rows.py: a stored outcome's rows are made into its records again.
_VERSIONED = ("parsers/**/*.py", "normalize/**/*.py", "normalize/data/**/*", "ingest/worker.py",
              "ingest/rows.py")
# Code whose change can change the written tables of the same outcomes: a previous
# output's table files are reused only when it is unchanged (ingest.writers.stream).
_OUTPUT_CODE = ("ingest/schema.py", "ingest/rows.py", "ingest/batch.py", "ingest/writers/*.py")
# Uncommitted writes of copied outcomes and file rows are committed this often.
_COMMIT_EVERY = 500


def _digest(patterns: tuple[str, ...]) -> str:
    h = hashlib.sha256()
    files = sorted({p for pattern in patterns for p in _ROOT.glob(pattern)
                    if p.is_file() and "__pycache__" not in p.parts})
    for path in files:
        h.update(path.relative_to(_ROOT).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()[:12]


@functools.cache
def pipeline_version() -> str:
    """"<package version>+<digest of the parser and normalizer sources and data>"."""
    try:
        version = metadata.version("workplan-ingest")
    except metadata.PackageNotFoundError:
        version = "0"
    return f"{version}+{_digest(_VERSIONED)}"


@functools.cache
def output_version() -> str:
    """pipeline_version() plus a digest of the code that turns outcomes into tables."""
    return f"{pipeline_version()}+{_digest(_OUTPUT_CODE)}"


def result_key(sha256: str, file_name: str, limits_key: str) -> str:
    """The ledger key of one file's outcome under this pipeline version and limits."""
    text = "\0".join((sha256, file_name, pipeline_version(), limits_key))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def summarize(outcome: dict) -> dict:
    """The outcome without its rows: what a batch keeps in memory per document."""
    summary = {k: v for k, v in outcome.items() if k not in ("tables", "diagnostics")}
    if "tables" in outcome:
        summary["counts"] = {name: len(rows) for name, rows in outcome["tables"].items()}
    summary["n_diagnostics"] = len(outcome.get("diagnostics", ()))
    return summary


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
        self._pending = 0
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
        new.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?), ('pipeline', ?), ('output', ?)",
                    (SCHEMA_VERSION, pipeline_version(), output_version()))
        readers = []
        for path in previous:
            conn = _open_previous(Path(path))
            if conn is not None:
                readers.append(conn)
        return cls(new, readers)

    def known_sha(self, source_path: str, size: int, mtime_ns: int) -> str | None:
        """The SHA-256 an earlier run recorded for this path with this very size and
        mtime; None when the file is new or was touched since."""
        for conn in self._previous:
            try:
                row = conn.execute("SELECT sha256 FROM files WHERE source_path = ? AND size_bytes = ? "
                                   "AND mtime_ns = ?", (source_path, size, mtime_ns)).fetchone()
            except sqlite3.DatabaseError:
                continue
            if row is not None:
                return row[0]
        return None

    def lookup(self, key: str) -> dict | None:
        """The stored outcome's summary for `key` (see `summarize`), copied into this
        run's ledger; None if unknown."""
        for conn in [self._new, *self._previous]:
            try:
                row = conn.execute("SELECT sha256, file_name, pipeline, status, summary, outcome FROM results "
                                   "WHERE key = ?", (key,)).fetchone()
            except sqlite3.DatabaseError:
                continue
            if row is None:
                continue
            if conn is not self._new:
                self._write("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?, ?, ?)", (key, *row))
            self.hits += 1
            return json.loads(row[4])
        return None

    def outcome(self, key: str) -> dict:
        """The whole stored outcome (rows included) of a key stored or looked up in this run."""
        row = self._new.execute("SELECT outcome FROM results WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        return json.loads(zlib.decompress(row[0]))

    def store(self, key: str, sha256: str, file_name: str, outcome: dict) -> bool:
        """Remember a document's outcome (committed at once); False for a transient
        failure (time, memory, crashed worker), which is not stored: the next run
        tries again."""
        if outcome.get("transient"):
            return False
        kept = {k: v for k, v in outcome.items() if k != "seconds"}
        # Compressed: rows as JSON repeat their column names (a tenth of the size).
        data = zlib.compress(json.dumps(kept, sort_keys=True, ensure_ascii=False).encode("utf-8"), 6)
        summary = json.dumps(summarize(kept), sort_keys=True, ensure_ascii=False)
        self._write("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (key, sha256, file_name, pipeline_version(), outcome["status"], summary, data))
        self._commit()
        return True

    def record_file(self, source_path: str, key: str, sha256: str, size: int, mtime_ns: int) -> None:
        """Note which stored outcome a batch file used, and the file's size and mtime."""
        self._write("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)",
                    (source_path, key, sha256, size, mtime_ns))

    def previous_files(self) -> dict[str, str] | None:
        """source_path -> key of the previous output's ledger (the first previous one),
        when it was written by this very output code; else None."""
        if not self._previous:
            return None
        conn = self._previous[0]
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'output'").fetchone()
            if row is None or row[0] != output_version():
                return None
            return dict(conn.execute("SELECT source_path, key FROM files"))
        except sqlite3.DatabaseError:
            return None

    def _write(self, sql: str, params: tuple) -> None:
        # Copies and file rows are batched in one transaction: a killed run loses
        # at most their cheap re-copy, never an outcome that cost a parse.
        if not self._new.in_transaction:
            self._new.execute("BEGIN")
        self._new.execute(sql, params)
        self._pending += 1
        if self._pending >= _COMMIT_EVERY:
            self._commit()

    def _commit(self) -> None:
        if self._new.in_transaction:
            self._new.execute("COMMIT")
        self._pending = 0

    def finish(self) -> None:
        """Drop outcomes no file of this run uses and commit; earlier ledgers are
        closed, this run's stays open for `outcome` until `close`."""
        self._commit()
        self._new.execute("DELETE FROM files WHERE key NOT IN (SELECT key FROM results)")
        self._new.execute("DELETE FROM results WHERE key NOT IN (SELECT key FROM files)")
        for conn in self._previous:
            conn.close()
        self._previous = []

    def close(self) -> None:
        """Commit and close every connection (again: nothing happens)."""
        if self._new is not None:
            self._commit()
            self._new.close()
            self._new = None
        for conn in self._previous:
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
