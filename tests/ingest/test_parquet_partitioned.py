"""`run --parquet-partitioned` (ingest.writers.partitioned): each table as a Hive-style
dataset partitioned by doc_id that reads back as the single-file table, the CSVs of a
default run, and reruns that write only the partitions of changed documents."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from ingest.cli import app
from ingest.schema import TABLES
from ingest.writers import partitioned

runner = CliRunner()
PARTITIONED = "--parquet-partitioned"
HIVE = ds.partitioning(pa.schema([("doc_id", pa.string())]), flavor="hive")


def run(inputs: Path, out: Path, *extra: str, exit_code: int = 0) -> dict:
    result = runner.invoke(app, ["run", str(inputs), "--out", str(out), "--quiet", "--workers", "0", *extra],
                           catch_exceptions=False)
    assert result.exit_code == exit_code, result.output
    return json.loads((out / "run.json").read_text(encoding="utf-8")) if exit_code == 0 else {}


def generated(folder: Path, shared_dir: Path, n: int = 3) -> None:
    """Text workplans made from the shared seeds, each with rows of its own, and a copy."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    for i in range(n):
        text = seeds[i % len(seeds)].read_text(encoding="utf-8")
        (folder / f"plan-{i}.txt").write_text(
            f"Work plan of team {i}\n\n{text}\n\n9. Team activities\n\n\ta) Draft guidance {i}\tUNEP\tQ{i % 4 + 1} 2021\n"
            f"\nNote {i}: prepared by the secretariat.\n", encoding="utf-8")
    shutil.copy(folder / "plan-0.txt", folder / "plan-0 copy.txt")


def files(out: Path) -> dict[str, os.stat_result]:
    """Every partition file of `out` (relative path -> stat)."""
    return {p.relative_to(out).as_posix(): p.stat() for name in TABLES for p in (out / name).glob("*/*.parquet")}


def csv_bytes(out: Path) -> dict[str, bytes]:
    return {name: (out / f"{name}.csv").read_bytes() for name in TABLES}


def doc_ids(out: Path, name: str = "documents") -> set[str]:
    return {p.parent.name.removeprefix("doc_id=") for p in (out / name).glob("*/*.parquet")}


def by_key(table: pa.Table, name: str) -> pa.Table:
    keys = TABLES[name].sort_key + tuple(k for k in TABLES[name].primary_key if k not in TABLES[name].sort_key)
    return table.sort_by([(k, "ascending") for k in keys])


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, shared_dir) -> Path:
    """Real files of every format (shared fixtures and seeds), generated workplans, a
    duplicate, an empty file, one that is no PDF and a link to a file that is gone."""
    folder = tmp_path_factory.mktemp("in")
    generated(folder / "generated", shared_dir)
    for path in sorted((shared_dir / "fixtures").iterdir()) + sorted((shared_dir / "seeds").glob("*.txt")):
        shutil.copy(path, folder / path.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "fake.pdf").write_bytes(b"not a pdf at all")
    (folder / "gone.txt").symlink_to(folder / "missing.txt")
    return folder


@pytest.fixture(scope="module")
def outputs(inputs, tmp_path_factory) -> tuple[Path, Path]:
    """(a default run, a partitioned run) of the same inputs."""
    root = tmp_path_factory.mktemp("out")
    run(inputs, root / "single")
    run(inputs, root / "partitioned", PARTITIONED)
    return root / "single", root / "partitioned"


def test_partitioned_run_writes_the_csvs_of_a_default_run(outputs):
    single, parts = outputs
    assert csv_bytes(parts) == csv_bytes(single)
    assert (parts / "datapackage.json").read_bytes() == (single / "datapackage.json").read_bytes()
    for name in TABLES:
        assert not (parts / f"{name}.parquet").exists()
        assert pq.read_schema(parts / name / "_common_metadata") == pq.read_schema(single / f"{name}.parquet")
        assert doc_ids(parts, name), f"{name}: no partition (the inputs should fill every table)"


def test_partitioned_dataset_reads_as_the_single_file_table(outputs):
    single, parts = outputs
    for name in TABLES:
        expected = pq.read_table(single / f"{name}.parquet")
        dataset = ds.dataset(parts / name, format="parquet", partitioning=HIVE)
        assert dataset.schema == expected.schema, name
        got = dataset.to_table()
        assert got.num_rows == expected.num_rows > 0, name
        assert by_key(got, name).equals(by_key(expected, name)), name
    # partitioning="hive" (types inferred) reads a table of documents with ids the same way
    inferred = ds.dataset(parts / "activities", format="parquet", partitioning="hive").to_table()
    assert by_key(inferred, "activities").equals(by_key(pq.read_table(single / "activities.parquet"), "activities"))


