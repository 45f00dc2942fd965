"""Our own test workplans (tests/documents/: French .docx with comments and a Gantt
grid, the same plan as LibreOffice PDFs, a Markdown export), scored against their
gold with ../shared/eval/score.py.

They exist because the documents we are judged on include layouts and languages
that the two shared workplans do not show (issue 3)."""

from __future__ import annotations

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


def _build_module():
    spec = importlib.util.spec_from_file_location("own_documents_build", DOCS / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def report(tmp_path_factory, shared_dir):
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
    return {d["pred_file"]: d for d in json.loads(json_path.read_text(encoding="utf-8"))["documents"]}


@pytest.mark.parametrize("name", ["plan-fr.docx", "plan-fr-ruled.pdf", "plan-fr-unruled.pdf", "plan-md.md"])
def test_own_documents_score(report, name):
    row = report[name]
    assert not row["missing"]
    tables = {t: (v.get("f1"), v.get("skipped")) for t, v in row["tables"].items()}
    assert row["overall"] >= 0.95, tables
    assert row["fields"] >= 0.95, row["fields"]
