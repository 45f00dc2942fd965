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

import functools
import hashlib
import os
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import parsers
from normalize.rows import from_dict
from parsers import diagnostics as diag
from parsers.errors import IngestError, UnreadableFile
from parsers.limits import Limits

from .ledger import Ledger, result_key, summarize
from .rows import DiagnosticRecord, DocumentRecord
from .schema import TABLES
from .worker import COUNTED_TABLES, Task, WorkerPool, default_workers, error_failure

# Outcomes of a file that was read: it yields records, and its copies are duplicates.
READ = ("ok", "partial")

# Files a batch looks at inside folders. Legacy .doc files are picked up so that they
# are reported (or converted) rather than silently skipped.
INPUT_SUFFIXES = tuple(parsers.SUFFIXES)  # every suffix a parser reads (spreadsheets too)


@dataclass
class RunOptions:
    """How a batch runs (not what it reads): one object, so that a new option passes
    from the command line to the batch without new parameters on the way.

    workers: local worker processes; 0 reads documents in this process (no time or
        memory limit); None means `default_workers()`.
    executor: "local" (a process pool on this machine) or "dask" (ingest.executors.dask).
    scheduler: address of an existing Dask scheduler ("tcp://host:8786"); None starts
        a LocalCluster sized to the machine.
    ship_bytes: send each file's bytes to the Dask workers instead of its path (for
        workers that do not share this file system).
    verify: hash every file, even one whose size and mtime the ledger knows.
    lang / fiscal_year_start: how timelines are read (--lang, --fiscal-year-start);
        unlike the others they change a document's records (see `reading`).
    """

    workers: int | None = None
    executor: str = "local"
    scheduler: str | None = None
    ship_bytes: bool = False
    verify: bool = False
    lang: str | None = None
    fiscal_year_start: int | None = None

    def reading(self) -> tuple[tuple[str, object], ...]:
        """The options that change a document's records, as normalize_document's keyword
        arguments: each Task carries them and the ledger key holds them. () by default."""
        found = (("languages", (self.lang,) if self.lang else ()), ("fiscal_year_start", self.fiscal_year_start))
        return tuple((k, v) for k, v in found if v)


@dataclass
class BatchResult:
    """Everything a batch produced: one documents row per file, the way to each
    file's records, and run information.

    Rows of the other tables stay in the ledger (or, without one, in the outcome
    of each file) until they are written: `iter_diagnostics` and `iter_records`
    give them one file at a time, in the order the writer needs; `tables` gives
    them all at once (small batches, tests).

    stats: files found, parsed (by a parser in this run), cached (from the ledger),
        duplicate, failed.
    timings: seconds of each file parsed in this run (by source path), and "_total".
    counts: rows per table.
    reusable: every file used the same stored outcome as the previous output, which
        this output code wrote: its tables can be reused as they are.
    """

    files: list = field(default_factory=list)
    documents: list[DocumentRecord] = field(default_factory=list)
    ledger: Ledger | None = None
    timings: dict[str, float] = field(default_factory=dict)
    stats: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    reusable: bool = False

    def n_failed(self) -> int:
        return sum(1 for d in self.documents if d.status == "failed")

    def iter_diagnostics(self) -> Iterator[list[DiagnosticRecord]]:
        """Each file's diagnostics rows, files in source path order."""
        for f, row in zip(self.files, self.documents, strict=True):
            yield _diagnostics(f, row, self._full(f))

    def file_rows(self, i: int) -> tuple[list[DiagnosticRecord], dict[str, list[dict]] | None]:
        """File i's diagnostics rows and, when it yields its bytes' records, its tables
        (as in iter_records; else None), from one read of its outcome."""
        f, full = self.files[i], self._full(self.files[i])
        reads = f.duplicate_of is None and f.outcome["status"] in READ
        return _diagnostics(f, self.documents[i], full), full["tables"] if reads else None

    def iter_records(self) -> Iterator[dict[str, list[dict]]]:
        """Each read file's rows (table -> rows as column mappings), in doc_id order."""
        read = [(row.doc_id, i) for i, (f, row) in enumerate(zip(self.files, self.documents, strict=True))
                if f.duplicate_of is None and f.outcome and f.outcome["status"] in READ]
        for _, i in sorted(read):
            yield self._full(self.files[i])["tables"]

    @functools.cached_property
    def tables(self) -> dict[str, list]:
        """Every table's rows as records (ingest.rows), files in path order."""
        tables = {name: [] for name in TABLES}
        tables["documents"] = self.documents
        for f, diags in zip(self.files, self.iter_diagnostics(), strict=True):
            tables["diagnostics"].extend(diags)
            full = self._full(f)
            if full and f.duplicate_of is None and full["status"] in READ:
                for name in COUNTED_TABLES:
                    tables[name].extend(from_dict(name, r) for r in full["tables"].get(name, []))
        return tables

    def _full(self, f: _File) -> dict | None:
        if f.duplicate_of is not None or f.outcome is None or f.outcome["status"] not in READ:
            return f.outcome
        return f.full if f.full is not None else self.ledger.outcome(f.key)


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
    mtime_ns: int | None = None
    key: str | None = None
    outcome: dict | None = None  # a failure, or a read outcome's summary (ledger.summarize)
    full: dict | None = None  # the whole outcome, where no ledger keeps it
    duplicate_of: str | None = None


