"""The command line end to end: outputs, re-runs, bad files, usage errors."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from ingest.cli import app
from ingest.schema import TABLES

runner = CliRunner()


@pytest.fixture(scope="module")
def samples(tmp_path_factory, shared_dir) -> Path:
    folder = tmp_path_factory.mktemp("in")
    for f in sorted((shared_dir / "seeds").glob("*.txt")) + sorted((shared_dir / "fixtures").glob("*.docx")):
        shutil.copy(f, folder / f.name)
    return folder


@pytest.fixture(scope="module")
def output(samples, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out") / "processed"
    result = runner.invoke(app, ["run", str(samples), "--out", str(out), "--quiet"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_cli_run_writes_every_table_as_csv_and_parquet(output):
    for name, table in TABLES.items():
        with open(output / f"{name}.csv", encoding="utf-8", newline="") as f:
            header = next(csv.reader(f))  # every CSV has a header, even with no rows
        assert header == table.column_names, name
        rows = read_csv(output / f"{name}.csv")
        parquet = pq.read_table(output / f"{name}.parquet")
        assert parquet.num_rows == len(rows) and parquet.column_names == table.column_names, name
    assert read_csv(output / "activities.csv") and read_csv(output / "timelines.csv")
    assert (output / "datapackage.json").exists() and (output / "run.json").exists()


def test_cli_run_documents_rows(output):
    docs = read_csv(output / "documents.csv")
    assert sorted(d["file_name"] for d in docs) == sorted([
        "emg-workplan-2018.docx", "emg-workplan-2018.txt", "img-hre-draft-workplan.docx",
        "img-hre-draft-workplan.txt"])
    assert {d["status"] for d in docs} == {"ok"}
    assert all(len(d["doc_id"]) == 16 and d["sha256"].startswith(d["doc_id"]) for d in docs)
    assert all(int(d["n_activities"]) > 40 for d in docs)


def test_cli_rerun_gives_byte_identical_csvs(samples, output, tmp_path):
    again = tmp_path / "again"
    runner.invoke(app, ["run", str(samples), "--out", str(again), "--quiet"], catch_exceptions=False)
    for name in TABLES:
        assert (output / f"{name}.csv").read_bytes() == (again / f"{name}.csv").read_bytes(), name


def test_cli_every_record_has_provenance(output):
    for name in ("sections", "activities", "participants", "timelines", "comments", "notes", "events"):
        for row in read_csv(output / f"{name}.csv"):
            assert row["source_ref"], (name, row)


def test_cli_datapackage_is_valid_frictionless(output):
    from frictionless import Package

    report = Package(str(output / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_cli_bad_files_fail_alone(tmp_path, shared_dir):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(shared_dir / "seeds" / "emg-workplan-2018.txt", folder / "good.txt")
    shutil.copy(shared_dir / "seeds" / "emg-workplan-2018.txt", folder / "copy of good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "not really.docx").write_text("just text, not a zip", encoding="utf-8")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(folder), "--out", str(out), "--quiet"], catch_exceptions=False)
    assert result.exit_code == 0
    docs = {Path(d["source_path"]).name: d for d in read_csv(out / "documents.csv")}
    assert docs["copy of good.txt"]["status"] == "ok"
    assert docs["good.txt"]["status"] == "duplicate"
    assert docs["good.txt"]["duplicate_of"].endswith("copy of good.txt")
    for name in ("empty.txt", "not really.docx", "broken.docx"):
        assert docs[name]["status"] == "failed", name
        assert docs[name]["error"], name
    diags = read_csv(out / "diagnostics.csv")
    failed_paths = {d["source_path"] for d in diags if d["severity"] == "error"}
    assert {Path(p).name for p in failed_paths} >= {"empty.txt", "not really.docx", "broken.docx"}
    strict = runner.invoke(app, ["run", str(folder), "--out", str(tmp_path / "o2"), "--quiet", "--strict"])
    assert strict.exit_code == 1


def test_cli_usage_errors_exit_2(tmp_path):
    result = runner.invoke(app, ["run", str(tmp_path / "nope"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["run", str(tmp_path / "empty"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2


def test_cli_timeline_prints_json():
    result = runner.invoke(app, ["timeline", "--reference-year", "2021", "Qs 1 and 2, 2022"])
    assert result.exit_code == 0, result.output
    got = json.loads(result.output)
    assert (got["start"], got["end"], got["kind"]) == ("2022-01-01", "2022-06-30", "range")


def test_cli_timeline_reads_stdin_lines_in_order():
    result = runner.invoke(app, ["timeline", "--reference-year", "2021", "-"], input="June\nTBD\nBy 15 July\n")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["raw"], r["kind"]) for r in rows] == [("June", "point"), ("TBD", "unknown"),
                                                     ("By 15 July", "deadline")]
    assert rows[2]["end"] == "2021-07-15"


def test_cli_every_command_has_help_with_example():
    for command in ("run", "timeline", "codes"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0
        assert "Example:" in result.output
