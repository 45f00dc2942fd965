"""Our own test workplans (tests/documents/), scored against their gold with
../shared/eval/score.py.

They exist because the documents we are judged on include layouts and languages that the
two shared workplans do not show: issue 3 (a French .docx with comments and a Gantt grid,
the same plan as LibreOffice PDFs, a Markdown export) and issue 10 (eight more layout
families, gold written by hand before the pipeline met them: see tests/documents/build.py).

A family the pipeline does not meet yet (overall or fields below 0.95) is marked xfail
(strict=False) with its score at the time in the reason, so the suite stays green and an
improvement shows up as XPASS; drop the mark when it passes."""

from __future__ import annotations

import csv
import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ingest.cli import app

DOCS = Path(__file__).resolve().parent / "documents"
PDFS = Path(__file__).resolve().parent / "parsers" / "pdfs"
FLOOR = 0.95


def _build_module():
    spec = importlib.util.spec_from_file_location("own_documents_build", DOCS / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def run(tmp_path_factory, shared_dir):
    """Every own document through `workplan-ingest run` once, then the shared scorer:
    the output folder and the scorer's rows by predicted file name."""
    folder = tmp_path_factory.mktemp("own")
    _build_module().build_all(folder)
    # The same French plan printed to PDF by LibreOffice, with and without table rules
    # (tests/parsers/pdfs/README.md): one document, the same records in every format.
    for pdf in sorted(PDFS.glob("plan-fr-*.pdf")):
        shutil.copy(pdf, folder / pdf.name)
    out = folder.parent / "own-out"
    result = CliRunner().invoke(app, ["run", str(folder), "--out", str(out), "--quiet"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    json_path = folder.parent / "own-report.json"
    subprocess.run([sys.executable, str(shared_dir / "eval" / "score.py"), "--pred", str(out), "--gold", str(DOCS),
                    "--json", str(json_path)], check=True, capture_output=True, text=True)
    rows = {d["pred_file"]: d for d in json.loads(json_path.read_text(encoding="utf-8"))["documents"]}
    return out, rows


@pytest.fixture(scope="module")
def report(run):
    return run[1]


@pytest.mark.parametrize("name", [
    "plan-fr.docx", "plan-fr-ruled.pdf", "plan-fr-unruled.pdf", "plan-md.md",
    # issue 10 families
    "logframe-numbered.docx",
    "gantt-es.docx",
    "events-annex.docx",
    "pandoc-plan.docx",
    "pandoc-plan.md",
    "pandoc-plan.pdf",
    "action-plan-kv.txt",
    "checklist.md",
    "narrative-only.docx",
    "acronyms-annex.docx",
    "bold-sections.docx",
    "narrow-awp.docx",
    "narrow-awp.pdf",
    "quarter-ticks.docx",
    "quarter-ticks.pdf",
    "wp-tasks.docx",
    "wp-tasks.pdf",
    "inline-fields.docx",
    "inline-fields.pdf",
    "output-bands.docx",
    "output-bands.pdf",
    "owner-table.md",
    "fiscal-plan.docx",
    "fiscal-plan.pdf",
    "labelled-roles.docx",
    "labelled-roles.pdf",
    "task-force.txt",
    "fill-gantt.docx",
    "fill-gantt.pdf",
    "heading-items.docx",
    "heading-items.pdf",
])
def test_own_documents_score(report, name):
    row = report[name]
    assert not row["missing"]
    tables = {t: (v.get("f1"), v.get("skipped")) for t, v in row["tables"].items()}
    assert row["overall"] >= FLOOR, tables
    # a gold without activities (the narrative-only plan) has no `fields`
    assert row["fields"] is None or row["fields"] >= FLOOR, row["fields"]


def _expected_diagnostics():
    cases = []
    for path in sorted(DOCS.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for want in gold.get("expected_diagnostics") or []:
            case = (gold["file"], want["code"], want["severity"], want.get("about"))
            cases.append(pytest.param(*case, id=f"{gold['file']}-{want['code']}-{want.get('about')}"))
    return cases


@pytest.mark.parametrize(("file_name", "code", "severity", "about"), _expected_diagnostics())
def test_own_documents_expected_diagnostics(run, file_name, code, severity, about):
    """The diagnostics a gold file expects (its `expected_diagnostics`, a field the scorer
    ignores): the code at that severity, naming `about` where given."""
    out, _ = run
    with open(out / "documents.csv", encoding="utf-8", newline="") as f:
        doc_ids = {r["doc_id"] for r in csv.DictReader(f) if r["file_name"] == file_name}
    with open(out / "diagnostics.csv", encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["doc_id"] in doc_ids]
    hits = [r for r in rows if r["code"] == code and r["severity"] == severity
            and (about is None or about in r["message"])]
    assert hits, [(r["severity"], r["code"], r["message"]) for r in rows]


@pytest.mark.parametrize("file_name", ["fiscal-plan.docx", "fiscal-plan.pdf"])
def test_a_stated_financial_year_is_the_plan_period(run, file_name):
    """'Annual Plan of Action 2025/26' with 'Financial year: 1 July 2025 – 30 June 2026':
    the period is that fiscal year, not the two calendar years of the title."""
    out, _ = run
    with open(out / "documents.csv", encoding="utf-8", newline="") as f:
        row = next(r for r in csv.DictReader(f) if r["file_name"] == file_name)
    gold = json.loads((DOCS / "fiscal-plan.gold.json").read_text(encoding="utf-8"))
    assert (row["period_start"], row["period_end"]) == (gold["period_start"], gold["period_end"])