def run_batch(inputs: Iterable[str | Path],
              on_progress: Callable[[str, dict], None] | None = None, *,
              limits: Limits | dict | None = None, workers: int | None = None,
              ledger: Ledger | None = None, options: RunOptions | None = None) -> BatchResult:
    """Ingest every input file; never raises for a bad file.

    limits: resource limits (Limits, a dict of overrides, or None for defaults).
    workers: shorthand for `options.workers`.
    ledger: outcomes of earlier runs to reuse and where to store this run's; None
        reads every file and keeps the rows in memory.
    options: how to run (RunOptions); None for the defaults.
    """
    limits = Limits.resolve(limits)
    options = options or RunOptions(workers=workers)
    if workers is not None:
        options = replace(options, workers=workers)
    started = time.perf_counter()
    files = [_File(path, source_path) for path, source_path in find_inputs(inputs)]
    # Files with the same bytes form a group: its first readable member in path
    # order yields the records, the others are duplicates of it (SPEC "documents").
    groups: dict[str, list[_File]] = defaultdict(list)
    for f in files:
        try:
            _identify(f, ledger, options.verify)
        except OSError as e:
            f.outcome = _failure_for_oserror(f.path, e)
            continue
        reading = "".join(f";{k}={v}" for k, v in options.reading())
        f.key = result_key(f.sha, f.path.name, limits.result_key() + reading)
        groups[f.sha].append(f)
    stats = {"files": len(files), "parsed": 0, "cached": 0}
    result = BatchResult(files=files, ledger=ledger, stats=stats)
    with _executor(options, limits) as pool:
        by_task: dict[str, _File] = {}

        def next_member(group: list[_File]) -> None:
            # Try the group's members in path order until one is readable.
            for f in group:
                if f.outcome is not None:
                    continue
                cached = ledger.lookup(f.key) if ledger else None
                if cached is None:
                    by_task[str(f.path)] = f
                    pool.submit(Task(str(f.path), f.sha[:16], options.reading()))
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
            stats["parsed"] += 1
            stored = ledger.store(f.key, f.sha, f.path.name, outcome) if ledger else False
            if not stored and outcome["status"] in READ:
                f.full = outcome
            f.outcome = summarize(outcome)  # the rows wait in the ledger, not in memory
            _progress(f, on_progress)
            group = groups[f.sha]
            if outcome["status"] in READ:
                _mark_duplicates(group, f)
            else:
                next_member(group)
    for f in files:
        if ledger and f.key and f.outcome and not f.outcome.get("transient"):
            ledger.record_file(f.source_path, f.key, f.sha, f.size, f.mtime_ns)
        result.documents.append(_document(f))
        if "seconds" in (f.outcome or {}):
            result.timings[f.source_path] = f.outcome["seconds"]
    result.counts = _counts(result)
    result.reusable = _reusable(result)
    stats["duplicate"] = sum(1 for d in result.documents if d.status == "duplicate")
    stats["failed"] = result.n_failed()
    result.timings["_total"] = round(time.perf_counter() - started, 4)
    return result