def test_duckdb_reads_the_partitions_as_the_single_file_table(outputs):
    single, parts = outputs
    con = duckdb.connect()
    for name in TABLES:
        one = f"read_parquet('{single / name}.parquet')"
        many = f"read_parquet('{parts / name}/*/*.parquet', hive_partitioning=true)"
        assert con.execute(f"DESCRIBE SELECT * FROM {many}").fetchall() == con.execute(f"DESCRIBE SELECT * FROM {one}").fetchall()
        assert con.execute(f"SELECT count(*) FROM {many}").fetchone() == con.execute(f"SELECT count(*) FROM {one}").fetchone()
        for a, b in ((one, many), (many, one)):
            assert con.execute(f"SELECT * FROM {a} EXCEPT ALL SELECT * FROM {b}").fetchall() == [], name


def test_partitions_hold_a_documents_duplicates_and_the_unreadable_files_apart(outputs):
    _, parts = outputs
    docs = ds.dataset(parts / "documents", format="parquet", partitioning=HIVE).to_table().to_pylist()
    copy = next(d for d in docs if d["status"] == "duplicate")
    first = pq.read_table(parts / "documents" / f"doc_id={copy['doc_id']}" / "part-0.parquet").to_pylist()
    assert sorted(d["source_path"] for d in first) == sorted([copy["source_path"], copy["duplicate_of"]])
    gone = pq.read_table(parts / "documents" / "doc_id=__HIVE_DEFAULT_PARTITION__" / "part-0.parquet").to_pylist()
    assert [(d["file_name"], d["doc_id"], d["status"]) for d in gone] == [("gone.txt", None, "failed")]
    diags = pq.read_table(parts / "diagnostics" / "doc_id=__HIVE_DEFAULT_PARTITION__" / "part-0.parquet")
    assert diags.column("doc_id").to_pylist() == [None]


def test_workplan_duckdb_has_views_over_the_partitions(outputs, tmp_path):
    single, parts = outputs
    con = duckdb.connect(str(parts / "workplan.duckdb"), read_only=True)
    views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    assert set(TABLES) <= views
    old = duckdb.connect(str(single / "workplan.duckdb"), read_only=True)
    for query in ("SELECT * FROM activity_overview ORDER BY ALL", "SELECT * FROM org_workload ORDER BY ALL",
                  "SELECT count(*), count(DISTINCT doc_id) FROM timelines"):
        assert con.execute(query).fetchall() == old.execute(query).fetchall(), query
    con.close()
    assert (parts / "report.html").stat().st_size > 10_000
    result = runner.invoke(app, ["report", str(parts)], catch_exceptions=False)
    assert result.exit_code == 0, result.output


@pytest.fixture()
def small(tmp_path, shared_dir) -> Path:
    """Generated workplans (a duplicate among them) and the EMG plan as .docx."""
    folder = tmp_path / "in"
    generated(folder, shared_dir, n=4)
    shutil.copy(shared_dir / "fixtures" / "emg-workplan-2018.docx", folder / "emg.docx")
    return folder


def test_rerun_writes_only_the_changed_documents_partitions(small, tmp_path):
    out = tmp_path / "out"
    run(small, out, PARTITIONED)
    before, ids = files(out), doc_ids(out)
    edited, removed = small / "plan-2.txt", small / "plan-3.txt"
    doc_of = {Path(d["source_path"]).name: d["doc_id"] for d in _documents(out)}
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\tb) Review the edit\tUNDP\tQ3 2021\n", encoding="utf-8")
    removed.unlink()
    info = run(small, out, PARTITIONED)
    after = files(out)
    gone = {doc_of["plan-2.txt"], doc_of["plan-3.txt"]}
    (new,) = doc_ids(out) - ids
    assert doc_ids(out) == (ids - gone) | {new}
    kept = {path: st for path, st in before.items() if path.split("/")[1].removeprefix("doc_id=") not in gone}
    assert kept and set(kept) <= set(after)
    for path, st in kept.items():  # the same file, not rewritten: linked from the previous output
        assert (after[path].st_ino, after[path].st_mtime_ns) == (st.st_ino, st.st_mtime_ns), path
    fresh = set(after) - set(kept)
    assert fresh == {path for path in after if path.split("/")[1] == f"doc_id={new}"}
    assert {after[path].st_ino for path in fresh}.isdisjoint(st.st_ino for st in before.values())
    assert info["partitions"]["documents_written"] == 1
    assert info["partitions"]["partitions_written"] == len(fresh)
    assert info["partitions"]["partitions_linked"] == len(kept)
    assert not list(tmp_path.glob("out.tmp-*")) and not list(tmp_path.glob("out.old-*"))
    run(small, tmp_path / "default")  # the CSVs are a default run's of the new inputs
    assert csv_bytes(out) == csv_bytes(tmp_path / "default")


