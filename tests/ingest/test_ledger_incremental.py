"""The run ledger: a re-run reads only new or changed files and writes the same bytes
as a full run; removed files leave the ledger; --full and changed limits re-read."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ingest.cli import app
from ingest.ledger import LEDGER_NAME, pipeline_version
from ingest.schema import TABLES

runner = CliRunner()


def run(folder: Path, out: Path, *extra: str) -> dict:
    result = runner.invoke(app, ["run", str(folder), "--out", str(out), "--quiet", "--workers", "0", *extra],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads((out / "run.json").read_text(encoding="utf-8"))["files"]


def tables_bytes(out: Path) -> dict[str, bytes]:
    return {name: (out / f"{name}.csv").read_bytes() for name in TABLES}


def ledger_rows(out: Path) -> tuple[list, list]:
    with closing(sqlite3.connect(out / LEDGER_NAME)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        files = conn.execute("SELECT source_path, key FROM files ORDER BY source_path").fetchall()
        results = conn.execute("SELECT key, status, pipeline FROM results ORDER BY key").fetchall()
    return files, results


@pytest.fixture()
def folder(tmp_path, shared_dir) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    seed = (shared_dir / "seeds" / "emg-workplan-2018.txt").read_text(encoding="utf-8")
    for i in range(3):
        (folder / f"plan {i}.txt").write_text(seed + f"\nNote {i}.\n", encoding="utf-8")
    shutil.copy(shared_dir / "fixtures" / "img-hre-draft-workplan.docx", folder / "img.docx")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_ledger_rerun_reads_nothing_and_writes_the_same_bytes(folder, tmp_path):
    out = tmp_path / "out"
    assert run(folder, out) == {"files": 5, "parsed": 5, "cached": 0, "duplicate": 0, "failed": 1}
    first = tables_bytes(out)
    stats = run(folder, out)
    assert (stats["parsed"], stats["cached"]) == (0, 5)  # the failed empty file is remembered too
    assert tables_bytes(out) == first
    files, results = ledger_rows(out)
    assert len(files) == len(results) == 5
    assert {r[2] for r in results} == {pipeline_version()}


def test_ledger_one_changed_file_is_read_again(folder, tmp_path):
    out = tmp_path / "out"
    run(folder, out)
    with open(folder / "plan 1.txt", "a", encoding="utf-8") as f:
        f.write("\n2. A new focus area\na) A new activity for UNEP in Q3 2018\n")
    stats = run(folder, out)
    assert (stats["parsed"], stats["cached"]) == (1, 4)
    run(folder, tmp_path / "full", "--full")
    assert tables_bytes(out) == tables_bytes(tmp_path / "full")
    assert b"A new activity for UNEP" in (out / "activities.csv").read_bytes()


def test_ledger_removed_and_added_files(folder, tmp_path):
    out = tmp_path / "out"
    run(folder, out)
    (folder / "plan 2.txt").unlink()
    shutil.copy(folder / "plan 0.txt", folder / "plan 0 copy.txt")
    stats = run(folder, out)
    # The copy comes first in path order, so it yields the records and plan 0 becomes
    # its duplicate. Error messages name the file, so outcomes are keyed by name too:
    # the copy is read once.
    assert stats["parsed"] == 1 and stats["duplicate"] == 1
    files, results = ledger_rows(out)
    assert [Path(f[0]).name for f in files] == ["empty.txt", "img.docx", "plan 0 copy.txt", "plan 1.txt"]
    assert len(results) == 4  # plan 2 is gone, and so is plan 0's outcome (a duplicate needs none)
    run(folder, tmp_path / "full", "--full")
    assert tables_bytes(out) == tables_bytes(tmp_path / "full")


def test_ledger_full_and_changed_limits_read_everything(folder, tmp_path):
    out = tmp_path / "out"
    run(folder, out)
    assert run(folder, out, "--full")["parsed"] == 5
    stats = run(folder, out, "--max-rows", "5")
    assert stats["parsed"] == 5
    docs = (out / "documents.csv").read_text(encoding="utf-8")
    assert "--max-rows" in docs  # img.docx has more than 5 table rows
    assert run(folder, out, "--max-rows", "5")["parsed"] == 0


def test_ledger_damaged_ledger_costs_only_time(folder, tmp_path):
    out = tmp_path / "out"
    run(folder, out)
    first = tables_bytes(out)
    (out / LEDGER_NAME).write_bytes(b"this is not an sqlite file" * 100)
    stats = run(folder, out)
    assert stats["parsed"] == 5
    assert tables_bytes(out) == first
    assert ledger_rows(out)[0]


def test_ledger_unchanged_files_are_not_read_again(folder, tmp_path, monkeypatch):
    """Size and mtime as recorded: the file is neither hashed nor parsed, and the
    previous output's table files are reused (the very same files, linked)."""
    import ingest.batch

    out = tmp_path / "out"
    run(folder, out)
    first = tables_bytes(out)
    inodes = {name: (out / f"{name}.csv").stat().st_ino for name in TABLES}
    hashed = []
    real_digest = ingest.batch.file_digest
    monkeypatch.setattr(ingest.batch, "file_digest", lambda p: hashed.append(p.name) or real_digest(p))
    stats = run(folder, out)
    assert (stats["parsed"], stats["cached"], hashed) == (0, 5, [])
    assert tables_bytes(out) == first
    assert {name: (out / f"{name}.csv").stat().st_ino for name in TABLES} == inodes
    # A touched file is hashed again (same bytes: still not parsed); --verify hashes all.
    os.utime(folder / "img.docx")
    assert run(folder, out)["parsed"] == 0 and hashed == ["img.docx"]
    hashed.clear()
    assert run(folder, out, "--verify")["parsed"] == 0 and len(hashed) == 5


