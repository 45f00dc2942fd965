"""Run documents on a Dask cluster (`workplan-ingest run --executor dask`).

One document is one Dask task. Dask has no per-task time limit and its memory
limit acts on whole workers, so inside the task the document runs in a
per-document process of `ingest.worker.WorkerPool`, kept warm in each Dask worker
(one per worker thread), with the run's `--timeout` and `--memory-limit`: a
document that hangs or blows its memory fails alone, as in a local run.

Losing a Dask worker (killed, out of memory, machine gone) costs a retry: the
scheduler runs the task again on another worker. A task whose worker dies a
second time fails with `worker_lost` (scheduler setting `allowed-failures` = 1
for the LocalCluster started here; an existing cluster keeps its own setting).

Outcomes come back in whatever order tasks finish; the batch writes them in a
fixed order (ingest.writers.stream), so the tables are byte-identical to a local
run. Tasks are submitted a window at a time, so the client holds a bounded number
of futures (and, with `ship_bytes`, of file contents) whatever the batch size.
The ledger stays on the client: workers only read documents.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import tempfile
import threading
from collections import deque
from collections.abc import Iterator
from pathlib import Path

from parsers.limits import Limits

from ..worker import Task, WorkerPool, failure

# Tasks in flight per Dask worker thread: enough to keep each one busy.
WINDOW_PER_THREAD = 2
_local = threading.local()


def run_on_worker(task: Task, limits: Limits, data: bytes | None = None) -> dict:
    """The outcome of one document, run on a Dask worker in a per-document process
    (this thread's WorkerPool of one, started on first use and reused).

    data: the file's bytes (--ship-bytes), written to a private temporary file
        with the same name, read, then removed; None reads `task.path`.
    """
    # Dask starts its worker processes as daemons, and a daemon may not start
    # processes; ours watch their parent and exit with it (ingest.worker).
    mp.current_process()._config["daemon"] = False
    pool = getattr(_local, "pool", None)
    if pool is None or pool.limits != limits:
        if pool is not None:
            pool.close()
        pool = _local.pool = WorkerPool(1, limits)
    if data is None:
        return _run(pool, task)
    with tempfile.TemporaryDirectory(prefix="wpi-ship-") as tmp:
        path = Path(tmp) / Path(task.path).name
        path.write_bytes(data)
        outcome = _run(pool, Task(str(path), task.doc_id, task.options))  # the run's reading options too
    return outcome


def _run(pool: WorkerPool, task: Task) -> dict:
    pool.submit(task)
    ((_, outcome),) = list(pool.results())
    return outcome


class DaskExecutor:
    """Runs submitted tasks on a Dask cluster and yields (task, outcome) as each finishes.

    scheduler: address of a running scheduler; None starts a LocalCluster of
        `n_workers` single-threaded worker processes (default: one per core).
    ship_bytes: send each file's bytes with its task, for workers that cannot see
        the client's files.
    """

    def __init__(self, limits: Limits, scheduler: str | None = None, ship_bytes: bool = False,
                 n_workers: int | None = None):
        self.limits = limits
        self.scheduler = scheduler
        self.ship_bytes = ship_bytes
        self.n_workers = n_workers or os.cpu_count() or 1
        self._pending: deque[Task] = deque()
        self._client = self._cluster = None

    def __enter__(self) -> DaskExecutor:
        try:
            import dask
            from distributed import Client, LocalCluster
        except ImportError as e:
            raise RuntimeError("--executor dask needs Dask: pip install 'workplan-ingest[dask]'") from e
        if self.scheduler:
            self._client = Client(self.scheduler)
            return self
        with dask.config.set(cluster_config()):
            self._cluster = LocalCluster(n_workers=self.n_workers, threads_per_worker=1, processes=True,
                                         dashboard_address=None)
            self._client = Client(self._cluster)
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def submit(self, task: Task) -> None:
        """Queue a task; it is sent to the cluster when `results()` is iterated."""
        self._pending.append(task)

    def results(self) -> Iterator[tuple[Task, dict]]:
        """(task, outcome) for every submitted task, tasks submitted meanwhile included."""
        from distributed import as_completed

        window = WINDOW_PER_THREAD * max(1, sum(self._client.nthreads().values()))
        running = as_completed()
        tasks = {}
        unread: list[tuple[Task, dict]] = []  # --ship-bytes files that could not be read here

        def fill() -> None:
            while self._pending and running.count() < window:
                task = self._pending.popleft()
                try:
                    data = Path(task.path).read_bytes() if self.ship_bytes else None
                except OSError as e:
                    unread.append((task, failure("unreadable_file", transient=True,
                                                 reason=f"Cannot read {Path(task.path).name}: {e.strerror or e}.")))
                    continue
                # Workers need not share the client's working folder: absolute paths.
                remote = Task(os.path.abspath(task.path), task.doc_id)
                future = self._client.submit(run_on_worker, remote, self.limits, data, pure=False, retries=1,
                                             key=f"wpi-{task.doc_id}-{len(tasks)}")
                tasks[future.key] = task
                running.add(future)

        fill()
        while running.count() or self._pending or unread:
            if unread:
                yield unread.pop()
                fill()
                continue
            future = next(running)
            task = tasks.pop(future.key)
            yield task, _outcome(future)
            future.release()
            fill()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        self._client = self._cluster = None


def cluster_config() -> dict:
    """Dask settings of the LocalCluster started for a batch."""
    return {
        # A task is lost with its worker at most once; the second loss fails the document.
        "distributed.scheduler.allowed-failures": 1,
        # One task per worker thread at a time, so a dying worker takes no queued task with it.
        "distributed.scheduler.worker-saturation": 1.0,
        # Documents run in processes of their own, which a daemon may not start.
        "distributed.worker.daemon": False,
    }


def _outcome(future) -> dict:
    if future.status == "finished":
        return future.result()
    return outcome_of_error(future.exception())


def outcome_of_error(error: BaseException) -> dict:
    """The failed outcome of a task that raised `error` instead of returning one: its
    worker lost twice (KilledWorker: `worker_lost`), or a failure of Dask itself."""
    from distributed import KilledWorker

    if isinstance(error, KilledWorker):
        return failure("worker_lost", transient=True)
    return failure("internal_error", transient=True, reason=f"{type(error).__name__}: {error}")
