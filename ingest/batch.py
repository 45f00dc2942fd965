"""The batch runner: find input files, read each one in a worker, collect rows.

One bad file never stops a batch: every `IngestError` (and any unexpected
exception, timeout or crashed worker) becomes a `documents` row with
`status=failed`, an `error` that says what to do, and an error diagnostic; the
other files go on. A file read with a loss (a page, a part, table rows) is
`partial`: it yields its records like an `ok` one, and its `error` says what was
lost. Documents run in worker processes with a time limit and a
memory cap (ingest.worker); outcomes are kept in a ledger (ingest.ledger) so a
re-run reads only new or changed files. Results do not depend on the order in
which workers finish: rows are assembled per file in path order.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import parsers
from normalize.rows import from_dict
from parsers import diagnostics as diag
from parsers.errors import IngestError, UnreadableFile
from parsers.limits import Limits

from .ledger import Ledger, result_key
from .rows import DiagnosticRecord, DocumentRecord
from .worker import COUNTED_TABLES, Task, WorkerPool, default_workers, error_failure

# Outcomes of a file that was read: it yields records, and its copies are duplicates.
READ = ("ok", "partial")

# Files a batch looks at inside folders. Legacy .doc files are picked up so that they
# are reported (or converted) rather than silently skipped.
INPUT_SUFFIXES = tuple(parsers.SUFFIXES)  # every suffix a parser reads (spreadsheets too)


@dataclass
class BatchResult:
    """Everything a batch produced: rows per output table (records of ingest.rows),
    plus run information.

    stats: files found, parsed (by a parser in this run), cached (from the ledger),
        duplicate, failed.
    """

    tables: dict[str, list] = field(default_factory=lambda: {"documents": [], "diagnostics": []})
    timings: dict[str, float] = field(default_factory=dict)
    stats: dict[str, int] = field(default_factory=dict)

    @property
    def documents(self) -> list[DocumentRecord]:
        return self.tables["documents"]

    def n_failed(self) -> int:
        return sum(1 for d in self.documents if d.status == "failed")


def find_inputs(inputs: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """(path, source_path) for every input file, folders searched recursively, in path order.

    Symlinks inside a folder are followed only when they stay inside that folder.
    """
    found: dict[str, Path] = {}
    for item in inputs:
        item = Path(item)
        if item.is_dir():
            root = item.resolve()
            for dirpath, dirnames, filenames in os.walk(item, followlinks=False):
                dirnames.sort()
                for name in sorted(filenames):
                    path = Path(dirpath) / name
                    if path.suffix.lower() not in INPUT_SUFFIXES or name.startswith("~$"):
                        continue
                    if path.is_symlink() and not _inside(path.resolve(), root):
                        continue
                    found[_display_path(path)] = path
        elif item.exists():
            found[_display_path(item)] = item
        else:
            found[_display_path(item)] = item  # reported as failed: no such file
    return [(found[k], k) for k in sorted(found)]


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


def _display_path(path: Path) -> str:
    # abspath, not resolve(): a symlink keeps its own name (resolving it would make
    # it collide with its target and hide one of the two files).
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute)
    except ValueError:  # another drive (Windows)
        return Path(absolute).as_posix()
    return Path(absolute if relative.startswith("..") else relative).as_posix()


def file_digest(path: Path) -> tuple[str, int]:
    """(sha256 hex, size in bytes) of a file, read in chunks."""
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def document_row(path: Path, source_path: str, sha: str | None, size: int | None) -> DocumentRecord:
    """A documents row with the file facts filled in and status not yet decided."""
    return DocumentRecord(
        doc_id=sha[:16] if sha else None, source_path=source_path, file_name=path.name,
        format=None, sha256=sha, size_bytes=size, title=None, period_start=None,
        period_end=None, reference_year=None, status="ok", duplicate_of=None,
        error=None, n_activities=0, n_warnings=0,
    )


@dataclass
class _File:
    path: Path
    source_path: str
    sha: str | None = None
    size: int | None = None
    key: str | None = None
    outcome: dict | None = None
    duplicate_of: str | None = None


def run_batch(inputs: Iterable[str | Path],
              on_progress: Callable[[str, dict], None] | None = None, *,
              limits: Limits | dict | None = None, workers: int | None = None,
              ledger: Ledger | None = None) -> BatchResult:
    """Ingest every input file; never raises for a bad file.

    limits: resource limits (Limits, a dict of overrides, or None for defaults).
    workers: worker processes; 0 reads documents in this process (no time or
        memory limit); None means `default_workers()`.
    ledger: outcomes of earlier runs to reuse and where to store this run's; None
        reads every file.
    """
    limits = Limits.resolve(limits)
    workers = default_workers() if workers is None else workers
    started = time.perf_counter()
    files = [_File(path, source_path) for path, source_path in find_inputs(inputs)]
    # Files with the same bytes form a group: its first readable member in path
    # order yields the records, the others are duplicates of it (SPEC "documents").
    groups: dict[str, list[_File]] = defaultdict(list)
    for f in files:
        try:
            f.sha, f.size = file_digest(f.path)
        except OSError as e:
            f.outcome = _failure_for_oserror(f.path, e)
            continue
        f.key = result_key(f.sha, f.path.name, limits.result_key())
        groups[f.sha].append(f)
    stats = {"files": len(files), "parsed": 0, "cached": 0}
    result = BatchResult(stats=stats)
    with WorkerPool(workers, limits) as pool:
        by_task: dict[str, _File] = {}

        def next_member(group: list[_File]) -> None:
            # Try the group's members in path order until one is readable.
            for f in group:
                if f.outcome is not None:
                    continue
                cached = ledger.lookup(f.key) if ledger else None
                if cached is None:
                    by_task[str(f.path)] = f
                    pool.submit(Task(str(f.path), f.sha[:16]))
                    return
                f.outcome = cached
                stats["cached"] += 1
                _progress(f, on_progress)
                if cached["status"] in READ:
                    _mark_duplicates(group, f)
                    return

        for group in groups.values():
            next_member(group)
        for task, outcome in pool.results():
            f = by_task.pop(task.path)
            f.outcome = outcome
            stats["parsed"] += 1
            if ledger:
                ledger.store(f.key, f.sha, f.path.name, outcome)
            _progress(f, on_progress)
            group = groups[f.sha]
            if outcome["status"] in READ:
                _mark_duplicates(group, f)
            else:
                next_member(group)
    for f in files:
        if ledger and f.key and f.outcome and not f.outcome.get("transient"):
            ledger.record_file(f.source_path, f.key, f.sha, f.size)
        _assemble(f, result)
    stats["duplicate"] = sum(1 for d in result.documents if d.status == "duplicate")
    stats["failed"] = result.n_failed()
    result.timings["_total"] = round(time.perf_counter() - started, 4)
    return result


def _mark_duplicates(group: list[_File], first: _File) -> None:
    for f in group:
        if f is not first and f.outcome is None:
            f.duplicate_of = first.source_path


def _progress(f: _File, on_progress) -> None:
    if on_progress:
        row = replace(document_row(f.path, f.source_path, f.sha, f.size), status=f.outcome["status"])
        on_progress(f.source_path, row)


def _failure_for_oserror(path: Path, e: OSError) -> dict:
    # Transient: a permission or a vanished file is no property of the bytes.
    error = UnreadableFile(f"Cannot read {path.name}: {e.strerror or e}.",
                           "Check that the file exists and is readable.")
    return error_failure(error, transient=True)


def _assemble(f: _File, result: BatchResult) -> None:
    """Add one file's documents row, records and diagnostics to the result.

    Outcomes carry rows as dicts (they come through a pipe or from the ledger's
    JSON); here they become records again, which checks their columns."""
    row = document_row(f.path, f.source_path, f.sha, f.size)
    if f.duplicate_of is not None:
        row = replace(row, status="duplicate", duplicate_of=f.duplicate_of, format=_format_of(f.path))
        d = diag.make("duplicate", first=f.duplicate_of)
        diags = [{"severity": d.severity, "code": d.code, "message": d.message, "source_ref": d.source_ref}]
    elif f.outcome is None:  # cannot happen: every file gets an outcome or a duplicate mark
        raise AssertionError(f"no outcome for {f.source_path}")
    elif f.outcome["status"] in READ:
        row = replace(row, **f.outcome["updates"], status=f.outcome["status"])
        for name in COUNTED_TABLES:
            rows = f.outcome["tables"].get(name, [])
            result.tables.setdefault(name, []).extend(from_dict(name, r) for r in rows)
        diags = f.outcome["diagnostics"]
    else:
        o = f.outcome
        error = f"{o['message']} {o['remedy']}".strip()
        row = replace(row, status="failed", error=error)
        diags = [{"severity": diag.lookup(o["code"]).severity, "code": o["code"], "message": error,
                  "source_ref": o.get("source_ref")}]
    for name in COUNTED_TABLES:
        result.tables.setdefault(name, [])
    result.documents.append(row)
    result.tables["diagnostics"].extend(
        DiagnosticRecord(doc_id=row.doc_id, **d, source_path=f.source_path, position=i)
        for i, d in enumerate(diags, 1))
    if f.outcome is not None and "seconds" in f.outcome:
        result.timings[f.source_path] = f.outcome["seconds"]


def _format_of(path: Path) -> str | None:
    """The SPEC format of a duplicate's bytes (it is not read again), if one of ours."""
    try:
        fmt = parsers.detect_format(path)
    except (IngestError, OSError):
        return None
    return fmt if fmt in ("docx", "pdf", "txt") else None