def test_ledger_verify_finds_a_change_that_kept_size_and_mtime(folder, tmp_path):
    out = tmp_path / "out"
    run(folder, out)
    path = folder / "plan 1.txt"
    st = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Note 1.", "Note 9."), encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # as a careless copy tool might
    assert run(folder, out)["parsed"] == 0  # trusted, like make and rsync without --checksum
    assert b"Note 9." not in (out / "notes.csv").read_bytes() + (out / "activities.csv").read_bytes()
    stats = run(folder, out, "--verify")
    assert stats["parsed"] == 1
    run(folder, tmp_path / "full", "--full")
    assert tables_bytes(out) == tables_bytes(tmp_path / "full")


def test_ledger_rerun_imports_no_parser_library(folder, tmp_path):
    """A rerun of unchanged files (batch and tables; report.html and workplan.duckdb
    are another step) loads neither spaCy, pdfplumber, pandas nor pyarrow."""
    out = tmp_path / "out"
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from ingest.batch import run_batch\n"
        "from ingest.ledger import LEDGER_NAME, Ledger\n"
        "from ingest.writers.output import new_temp_folder\n"
        "from ingest.writers.stream import write_batch\n"
        f"out = Path({str(out)!r})\n"
        "tmp = new_temp_folder(out)\n"
        "ledger = Ledger.open(tmp / LEDGER_NAME, [out / LEDGER_NAME])\n"
        f"result = run_batch([{str(folder)!r}], workers=1, ledger=ledger)\n"
        "ledger.finish()\n"
        "write_batch(out, result, {}, tmp=tmp)\n"
        "ledger.close()\n"
        "print(result.stats['parsed'], result.reusable)\n"
        "print(' '.join(m for m in ('spacy', 'pdfplumber', 'pandas', 'pyarrow') if m in sys.modules))\n"
    )
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
            for _ in range(2)]
    assert [done.returncode for done in runs] == [0, 0], runs[-1].stderr
    assert runs[0].stdout.splitlines()[0] == "5 False"
    assert runs[1].stdout.splitlines() == ["0 True", ""]


def test_start_up_imports_no_parser_library():
    """The command and the batch modules load spaCy, pdfplumber, pandas, pyarrow and
    Dask only when a document or a table needs them."""
    script = ("import sys\nimport ingest.cli, ingest.batch, ingest.writers.stream, ingest.executors.dask\n"
              "print(' '.join(m for m in ('spacy', 'pdfplumber', 'pandas', 'pyarrow', 'distributed') "
              "if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []


def test_rerun_reuses_the_report_and_duckdb_built_from_unchanged_tables(folder, tmp_path):
    out = tmp_path / "out"
    run(folder, out)
    inodes = {name: (out / name).stat().st_ino for name in ("report.html", "workplan.duckdb")}
    run(folder, out)
    assert {name: (out / name).stat().st_ino for name in inodes} == inodes  # carried over, not rebuilt
    with open(folder / "plan 1.txt", "a", encoding="utf-8") as f:
        f.write("\n2. A new focus area\na) A new activity for UNEP in Q3 2018\n")
    run(folder, out)
    assert (out / "report.html").stat().st_ino != inodes["report.html"]
    assert "A new activity for UNEP" in (out / "report.html").read_text(encoding="utf-8")


def test_rerun_after_no_report_builds_the_report(folder, tmp_path):
    out = tmp_path / "out"
    run(folder, out, "--no-report")
    assert not (out / "report.html").exists() and (out / "workplan.duckdb").is_file()
    run(folder, out)
    assert (out / "report.html").is_file()
