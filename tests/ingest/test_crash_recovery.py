"""Crash safety: SIGKILL in the middle of a run leaves the previous output and its
ledger as they were; the next run recovers without manual clean-up, reuses what the
killed run finished, and writes what a full run writes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from ingest.ledger import LEDGER_NAME
from ingest.writers.output import recover, restore

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")


def cli(*args: str, wait: bool = True):
    cmd = [sys.executable, "-m", "ingest.cli", "run", *args, "--quiet"]
    if not wait:
        return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    return result


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def ledger_consistent(out: Path) -> int:
    """Number of files the ledger records; asserts it matches documents.csv."""
    with closing(sqlite3.connect(f"{(out / LEDGER_NAME).as_uri()}?mode=ro", uri=True)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        paths = {r[0] for r in conn.execute("SELECT source_path FROM files")}
        orphans = conn.execute("SELECT COUNT(*) FROM files WHERE key NOT IN (SELECT key FROM results)")
        assert orphans.fetchone() == (0,)
    docs = (out / "documents.csv").read_text(encoding="utf-8")
    assert all(p in docs for p in paths)
    return len(paths)


def partial_results(out: Path) -> int:
    for tmp in out.parent.glob(out.name + ".tmp-*"):
        try:
            with closing(sqlite3.connect(f"{(tmp / LEDGER_NAME).as_uri()}?mode=ro", uri=True, timeout=0.1)) as conn:
                return conn.execute("SELECT COUNT(*) FROM results").fetchone()[0]
        except sqlite3.Error:
            continue
    return 0


def children_of(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[1]) == pid:
                found.append(int(entry))
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_crash_sigkill_mid_run_keeps_previous_output_and_ledger(tmp_path, shared_dir):
    seed = (shared_dir / "seeds" / "img-hre-draft-workplan.txt").read_text(encoding="utf-8")
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    for i in range(3):
        (folder / f"plan {i:02d}.txt").write_text(seed + f"\nNote {i}.\n", encoding="utf-8")
    cli(str(folder), "--out", str(out))
    before = snapshot(out)
    assert ledger_consistent(out) == 3
    for i in range(3, 60):
        (folder / f"plan {i:02d}.txt").write_text(seed + f"\nNote {i}.\n", encoding="utf-8")

    proc = cli(str(folder), "--out", str(out), "--workers", "1", wait=False)
    deadline = time.monotonic() + 120
    while partial_results(out) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be killed"
    descendants = [c for child in children_of(proc.pid) for c in [child, *children_of(child)]]
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    assert snapshot(out) == before  # previous output untouched, ledger included
    assert ledger_consistent(out) == 3
    for pid in descendants:  # workers and fork server leave once the batch is gone
        for _ in range(100):
            if not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]:
                break
            time.sleep(0.05)
        else:
            pytest.fail(f"process {pid} outlived the killed batch")

    cli(str(folder), "--out", str(out))
    files = json.loads((out / "run.json").read_text(encoding="utf-8"))["files"]
    assert files["cached"] >= 3 and files["parsed"] + files["cached"] == 60
    assert not list(tmp_path.glob("out.tmp-*")) and not list(tmp_path.glob("out.old-*"))
    assert ledger_consistent(out) == 60
    cli(str(folder), "--out", str(tmp_path / "full"), "--full")
    for name in ("documents.csv", "activities.csv", "timelines.csv", "diagnostics.csv"):
        assert (out / name).read_bytes() == (tmp_path / "full" / name).read_bytes(), name


def test_crash_between_the_two_renames_is_undone(tmp_path):
    out = tmp_path / "out"
    old = tmp_path / "out.old-4242"
    old.mkdir()
    (old / "documents.csv").write_text("previous\n", encoding="utf-8")
    half = tmp_path / "out.tmp-4242"
    half.mkdir()
    (half / "documents.csv").write_text("half written", encoding="utf-8")
    restore(out)
    assert (out / "documents.csv").read_text(encoding="utf-8") == "previous\n"
    recover(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_crash_leftovers_do_not_stop_the_next_run(tmp_path, shared_dir):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text((shared_dir / "seeds" / "emg-workplan-2018.txt").read_text(encoding="utf-8"),
                                  encoding="utf-8")
    out = tmp_path / "out"
    (tmp_path / "out.old-1").mkdir()  # a killed run's old folder, with out missing
    (tmp_path / "out.old-1" / "documents.csv").write_text("x", encoding="utf-8")
    (tmp_path / "out.tmp-2").mkdir()
    (tmp_path / "out.tmp-2" / LEDGER_NAME).write_bytes(b"garbage, not sqlite")
    cli(str(folder), "--out", str(out), "--workers", "0")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]
    assert "a.txt" in (out / "documents.csv").read_text(encoding="utf-8")
