"""The catalogue of diagnostic codes (parsers/diagnostics.py) against the code base
and against real inputs: every catalogued code is produced by some input built
here, every code the code base emits is catalogued, templates refuse missing
fields, documents that lose data come out `partial`, and DTDs are refused.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import re
import shutil
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ingest.batch import run_batch
from ingest.cli import app
from ingest.codes import DOCS_PATH, catalogue_rows, render_markdown
from parsers import diagnostics as diag

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("diagnostic_inputs", Path(__file__).with_name("diagnostic_inputs.py"))
inputs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(inputs)
SECRET = "SECRET-4b1d-never-in-output"


def _codes(result) -> set[str]:
    """The codes a batch produced, after checking the status rule on each document:
    a document read is `partial` exactly when one of its diagnostics is a loss."""
    for doc in result.documents:
        codes = [d.code for d in result.tables["diagnostics"] if d.source_path == doc.source_path]
        if doc.status in ("ok", "partial"):
            expected = "partial" if any(diag.loses_data(c) for c in codes) else "ok"
            assert doc.status == expected, (doc.file_name, codes)
    return {d.code for d in result.tables["diagnostics"]}


# ---- what the code base emits -------------------------------------------------------

_EMITTED = re.compile(r"""\b(?:make|failure)\(\s*["']([a-z_]+)["']|^\s+code = ["']([a-z_]+)["']""", re.M)


def emitted_codes() -> dict[str, str]:
    """code -> first file that emits it: make("..."), failure("...") and error classes'
    `code = "..."`, read from the sources like grep would."""
    found: dict[str, str] = {}
    for package in ("parsers", "ingest", "normalize"):
        for path in sorted((ROOT / package).rglob("*.py")):
            for m in _EMITTED.finditer(path.read_text(encoding="utf-8")):
                found.setdefault(m.group(1) or m.group(2), path.relative_to(ROOT).as_posix())
    return found


def test_every_code_the_code_base_emits_is_catalogued():
    emitted = emitted_codes()
    # The scan itself must work: these are emitted in three different ways.
    assert {"page_unreadable", "timeout", "dtd_not_allowed", "ragged_row"} <= emitted.keys()
    missing = {code: where for code, where in emitted.items() if code not in diag.CODES}
    assert not missing, f"emitted but not in parsers/diagnostics.py: {missing}"
    dead = sorted(set(diag.CODES) - emitted.keys())
    assert not dead, f"catalogued but emitted nowhere: {dead}"


def test_every_ingest_error_class_has_a_catalogued_code():
    import ingest.writers.output  # noqa: F401 - error classes defined outside parsers.errors
    import parsers.errors as errors

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    classes = [errors.IngestError, *subclasses(errors.IngestError)]
    assert len(classes) >= 9
    assert [c.__name__ for c in classes if c.code not in diag.CODES] == []


# ---- the catalogue itself -----------------------------------------------------------

def test_catalogue_entries_are_complete_and_honest():
    for code in diag.CODES.values():
        assert code.remedy.strip() and code.template.strip(), code.name
        # A template says what happened in words of its own, not only through its fields.
        assert len(re.sub(r"\{[^}]*\}", "", code.template).split()) >= 2, f"{code.name}: a bare template"
        if code.severity == "error":
            assert code.loses_data, f"{code.name}: a failed document loses everything"
        if code.loses_data:
            assert code.severity != "info", f"{code.name}: a loss is at least a warning"
    assert "parser_warning" not in diag.CODES


def test_make_refuses_missing_and_unexpected_fields_and_unknown_codes():
    with pytest.raises(ValueError, match=r"missing field\(s\) \['error'\]"):
        diag.make("page_unreadable", "page 2", page=2)
    with pytest.raises(ValueError, match=r"unexpected field\(s\) \['detail'\]"):
        diag.make("page_unreadable", "page 2", page=2, error="x", detail="y")
    with pytest.raises(KeyError, match="parser_warning"):
        diag.make("parser_warning", detail="anything")
    with pytest.raises(ValueError, match="cannot be 'info'"):
        diag.make("page_unreadable", "page 2", severity="info", page=2, error="x")
    made = diag.make("page_unreadable", "page 2", page=2, error="PdfminerException: bad filter")
    assert made.message == "Page 2 could not be read (PdfminerException: bad filter); its text is missing."


def test_docs_codes_md_is_the_rendered_catalogue():
    assert DOCS_PATH.read_text(encoding="utf-8") == render_markdown(), \
        'docs/codes.md is stale: python -c "from ingest.codes import write_markdown; write_markdown()"'
    rows = catalogue_rows()
    assert [r["code"] for r in rows] == list(diag.CODES)
    assert {r["code"] for r in rows if r["loses_data"]} >= {"page_unreadable", "rows_truncated"}
    for row in rows:
        assert f"| `{row['code']}` | {row['severity']} |" in render_markdown()


def test_max_rows_keeps_the_first_rows_in_document_order_nested_tables_included():
    from parsers.model import Cell, Document, Paragraph, Row, Table
    from parsers.safety import check_rows

    def table(index, texts, nested=None):
        rows = []
        for r, text in enumerate(texts):
            blocks = (Paragraph(0, text, "x"), *((nested,) if nested and r == 0 else ()))
            rows.append(Row(r, (Cell(r, 0, blocks, "x"),), f"table {index}, row {r + 1}"))
        return Table(0, index, tuple(rows), 1, f"table {index}")

    inner = table(2, ["t2 r1", "t2 r2"])
    doc = Document("x.docx", "docx", (table(1, ["t1 r1", "t1 r2"], inner), Paragraph(0, "after", "p"),
                                      table(3, ["t3 r1"])))
    cut = check_rows(doc, 3)  # t1 r1, then the two rows nested in it; t1 r2 and table 3 go
    assert [[r.source_ref for r in t.rows] for t in cut.iter_tables()] == [["table 1, row 1"],
                                                                           ["table 2, row 1", "table 2, row 2"]]
    assert [b.text for b in cut.blocks if isinstance(b, Paragraph)] == ["after"]  # text is never cut
    (warning,) = cut.diagnostics
    assert (warning.code, warning.source_ref) == ("rows_truncated", "table 1, row 2")
    assert "hold 5 rows" in warning.message and "the last 2 (from table 1, row 2 on)" in warning.message
    assert check_rows(doc, 5) is doc


# ---- every catalogued code from a real input ---------------------------------------------

def _worker_crash(tmp_path: Path) -> dict:
    """A worker killed while it reads: the document waits on a FIFO, so the worker is
    certainly busy with it when this thread kills it (as the OOM killer would)."""
    import multiprocessing as mp
    import signal

    from ingest.worker import Task, WorkerPool
    from parsers.limits import Limits

    fifo = tmp_path / "blocking.txt"
    os.mkfifo(fifo)

    def kill_when_busy():
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:  # succeeds once the worker has opened the FIFO to read it
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                time.sleep(0.05)
                continue
            for child in mp.active_children():
                try:
                    os.kill(child.pid, signal.SIGKILL)
                except ProcessLookupError:  # a child that ended meanwhile (a pool from another test)
                    pass
            os.close(fd)
            return

    killer = threading.Thread(target=kill_when_busy, daemon=True)
    killer.start()
    with WorkerPool(1, Limits(timeout=60, memory_limit=None)) as pool:
        pool.submit(Task(str(fifo), "0" * 16))
        ((_, outcome),) = list(pool.results())
    killer.join(5)
    return outcome


def _raising(exc: BaseException):
    """A stand-in for a function that raises `exc` whatever it is given."""
    def raise_it(*args, **kwargs):
        raise exc
    return raise_it


def produced_codes(tmp_path: Path, pdf_samples, seeds_dir: Path, monkeypatch) -> dict[str, str]:
    """code -> the input or path that produced it."""
    import parsers
    from ingest import worker
    from ingest.writers.output import new_temp_folder
    from ingest.writers.ownership import check_output_folder
    from parsers.docx.numbering import NumberingResolver
    from parsers.errors import IngestError
    from parsers.limits import Limits

    produced: dict[str, str] = {}

    def note(codes, where):
        for code in codes:
            produced.setdefault(code, where)

    folder = tmp_path / "in"
    folder.mkdir()
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    inputs.main_inputs(folder, pdf_samples, seeds_dir)
    empty_bin = tmp_path / "no-soffice"
    empty_bin.mkdir()
    monkeypatch.setenv("PATH", str(empty_bin))  # legacy_format: no LibreOffice here
    note(_codes(run_batch([folder], workers=0)), "main inputs")
    plan = folder / "plan.docx"
    note(_codes(run_batch([plan], workers=0, limits={"max_rows": 3})), "--max-rows 3")
    note(_codes(run_batch([folder / "cp1252.txt"], workers=0, limits={"max_file_size": 10})), "--max-file-size")
    monkeypatch.setenv("PATH", str(inputs.fake_soffice(tmp_path / "bin", plan)))
    note(_codes(run_batch([folder / "legacy.doc"], workers=0)), "legacy.doc, soffice on PATH")
    big = inputs.docx_with_table(tmp_path / "big.docx", 3000)  # seconds of work: overruns 0.05 s
    note(_codes(run_batch([big], workers=1, limits={"timeout": 0.05})), "a worker and --timeout 0.05")
    note([_worker_crash(tmp_path)["code"]], "a worker killed mid-document")
    # A worker that does not report ready in time (START_TIMEOUT) costs its document.
    monkeypatch.setattr(worker, "START_TIMEOUT", 0.0)
    note(_codes(run_batch([folder / "nul.txt"], workers=1)), "a worker that never starts")
    monkeypatch.undo()

    # Output folder errors are the command's, not a document's: asked of the writers.
    for attempt in (lambda: new_temp_folder(folder / "nul.txt" / "out"),
                    lambda: check_output_folder(folder, [tmp_path / "elsewhere"])):
        with pytest.raises(IngestError) as err:
            attempt()
        note([err.value.code], "output folder")

    # No input makes these: a bug, or an allocation failure that needs a process
    # capped near its limit (tests/ingest/test_hostile_limits.py does that for
    # real). They are raised where the parser would raise them, and the same code
    # paths (run_document, BodyReader) turn them into diagnostics.
    limits = Limits(timeout=None, memory_limit=50 << 20)
    for exc, where in ((MemoryError(), "parse runs out of memory"), (RuntimeError("bug"), "a bug in a parser")):
        with monkeypatch.context() as m:
            m.setattr(parsers, "parse", _raising(exc))
            note([worker.run_document(worker.Task(str(plan), "0" * 16), limits)["code"]], where)
    with monkeypatch.context() as m:
        m.setattr(NumberingResolver, "label", _raising(RuntimeError("bug in list numbering")))
        note(_codes(run_batch([folder / "lists.docx"], workers=0)), "a bug in list numbering")
    # worker_lost: what Dask raises for a task whose worker died twice (tests/ingest/test_dask.py
    # kills a LocalCluster worker twice for real; a cluster here would cost seconds).
    from distributed import KilledWorker

    from ingest.executors.dask import outcome_of_error
    note([outcome_of_error(KilledWorker("wpi-task", "tcp://worker", 1))["code"]], "a Dask worker lost twice")
    return produced


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="the worker-crash input is a FIFO")
def test_every_catalogued_code_is_produced_by_an_input(tmp_path, pdf_samples, seeds_dir, monkeypatch):
    produced = produced_codes(tmp_path, pdf_samples, seeds_dir, monkeypatch)
    missing = sorted(set(diag.CODES) - set(produced))
    assert not missing, f"catalogued but produced by no input: {missing}"
    unknown = sorted(set(produced) - set(diag.CODES))
    assert not unknown, f"produced but not catalogued: {unknown}"


