"""The promises of `run` that protect the user's files and mean what the flags say
(issue 8): the output folder, limits of 0, scriptable output, the SPEC's columns."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ingest.cli import app
from ingest.schema import TABLES
from ingest.writers.ownership import MARKER_NAME

runner = CliRunner()


@pytest.fixture
def inputs(tmp_path, seeds_dir) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seeds_dir / "img-hre-draft-workplan.txt", folder / "plan.txt")
    return folder


def run(*args: str):
    return runner.invoke(app, ["run", *args], catch_exceptions=False)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (relative path -> bytes)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- the output folder -------------------------------------------------------------

def test_out_may_be_new_or_empty(inputs, tmp_path):
    assert run(str(inputs), "--out", str(tmp_path / "new" / "deeper"), "-q").exit_code == 0
    (tmp_path / "empty").mkdir()
    assert run(str(inputs), "--out", str(tmp_path / "empty"), "-q").exit_code == 0
    marker = json.loads((tmp_path / "empty" / MARKER_NAME).read_text(encoding="utf-8"))
    assert marker["tool"] == "workplan-ingest" and marker["output_format"] >= 1


def test_out_holding_a_users_files_is_refused_untouched(inputs, tmp_path):
    mine = tmp_path / "mydocs"
    (mine / "drafts").mkdir(parents=True)
    (mine / "notes.txt").write_text("my notes\n", encoding="utf-8")
    (mine / "drafts" / "v1.docx").write_bytes(b"not really")
    before = tree(mine)
    result = run(str(inputs), "--out", str(mine))
    assert result.exit_code == 2
    assert "not written by workplan-ingest" in result.output and "notes.txt" in result.output
    assert "Nothing was changed" in result.output
    assert tree(mine) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "mydocs"]  # no temporary folder either


@pytest.mark.parametrize("where", ["same", "inside", "above"])
def test_out_overlapping_an_input_folder_is_refused(inputs, tmp_path, where):
    out = {"same": inputs, "inside": inputs / "processed", "above": tmp_path}[where]
    before = tree(tmp_path)
    result = run(str(inputs), "--out", str(out))
    assert result.exit_code == 2, result.output
    assert "input" in result.output and "Nothing was changed" in result.output
    assert tree(tmp_path) == before and not (inputs / "processed").exists()


def test_out_holding_an_input_file_is_refused(inputs, tmp_path):
    out = tmp_path / "out"
    assert run(str(inputs), "--out", str(out), "-q").exit_code == 0
    stray = out / "draft.txt"  # a user's file dropped into the output, then named as input
    shutil.copy(inputs / "plan.txt", stray)
    result = run(str(stray), "--out", str(out))
    assert result.exit_code == 2 and "lies inside the output folder" in result.output
    assert stray.exists()


def test_out_that_is_a_file_is_refused(inputs, tmp_path):
    target = tmp_path / "report.csv"
    target.write_text("a,b\n", encoding="utf-8")
    result = run(str(inputs), "--out", str(target))
    assert result.exit_code == 2 and "not a folder" in result.output
    assert target.read_text(encoding="utf-8") == "a,b\n"


def test_rerun_keeps_files_the_tool_did_not_write(inputs, tmp_path):
    out = tmp_path / "out"
    assert run(str(inputs), "--out", str(out), "-q").exit_code == 0
    (out / "README-analyst.md").write_text("how we use this\n", encoding="utf-8")
    (out / "charts").mkdir()
    (out / "charts" / "gantt.png").write_bytes(b"\x89PNG fake")
    first = tree(out)
    assert run(str(inputs), "--out", str(out), "-q", "--full").exit_code == 0
    second = tree(out)
    assert second["README-analyst.md"] == b"how we use this\n"
    assert second["charts/gantt.png"] == b"\x89PNG fake"
    for name in TABLES:  # and the dataset itself is the same
        assert second[f"{name}.csv"] == first[f"{name}.csv"], name
    assert not list(tmp_path.glob("out.*"))


def test_leftovers_the_tool_did_not_write_are_never_removed(inputs, tmp_path):
    lookalike = tmp_path / "out.old-1"  # named like a killed run's folder, but the user's
    lookalike.mkdir()
    (lookalike / "thesis.docx").write_bytes(b"precious")
    assert run(str(inputs), "--out", str(tmp_path / "out"), "-q").exit_code == 0
    assert (lookalike / "thesis.docx").read_bytes() == b"precious"


def test_output_of_a_version_before_the_marker_is_still_ours(inputs, tmp_path):
    out = tmp_path / "out"
    assert run(str(inputs), "--out", str(out), "-q").exit_code == 0
    (out / MARKER_NAME).unlink()  # only files the tool writes are left
    assert run(str(inputs), "--out", str(out), "-q").exit_code == 0
    assert (out / MARKER_NAME).exists()


# --- limits ------------------------------------------------------------------------

def test_zero_means_no_limit_and_is_recorded_as_null(inputs, tmp_path):
    assert run(str(inputs), "--out", str(tmp_path / "a"), "-q", "--timeout", "0", "--memory-limit", "0").exit_code == 0
    limits = json.loads((tmp_path / "a" / "run.json").read_text(encoding="utf-8"))["limits"]
    assert limits["timeout"] is None and limits["memory_limit"] is None
    assert run(str(inputs), "--out", str(tmp_path / "b"), "-q", "--timeout", "30").exit_code == 0
    limits = json.loads((tmp_path / "b" / "run.json").read_text(encoding="utf-8"))["limits"]
    assert limits["timeout"] == 30 and limits["memory_limit"] == 2 * 1024 ** 3


def test_timeline_lang_only_orders_the_languages_tried():
    # Issue 11 brought --lang back as a preference order: every language is still read.
    assert runner.invoke(app, ["timeline", "--lang", "de", "juin"]).exit_code == 2
    for lang in ("en", "fr", "es"):
        for text, start in (("juin", "2021-06-01"), ("junio", "2021-06-01"), ("T3", "2021-07-01")):
            result = runner.invoke(app, ["timeline", "--lang", lang, "--reference-year", "2021", text])
            assert json.loads(result.output)["start"] == start, text


# --- scriptable runs ---------------------------------------------------------------

def test_plain_lines_when_not_a_terminal(inputs, tmp_path):
    (inputs / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    summary = tmp_path / "summary.json"
    result = run(str(inputs), "--out", str(tmp_path / "out"), "--summary-json", str(summary))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert not re.search("[\u2500-\u257f]", result.output)  # no box drawing
    failed = [line for line in lines if line.startswith("failed\t")]
    assert len(failed) == 1 and failed[0].split("\t")[1].endswith("broken.docx") and failed[0].count("\t") == 2
    assert lines[-1].startswith("summary\tdocuments=2 ok=1 partial=0 failed=1 duplicate=0")
    counts = json.loads(summary.read_text(encoding="utf-8"))
    assert counts["documents"] == 2 and counts["status"]["failed"] == 1
    assert counts["failed"][0].endswith("broken.docx")
    assert counts["records"]["activities"] > 0


# --- the SPEC's column lists -------------------------------------------------------

def spec_tables(spec: str) -> dict[str, tuple[list[str], dict[str, set[str]]]]:
    """table -> (columns in SPEC order, column -> allowed values), read from SPEC.md:
    the first back-quoted list under each `### table` heading, with `(a|b)` value
    lists, and the "`col`: `a | b`" or "`col` is one of `a | b`" lines below it."""
    found = {}
    for block in re.split(r"^### ", spec, flags=re.M)[1:]:
        name, body = block.split("\n", 1)
        listing = re.search(r"`([^`]+)`", body).group(1)
        values = {m.group(1): set(m.group(2).split("|"))
                  for m in re.finditer(r"(\w+)\s*\(([\w|]+)\)", listing)}
        columns = [c.strip() for c in re.sub(r"\([^)]*\)", "", listing).split(",")]
        for m in re.finditer(r"`(\w+)`(?::| is one of| says what[^:]*:)\s*`([^`]+\|[^`]+)`", body):
            values[m.group(1)] = {v.strip() for v in m.group(2).split("|")}
        found[name.strip()] = (columns, values)
    return found


# Values beyond SPEC's lists, each for a reason the README gives: spreadsheets (issue 12)
# came after SPEC listed the formats.
EXTENDED_VALUES = {("documents", "format"): {"xlsx", "csv"}}


def test_every_csv_header_starts_with_the_spec_columns(shared_dir, inputs, tmp_path):
    spec = spec_tables((shared_dir / "SPEC.md").read_text(encoding="utf-8"))
    assert set(spec) == set(TABLES)
    assert "evidence" in spec["activities"][0] and "relative" in spec["timelines"][1]["kind"]
    out = tmp_path / "out"
    assert run(str(inputs), "--out", str(out), "-q").exit_code == 0
    for name, (columns, values) in spec.items():
        with open(out / f"{name}.csv", encoding="utf-8", newline="") as f:
            header = next(csv.reader(f))
        assert header[:len(columns)] == columns, name
        extras = [c for c in TABLES[name].columns if c.name not in columns]
        assert all(c.description.startswith("extra") for c in extras), (name, [c.name for c in extras])
        for column, allowed in values.items():
            (schema_column,) = [c for c in TABLES[name].columns if c.name == column]
            assert set(schema_column.enum) - allowed == EXTENDED_VALUES.get((name, column), set()), (name, column)
            assert allowed <= set(schema_column.enum), (name, column)


# --- the code catalogue ------------------------------------------------------------

def test_codes_command_lists_every_catalogued_code_with_its_remedy():
    from parsers.diagnostics import CODES

    result = runner.invoke(app, ["codes"])
    assert result.exit_code == 0
    for code in CODES.values():
        assert f"{code.name}  [{code.severity}]" in result.output
        assert code.remedy in result.output
    markdown = runner.invoke(app, ["codes", "--markdown"]).output
    assert markdown == (Path(__file__).resolve().parents[2] / "docs" / "codes.md").read_text(encoding="utf-8")


def test_partial_documents_get_a_plain_line_and_an_error(tmp_path, seeds_dir):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seeds_dir / "emg-workplan-2018.txt", folder / "plan.txt")
    result = run(str(folder), "--out", str(tmp_path / "out"), "--max-rows", "5", "--workers", "0")
    (line,) = [x for x in result.stdout.splitlines() if x.startswith("partial\t")]
    assert line.split("\t")[1].endswith("plan.txt") and "rows" in line.split("\t")[2]
    with open(tmp_path / "out" / "documents.csv", encoding="utf-8", newline="") as f:
        (doc,) = list(csv.DictReader(f))
    assert doc["status"] == "partial" and doc["error"]
