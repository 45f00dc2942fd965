"""Run documents in worker processes, each with a time limit and a memory cap.

One document is one task. A worker that overruns its time limit is killed and
replaced: the document fails with `timeout`, the batch goes on. Workers set
RLIMIT_AS so that a runaway parse fails with a clear error instead of taking the
machine. Workers start through "forkserver" (a clean, single-threaded process
that forks them) where the platform has it, else "spawn": forking the batch
process itself could copy a lock held by another thread (issue "Trustworthy
batches", point 2).

`workers=0` runs documents in the calling process: no time or memory limit, but
no process start-up either (tests, debugging).
"""

from __future__ import annotations

import multiprocessing as mp
import os
import threading
import time
import traceback
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from pathlib import Path

from parsers import diagnostics as diag
from parsers.limits import Limits

COUNTED_TABLES = ("sections", "activities", "participants", "timelines", "comments", "notes", "events")
START_TIMEOUT = 120.0  # seconds a worker may take to start and warm up
# Imported before a worker takes its first document (and preloaded in the fork
# server), so that start-up time is not charged to a document's time limit.
# normalize.pipeline imports every step.
WARM_MODULES = ("ingest.worker", "parsers", "parsers.safety", "parsers.docx", "parsers.text",
                "normalize.pipeline")


def default_workers() -> int:
    """Worker processes when not told: two, or one on a single-core machine."""
    return max(1, min(2, os.cpu_count() or 1))


@dataclass(frozen=True)
class Task:
    """One document to read. path: where to read it; doc_id: its id (SHA-256 prefix)."""

    path: str
    doc_id: str
    options: tuple = ()  # normalize_document's keyword arguments (RunOptions.reading)


def run_document(task: Task, limits: Limits) -> dict:
    """The outcome of reading one document, as plain data (picklable, JSON-able).

    {"status": "ok" | "partial", "updates": {documents-row fields},
     "tables": {name: [every column of a row, as a dict (normalize.rows.as_dict)]},
     "diagnostics": [{severity, code, message, source_ref}], "seconds": float}
    or {"status": "failed", "code", "message", "remedy", "source_ref", "transient", "seconds"}.
    "partial" means the document was read but lost something: some diagnostic's
    code is a loss in the catalogue (parsers.diagnostics); "ok" means nothing was lost.
    A transient failure (time, memory, a crashed worker) depends on the machine, not
    on the file's bytes, so the ledger does not keep it.
    Never raises for a bad file.
    """
    import parsers
    from normalize.pipeline import normalize_document
    from normalize.rows import as_dict
    from parsers.errors import IngestError, UnreadableFile

    started = time.perf_counter()
    peak_before = _vm_bytes("VmPeak")
    try:
        doc = parsers.parse(Path(task.path), limits)
        records, info = normalize_document(doc, task.doc_id, **dict(task.options))
        # The normalizers make records without doc_id: each gets this document's
        # here, and travels as a plain dict, which the pipe and the ledger's JSON carry.
        tables = {name: [as_dict(replace(row, doc_id=task.doc_id)) for row in records.tables.get(name, [])]
                  for name in COUNTED_TABLES}
        diags = list(doc.diagnostics) + list(records.diagnostics)
        losses = [d for d in diags if diag.loses_data(d.code)]
        outcome = {
            "status": "partial" if losses else "ok",
            "updates": {"format": doc.format, "title": info.title, "reference_year": info.reference_year,
                        "period_start": info.period_start, "period_end": info.period_end,
                        "n_activities": len(tables["activities"]),
                        "n_warnings": sum(1 for d in diags if d.severity != "info"),
                        "error": loss_summary(losses)},
            "tables": tables,
            "diagnostics": [{"severity": d.severity, "code": d.code, "message": d.message,
                             "source_ref": d.source_ref} for d in diags],
        }
    except IngestError as e:
        # lxml reports a failed allocation as malformed XML: near the cap, blame the cap.
        outcome = (_memory_failure(limits) if _near_memory_limit(limits.memory_limit, peak_before)
                   else error_failure(e))
    except MemoryError:
        outcome = _memory_failure(limits)
    except RecursionError:
        outcome = error_failure(UnreadableFile(
            "The document is nested too deeply to read.",
            "Open it in Word, simplify nested tables or lists, and save a fresh copy."))
    except Exception as e:  # noqa: BLE001 - a bug must cost one file, not the batch
        if _near_memory_limit(limits.memory_limit, peak_before):
            # C extensions report a failed allocation in odd ways (SystemError, lxml
            # errors); near the cap, the cap is the likely cause.
            outcome = _memory_failure(limits)
            outcome["seconds"] = round(time.perf_counter() - started, 4)
            return outcome
        trace = traceback.format_exc(limit=3).replace("\n", " | ")[-600:]
        outcome = failure("internal_error", reason=f"{type(e).__name__}: {e}. {trace}")
    outcome["seconds"] = round(time.perf_counter() - started, 4)
    return outcome