def _identify(f: _File, ledger: Ledger | None, verify: bool) -> None:
    """The file's size, mtime and SHA-256; the hash an earlier run recorded when
    size and mtime are unchanged (the file is then not read)."""
    st = os.stat(f.path)
    f.size, f.mtime_ns = st.st_size, st.st_mtime_ns
    if ledger and not verify:
        f.sha = ledger.known_sha(f.source_path, f.size, f.mtime_ns)
    if f.sha is None:
        f.sha, f.size = file_digest(f.path)


def _executor(options: RunOptions, limits: Limits):
    from .executors import check_executor

    if options.executor == "dask":
        from .executors.dask import DaskExecutor

        return DaskExecutor(limits, scheduler=options.scheduler, ship_bytes=options.ship_bytes,
                            n_workers=options.workers)
    check_executor(options.executor)
    return WorkerPool(default_workers() if options.workers is None else options.workers, limits)


def _counts(result: BatchResult) -> dict[str, int]:
    counts = dict.fromkeys(("documents", "diagnostics", *COUNTED_TABLES), 0)
    counts["documents"] = len(result.documents)
    for f in result.files:
        o = f.outcome or {}
        read = f.duplicate_of is None and o.get("status") in READ
        counts["diagnostics"] += o.get("n_diagnostics", 0) if read else 1
        for name, n in (o.get("counts", {}) if read else {}).items():
            counts[name] += n
    return counts


def _reusable(result: BatchResult) -> bool:
    if result.ledger is None or result.stats["parsed"]:
        return False
    previous = result.ledger.previous_files()
    now = {f.source_path: f.key for f in result.files}
    return previous == now and all(f.key and not (f.outcome or {}).get("transient") for f in result.files)


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


def _document(f: _File) -> DocumentRecord:
    """One file's documents row."""
    row = document_row(f.path, f.source_path, f.sha, f.size)
    if f.duplicate_of is not None:
        return replace(row, status="duplicate", duplicate_of=f.duplicate_of, format=_format_of(f.path))
    if f.outcome is None:  # cannot happen: every file gets an outcome or a duplicate mark
        raise AssertionError(f"no outcome for {f.source_path}")
    if f.outcome["status"] in READ:
        return replace(row, **f.outcome["updates"], status=f.outcome["status"])
    o = f.outcome
    return replace(row, status="failed", error=f"{o['message']} {o['remedy']}".strip())


def _diagnostics(f: _File, row: DocumentRecord, full: dict | None) -> list[DiagnosticRecord]:
    """One file's diagnostics rows; `full` is its whole outcome."""
    if f.duplicate_of is not None:
        d = diag.make("duplicate", first=f.duplicate_of)
        diags = [{"severity": d.severity, "code": d.code, "message": d.message, "source_ref": d.source_ref}]
    elif full["status"] in READ:
        diags = full["diagnostics"]
    else:
        diags = [{"severity": diag.lookup(full["code"]).severity, "code": full["code"], "message": row.error,
                  "source_ref": full.get("source_ref")}]
    return [DiagnosticRecord(doc_id=row.doc_id, **d, source_path=f.source_path, position=i)
            for i, d in enumerate(diags, 1)]


def _format_of(path: Path) -> str | None:
    """The SPEC format of a duplicate's bytes (it is not read again), if one of ours."""
    try:
        fmt = parsers.detect_format(path)
    except (IngestError, OSError):
        return None
    return fmt if fmt in ("docx", "pdf", "txt", "xlsx", "csv") else None
