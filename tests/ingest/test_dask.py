"""--executor dask on a real LocalCluster(processes=True, n_workers=2): the same
tables as a local run, and a hanging document, a runaway one and a killed Dask
worker each cost one document, never the batch."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ingest.cli import app
from ingest.executors.dask import DaskExecutor, cluster_config
from ingest.schema import TABLES
from ingest.worker import Task
from parsers.limits import Limits, parse_size

distributed = pytest.importorskip("distributed")  # the [dask] extra; the test extra has it too
dask = pytest.importorskip("dask")
psutil = pytest.importorskip("psutil")  # a dependency of distributed

_spec = importlib.util.spec_from_file_location("hostile_batch", Path(__file__).with_name("test_hostile_batch.py"))
hb = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hb)

# One set of limits for every test here: each Dask worker keeps one warm
# per-document process for them (a change of limits would start another).
TIMEOUT = "10"
MEMORY = "50MB"
LIMITS = Limits(timeout=float(TIMEOUT), memory_limit=parse_size(MEMORY))


@pytest.fixture(scope="module")
def cluster():
    with dask.config.set(cluster_config()):
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                           dashboard_address=None)
    client = distributed.Client(cluster)
    yield cluster, client
    client.close()
    cluster.close()


@pytest.fixture(scope="module")
def folder(tmp_path_factory, shared_dir) -> Path:
    """Text, Word and PDF workplans, a duplicate and an empty file."""
    folder = tmp_path_factory.mktemp("dask") / "in"
    folder.mkdir()
    seed = (shared_dir / "seeds" / "emg-workplan-2018.txt").read_text(encoding="utf-8")
    for i in range(4):
        (folder / f"plan {i}.txt").write_text(seed + f"\nNote {i}.\n", encoding="utf-8")
    shutil.copy(shared_dir / "fixtures" / "img-hre-draft-workplan.docx", folder / "img.docx")
    shutil.copy(shared_dir / "fixtures" / "emg-workplan-2018.pdf", folder / "emg.pdf")
    shutil.copy(folder / "plan 1.txt", folder / "plan 1 again.txt")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def run(folder: Path, out: Path, *extra: str) -> dict[str, bytes]:
    result = CliRunner().invoke(app, ["run", str(folder), "--out", str(out), "--quiet", "--no-report",
                                      "--timeout", TIMEOUT, "--memory-limit", MEMORY, *extra],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return {name: (out / f"{name}.csv").read_bytes() for name in TABLES}


def test_dask_tables_are_byte_identical_to_a_local_run(cluster, folder, tmp_path):
    local = run(folder, tmp_path / "local", "--workers", "1")
    address = cluster[0].scheduler_address
    on_dask = run(folder, tmp_path / "dask", "--executor", "dask", "--scheduler", address)
    assert on_dask == local
    docs = local["documents"].decode()
    assert "duplicate" in docs and "is empty" in docs and docs.count(",ok,") == 6
    # Workers that cannot see the files get their bytes: same tables again.
    assert run(folder, tmp_path / "shipped", "--executor", "dask", "--scheduler", address,
               "--ship-bytes") == local
    # The ledger stays on the client: a rerun on Dask reads nothing.
    run(folder, tmp_path / "dask", "--executor", "dask", "--scheduler", address)
    files = json.loads((tmp_path / "dask" / "run.json").read_text(encoding="utf-8"))["files"]
    assert (files["parsed"], files["cached"]) == (0, 7)


def _kill_worker_when_read(fifo: Path, kills: int, then_write: bytes | None) -> threading.Thread:
    """Kill the Dask worker whose task reads `fifo` (with the processes it started),
    `kills` times (each retry reads it again); then, if `then_write` is given, make
    `fifo` a plain file of those bytes.

    The test holds the FIFO open for writing, so a reader's open() returns and its
    read() waits (no end of file) until the bytes come or it is killed."""
    holder = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)

    def killer():
        done = 0
        deadline = time.monotonic() + 120
        try:
            while time.monotonic() < deadline:
                pids = readers(fifo)
                if not pids:
                    time.sleep(0.05)
                    continue
                # LocalCluster's worker processes are children of this process.
                try:
                    process = psutil.Process(pids[0])
                    while process is not None and process.ppid() != os.getpid():
                        process = process.parent()
                except psutil.NoSuchProcess:
                    continue
                if process is None:
                    continue
                tree = [*process.children(recursive=True), process]
                for child in tree:
                    try:
                        child.kill()
                    except psutil.NoSuchProcess:
                        pass
                psutil.wait_procs(tree, timeout=10)  # the retry may have opened the FIFO already
                done += 1
                if done == kills:
                    if then_write is not None:  # the retry reads a whole file
                        fifo.unlink()
                        fifo.write_bytes(then_write)
                    return
        finally:
            os.close(holder)

    thread = threading.Thread(target=killer, daemon=True)
    thread.start()
    return thread


def readers(fifo: Path) -> list[int]:
    """Processes other than this one with `fifo` open."""
    target = str(fifo)
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if any(os.readlink(fd) == target for fd in (entry / "fd").iterdir()):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def run_tasks(cluster, paths: list[Path]) -> dict[str, dict]:
    with DaskExecutor(LIMITS, scheduler=cluster[0].scheduler_address) as executor:
        for i, path in enumerate(paths):
            executor.submit(Task(str(path), f"{i:016x}"))
        return {Path(task.path).name: outcome for task, outcome in executor.results()}


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="finds the FIFO's reader in /proc")
def test_dask_worker_killed_mid_task_is_retried(cluster, tmp_path, shared_dir):
    fifo = tmp_path / "slow.txt"
    os.mkfifo(fifo)
    seed = (shared_dir / "seeds" / "emg-workplan-2018.txt").read_bytes()
    killer = _kill_worker_when_read(fifo, kills=1, then_write=seed)
    outcomes = run_tasks(cluster, [fifo])
    killer.join(10)
    assert outcomes["slow.txt"]["status"] == "ok", outcomes
    assert outcomes["slow.txt"]["updates"]["n_activities"] > 40


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="finds the FIFO's reader in /proc")
def test_dask_document_that_kills_its_worker_twice_is_worker_lost(cluster, tmp_path, folder):
    fifo = tmp_path / "deadly.txt"
    os.mkfifo(fifo)
    killer = _kill_worker_when_read(fifo, kills=2, then_write=None)
    outcomes = run_tasks(cluster, [fifo, folder / "plan 0.txt"])
    killer.join(10)
    assert outcomes["deadly.txt"]["code"] == "worker_lost", outcomes["deadly.txt"]
    assert outcomes["plan 0.txt"]["status"] == "ok"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="the hanging input is a FIFO")
def test_dask_hanging_and_runaway_documents_fail_alone(cluster, tmp_path, folder):
    hang = tmp_path / "hangs.txt"
    os.mkfifo(hang)  # nobody ever writes it: reading it never ends
    runaway = hb.big_table_docx(tmp_path / "runaway.docx", 20_000)  # about 150 MB to read: over the cap
    outcomes = run_tasks(cluster, [hang, runaway, folder / "plan 2.txt"])
    assert outcomes["hangs.txt"]["code"] == "timeout"
    assert outcomes["runaway.docx"]["code"] == "memory_exceeded"
    assert outcomes["plan 2.txt"]["status"] == "ok"


def test_dask_unknown_executor_is_a_usage_error(folder, tmp_path):
    result = CliRunner().invoke(app, ["run", str(folder), "--out", str(tmp_path / "out"), "--executor", "spark"])
    assert result.exit_code == 2 and "local, dask" in result.output
    assert not (tmp_path / "out").exists()