# ---- partial and DTDs through the command line ---------------------------------------------

def run_cli(folder: Path, out: Path, *options: str) -> dict[str, list[dict]]:
    """documents and diagnostics rows of `workplan-ingest run folder --out out`."""
    result = CliRunner().invoke(app, ["run", str(folder), "--out", str(out), "--quiet", "--workers", "0",
                                      *options], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    tables = {}
    for name in ("documents", "diagnostics", "activities"):
        with open(out / f"{name}.csv", encoding="utf-8", newline="") as f:
            tables[name] = list(csv.DictReader(f))
    return tables


@pytest.fixture(scope="module")
def partial_run(tmp_path_factory, pdf_samples):
    base = tmp_path_factory.mktemp("partial")
    folder = base / "in"
    folder.mkdir()
    inputs.broken_page_pdf(folder / "broken-page.pdf")
    shutil.copy(folder / "broken-page.pdf", folder / "copy-of-broken-page.pdf")
    pdf_samples.annotated(folder / "annotated.pdf")
    inputs.damaged_comments_docx(folder / "comments.docx")
    inputs.docx_with_table(folder / "big-table.docx", 5)
    # Loses nothing (a no_work_structure note is no loss): ok.
    inputs.write_docx(folder / "clean.docx", f"<w:body>{inputs.p('Work plan 2021')}{inputs.p('Focus areas')}</w:body>")
    out = base / "out"  # a fresh folder beside the inputs, never inside them
    return folder, out, run_cli(folder, out, "--max-rows", "3")


@pytest.mark.parametrize("name, code, words", [
    ("broken-page.pdf", "page_unreadable", "Page 2 could not be read"),
    ("annotated.pdf", "annotation_incomplete", "on page 1 lacks /Rect"),
    ("comments.docx", "part_unreadable", "Part word/comments.xml (comments) could not be read"),
    ("big-table.docx", "rows_truncated", "hold 6 rows, more than the limit of 3: the first 3 rows were "
                                         "read and the last 3 (from table 1, row 4 on) dropped"),
])
def test_a_document_that_loses_data_is_partial(partial_run, name, code, words):
    _, _, tables = partial_run
    doc = next(d for d in tables["documents"] if d["file_name"] == name)
    diags = [d for d in tables["diagnostics"] if d["doc_id"] == doc["doc_id"] and d["code"] == code]
    assert doc["status"] == "partial", doc
    assert len(diags) == 1 and diags[0]["severity"] == "warning" and words in diags[0]["message"], diags
    assert words in doc["error"] and diag.CODES[code].remedy in doc["error"]


def test_partial_documents_yield_records_and_duplicates_and_ok_stays_ok(partial_run):
    _, _, tables = partial_run
    docs = {d["file_name"]: d for d in tables["documents"]}
    assert docs["clean.docx"]["status"] == "ok" and not docs["clean.docx"]["error"]
    assert int(docs["clean.docx"]["n_warnings"]) == 0  # no_work_structure is a note, not a warning
    clean_diags = [d for d in tables["diagnostics"] if d["doc_id"] == docs["clean.docx"]["doc_id"]]
    assert [(d["code"], d["severity"]) for d in clean_diags] == [("no_work_structure", "info")]
    assert docs["copy-of-broken-page.pdf"]["status"] == "duplicate"
    assert docs["copy-of-broken-page.pdf"]["duplicate_of"].endswith("broken-page.pdf")
    big = docs["big-table.docx"]
    kept = [a for a in tables["activities"] if a["doc_id"] == big["doc_id"]]
    # The header and the first two activities are read; activities 2-4 are dropped.
    assert int(big["n_activities"]) == len(kept) == 2
    assert [a["text"] for a in kept] == ["Activity 0", "Activity 1"]


def test_the_ledger_keeps_partial_outcomes(partial_run):
    folder, out, tables = partial_run
    again = run_cli(folder, out, "--max-rows", "3")
    files = json.loads((out / "run.json").read_text(encoding="utf-8"))["files"]
    assert files["parsed"] == 0 and files["cached"] == 5  # the duplicate is never read
    assert again["documents"] == tables["documents"]


def test_a_dtd_in_any_part_fails_the_docx_and_nothing_leaks(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    inputs.xxe_docx(folder / "xxe.docx", secret)
    # word/settings.xml is a part the parser never reads: refused all the same.
    inputs.write_docx(folder / "settings.docx", f"<w:body>{inputs.p('a) Text')}</w:body>", {
        "word/settings.xml": f'<!DOCTYPE s [<!ENTITY e SYSTEM "{secret.as_uri()}">]><w:settings>&e;</w:settings>'})
    out = tmp_path / "out"
    tables = run_cli(folder, out)
    for name, part in (("xxe.docx", "word/document.xml"), ("settings.docx", "word/settings.xml")):
        doc = next(d for d in tables["documents"] if d["file_name"] == name)
        (error,) = [d for d in tables["diagnostics"] if d["doc_id"] == doc["doc_id"]]
        assert doc["status"] == "failed" and error["code"] == "dtd_not_allowed"
        assert error["message"].startswith(f"{part} declares a DTD") and error["message"] == doc["error"]
    for path in out.glob("*.csv"):
        assert SECRET not in path.read_text(encoding="utf-8"), path.name