def loss_summary(losses: list) -> str | None:
    """documents.error of a partial document: what was lost (each loss diagnostic's
    message) and what to do (each remedy once); None when nothing was lost."""
    if not losses:
        return None
    remedies = dict.fromkeys(diag.lookup(d.code).remedy for d in losses)
    return " ".join([*dict.fromkeys(d.message for d in losses), *remedies])


def _memory_failure(limits: Limits) -> dict:
    limit = f"{limits.memory_limit / (1024 * 1024):g} MB" if limits.memory_limit else "memory"
    return failure("memory_exceeded", transient=True, limit=limit)


def _vm_bytes(field: str) -> int:
    """A Vm* figure of this process from /proc/self/status, in bytes; 0 where unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _near_memory_limit(limit: int | None, peak_before: int = 0) -> bool:
    """True when a memory limit is set and this document took this process's address
    space within 10% of the cap in force (its peak rose that high during the document).
    A worker whose peak came that close retires after its document (_worker_main), so
    a peak is never left over from an earlier document: outcomes must not depend on
    the order of documents."""
    if not limit:
        return False
    try:
        import resource
        cap = resource.getrlimit(resource.RLIMIT_AS)[0]
    except (ImportError, OSError, ValueError):
        return False
    if cap <= 0:
        return False
    peak = _vm_bytes("VmPeak")
    return peak > peak_before and peak > 0.9 * cap


_WARM_UP_TEXT = ("Work plan 2021\n1. Joint policy work\n\tActivity\tLead\tTimeline\n"
                 "\ta) Draft guidance on human rights\tUNEP, OHCHR (tbc)\tQ3 2021\n")


def warm_up() -> None:
    """Import every module a document needs and read one small document, so that
    the first real document does not pay for lazy loading (word lists, dateparser,
    organisation names: seconds) out of its time limit."""
    import importlib
    import tempfile

    for name in WARM_MODULES:
        importlib.import_module(name)  # a renamed module must fail here, not be skipped
    with tempfile.TemporaryDirectory(prefix="wpi-warm-") as tmp:
        sample = Path(tmp) / "warm-up.txt"
        sample.write_text(_WARM_UP_TEXT, encoding="utf-8")
        run_document(Task(str(sample), "0" * 16), Limits(timeout=None, memory_limit=None))


def failure(code: str, source_ref: str | None = None, transient: bool = False, **fields) -> dict:
    """A failed outcome (see run_document) for catalogued `code`: its message is the
    code's template filled with `fields`, its remedy the catalogue's."""
    entry = diag.lookup(code)
    return {"status": "failed", "code": code, "message": entry.format(**fields), "remedy": entry.remedy,
            "source_ref": source_ref, "transient": transient}


def error_failure(e, transient: bool = False) -> dict:
    """A failed outcome for an IngestError (its message and remedy as raised)."""
    return {"status": "failed", "code": e.code, "message": e.message, "remedy": e.remedy,
            "source_ref": e.source_ref, "transient": transient}


def _context():
    method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    if method == "forkserver":
        # Imported once in the fork server, so each worker starts warm.
        ctx.set_forkserver_preload([*WARM_MODULES, "ingest.warm"])
    return ctx


def _worker_main(conn: Connection, limits: Limits, parent_pid: int) -> None:
    if limits.memory_limit:
        # The limit is what a document may add to the loaded pipeline (about 300 MB
        # of address space, shared with the fork server), so it means the same
        # whatever the libraries take at start.
        cap = _vm_bytes("VmSize") + limits.memory_limit
        try:
            import resource
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        except (ImportError, ValueError, OSError):
            pass  # no RLIMIT_AS on this system: the time limit still applies

    parent = mp.parent_process()

    def watch_parent() -> None:
        # A worker must not outlive a killed batch (SIGKILL gives the batch no chance
        # to stop it). Under forkserver the OS parent is the fork server, so we wait
        # on the sentinel multiprocessing keeps for the process that started us.
        if parent is not None:
            parent.join()
        else:  # pragma: no cover - every start method we use sets parent_process()
            while os.getppid() == parent_pid:
                time.sleep(1.0)
        os._exit(3)

    threading.Thread(target=watch_parent, daemon=True).start()
    warm_up()
    try:
        conn.send("ready")
    except OSError:
        return
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        outcome = run_document(task, limits)
        # Out of memory, or close to the cap: a fresh process is cleaner than a
        # fragmented heap, and starts the next document's peak afresh.
        retire = bool(outcome.get("transient")) or _near_memory_limit(limits.memory_limit)
        try:
            conn.send((outcome, retire))
        except (BrokenPipeError, OSError):
            return
        if retire:
            return


class _Worker:
    def __init__(self, ctx, limits: Limits):
        self.conn, child = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=_worker_main, args=(child, limits, os.getpid()), daemon=True)
        self.process.start()
        child.close()
        self.task: Task | None = None
        self.ready = False
        self.started = time.monotonic()
        self.deadline = 0.0

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                self.process.kill()
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


class WorkerPool:
    """Runs submitted tasks and yields (task, outcome) as each finishes.

    n_workers: worker processes (at most); 0 runs tasks in this process, in order.
    Use as a context manager so that workers are stopped.
    """

    def __init__(self, n_workers: int, limits: Limits):
        self.n_workers = n_workers
        self.limits = limits
        self._pending: deque[Task] = deque()
        self._workers: list[_Worker] = []
        self._ctx = _context() if n_workers > 0 else None

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def submit(self, task: Task) -> None:
        """Queue a task; it runs when `results()` is iterated."""
        self._pending.append(task)

    def results(self) -> Iterator[tuple[Task, dict]]:
        """(task, outcome) for every submitted task, tasks submitted meanwhile included."""
        if self.n_workers == 0:
            while self._pending:
                task = self._pending.popleft()
                yield task, run_document(task, self.limits)
            return
        while self._pending or any(w.task for w in self._workers):
            self._dispatch()
            starting = [w for w in self._workers if not w.ready]
            busy = [w for w in self._workers if w.task]
            deadlines = [w.started + START_TIMEOUT for w in starting]
            if self.limits.timeout:
                deadlines += [w.deadline for w in busy]
            timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
            watched = starting + busy
            ready = wait([w.conn for w in watched] + [w.process.sentinel for w in watched], timeout)
            for worker in starting:
                if not self._check_start(worker, ready) and self._pending:
                    # A worker that cannot start costs one document, not the batch.
                    yield self._pending.popleft(), failure("worker_unavailable", transient=True)
            for worker in busy:
                outcome = self._collect(worker, ready)
                if outcome is not None:
                    task, worker.task = worker.task, None
                    yield task, outcome

    def _dispatch(self) -> None:
        for worker in self._workers:
            if not self._pending:
                return
            if worker.ready and worker.task is None:
                self._start(worker, self._pending.popleft())
        idle_or_starting = sum(1 for w in self._workers if w.task is None)
        while len(self._workers) < self.n_workers and idle_or_starting < len(self._pending):
            self._workers.append(_Worker(self._ctx, self.limits))
            idle_or_starting += 1

    def _check_start(self, worker: _Worker, ready: list) -> bool:
        """Mark a starting worker ready; False (and the worker discarded) when it died
        or overran START_TIMEOUT before it could start."""
        if worker.conn in ready:
            try:
                worker.ready = worker.conn.recv() == "ready"
            except (EOFError, OSError):
                worker.ready = False
            if worker.ready:
                return True
        elif worker.process.sentinel not in ready and time.monotonic() < worker.started + START_TIMEOUT:
            return True
        self._discard(worker)
        return False

    def _start(self, worker: _Worker, task: Task) -> None:
        worker.task = task
        worker.deadline = time.monotonic() + (self.limits.timeout or 0)
        worker.conn.send(task)

    def _collect(self, worker: _Worker, ready: list) -> dict | None:
        """The worker's outcome if it has one (finished, died or overran), else None."""
        if worker.conn in ready:
            try:
                outcome, retire = worker.conn.recv()
            except (EOFError, OSError):
                pass  # died while answering: reported below
            else:
                if retire:
                    self._discard(worker)  # it exits after its answer
                return outcome
        elif worker.process.sentinel not in ready:
            if not self.limits.timeout or time.monotonic() < worker.deadline:
                return None
            self._discard(worker)
            return failure("timeout", transient=True, seconds=f"{self.limits.timeout:g}")
        self._discard(worker)
        return failure("worker_crashed", transient=True, exit_code=worker.process.exitcode)

    def _discard(self, worker: _Worker) -> None:
        # A killed worker is not reused; _dispatch starts a fresh one if work remains.
        worker.stop(kill=True)
        self._workers.remove(worker)

    def close(self) -> None:
        """Stop every worker."""
        for worker in self._workers:
            worker.stop()
        self._workers.clear()