def _documents(out: Path) -> list[dict]:
    return ds.dataset(out / "documents", format="parquet", partitioning=HIVE).to_table().to_pylist()


def test_unchanged_rerun_links_every_file(small, tmp_path):
    out = tmp_path / "out"
    (small / "plan-0 copy.txt").unlink()  # a batch with a duplicate never links report.html (ingest.batch)
    run(small, out, PARTITIONED)
    before = files(out)
    kept = {name: (out / name).stat().st_ino for name in [f"{t}.csv" for t in TABLES if t != "documents"]
            + ["workplan.duckdb", "report.html"]}
    info = run(small, out, PARTITIONED)
    assert info["partitions"] == {"partitions_written": 0, "partitions_linked": len(before), "csv_linked": 8,
                                  "documents_reused": len(doc_ids(out)), "documents_written": 0}
    assert {p: st.st_ino for p, st in files(out).items()} == {p: st.st_ino for p, st in before.items()}
    assert {name: (out / name).stat().st_ino for name in kept} == kept


def test_full_reruns_rewrite_the_same_bytes(small, tmp_path):
    out, again = tmp_path / "out", tmp_path / "again"
    run(small, out, PARTITIONED)
    before = {path: (out / path).read_bytes() for path in files(out)}
    inodes = {path: st.st_ino for path, st in files(out).items()}
    info = run(small, out, PARTITIONED, "--full")  # read again: nothing reused
    assert info["partitions"]["partitions_linked"] == 0
    assert {path: (out / path).read_bytes() for path in files(out)} == before
    assert all(files(out)[path].st_ino != ino for path, ino in inodes.items())
    run(small, again, PARTITIONED)
    assert {path: (again / path).read_bytes() for path in files(again)} == before
    assert csv_bytes(again) == csv_bytes(out)


def test_a_failed_rerun_leaves_the_previous_output_whole(small, tmp_path, monkeypatch):
    out = tmp_path / "out"
    run(small, out, PARTITIONED)
    before = {path: (st.st_ino, (out / path).read_bytes()) for path, st in files(out).items()}
    tables = csv_bytes(out)
    (small / "plan-1.txt").write_text("Work plan\n\n1. Focus\n\ta) Something new\tUNEP\tQ1 2022\n", encoding="utf-8")
    calls = []

    def fail_second(*args):
        calls.append(args)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return write_partition(*args)

    write_partition = partitioned.write_partition
    monkeypatch.setattr(partitioned, "write_partition", fail_second)
    run(small, out, PARTITIONED, exit_code=1)
    assert {path: (st.st_ino, (out / path).read_bytes()) for path, st in files(out).items()} == before
    assert csv_bytes(out) == tables
    monkeypatch.undo()
    run(small, out, PARTITIONED)
    assert not list(tmp_path.glob("out.tmp-*"))
    run(small, tmp_path / "default")
    assert csv_bytes(out) == csv_bytes(tmp_path / "default")


def test_switching_layouts_keeps_the_users_files(small, tmp_path):
    out = tmp_path / "out"
    run(small, out, PARTITIONED)
    (out / "mine.md").write_text("my notes\n", encoding="utf-8")
    run(small, out)
    assert (out / "activities.parquet").is_file() and not (out / "activities").exists()
    assert (out / "mine.md").read_text(encoding="utf-8") == "my notes\n"
    run(small, out, PARTITIONED)
    assert not (out / "activities.parquet").exists() and doc_ids(out, "activities")
    assert (out / "mine.md").is_file()
    shutil.rmtree(out / "notes")
    (out / "notes").mkdir()
    (out / "notes" / "todo.txt").write_text("call UNEP\n", encoding="utf-8")
    result = runner.invoke(app, ["run", str(small), "--out", str(out), "--quiet", "--workers", "0", PARTITIONED])
    assert result.exit_code == 1 and "notes" in result.output
    assert (out / "notes" / "todo.txt").read_text(encoding="utf-8") == "call UNEP\n"
    run(small, out)  # the default layout writes no notes/ folder: the user's is carried over
    assert (out / "notes" / "todo.txt").is_file() and (out / "notes.parquet").is_file()
