"""The `workplan-ingest` command line: a thin layer over `ingest.batch`.

Exit status: 0 when the batch completed (even if some documents failed: they are
reported), 1 with --strict when any document failed, 2 on usage errors.
"""

from __future__ import annotations

import json
import platform
import sys
from importlib import metadata
from pathlib import Path
from typing import Annotated  # noqa: UP035 - Optional: the timeline command

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table as RichTable

from parsers.errors import IngestError
from parsers.limits import (
    DEFAULT_MAX_ENTRIES,
    DEFAULT_MAX_FILE_SIZE,
    DEFAULT_MAX_PAGES,
    DEFAULT_MAX_RATIO,
    DEFAULT_MAX_ROWS,
    DEFAULT_MAX_UNCOMPRESSED,
    DEFAULT_MEMORY_LIMIT,
    DEFAULT_TIMEOUT,
    Limits,
    parse_size,
)

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Turn draft workplans (.docx, .pdf, .txt) into clean, tidy tables.")
err = Console(stderr=True)


def _h(n: int) -> str:
    return f"{n // (1024 * 1024 * 1024)}GB" if n % (1024 ** 3) == 0 else f"{n // (1024 * 1024)}MB"


def _size(text: str | int) -> int:
    if isinstance(text, int):  # the default, already in bytes
        return text
    try:
        return parse_size(text)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from e


_SIZE = {"metavar": "SIZE", "parser": _size}


@app.command("run")
def run_command(
    inputs: Annotated[list[Path], typer.Argument(help="Files or folders (searched recursively) to ingest.")],
    out: Annotated[Path, typer.Option(
        "--out", "-o", help="Output folder: new, empty, or written by workplan-ingest before "
                            "(replaced atomically; files of yours in it are kept).")] = Path("data/processed"),
    strict: Annotated[bool, typer.Option("--strict", help="Exit with status 1 if any document failed.")] = False,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress bar; plain lines for failed and partial documents and a "
                              "counts line (as when output is not a terminal).")] = False,
    summary_json: Annotated[Path | None, typer.Option(
        "--summary-json", metavar="PATH", help="Also write the run's counts as JSON to PATH.")] = None,
    full: Annotated[bool, typer.Option(
        "--full", help="Read every file again, ignoring the ledger of earlier runs.")] = False,
    verify: Annotated[bool, typer.Option(
        "--verify", help="Hash every file, even one whose size and mtime the ledger knows.")] = False,
    lang: Annotated[str | None, typer.Option(
        "--lang", help="Language tried first in timelines: en, fr or es (all are read).")] = None,
    fiscal_year_start: Annotated[int | None, typer.Option(
        "--fiscal-year-start", min=1, max=12, metavar="MM",
        help="Month fiscal years start in (7 for July), unless a document states it.")] = None,
    executor: Annotated[str, typer.Option(
        "--executor", help="local (worker processes here) or dask (a Dask cluster; needs the [dask] extra).")
    ] = "local",
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", metavar="ADDRESS", help="Dask scheduler to use (tcp://host:8786); default: a "
                                               "LocalCluster sized to this machine.")] = None,
    ship_bytes: Annotated[bool, typer.Option(
        "--ship-bytes", help="Send file bytes to Dask workers (they need not see the input files).")] = False,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=0, help="Worker processes (default: 2, or 1 on one core). "
                                 "0 reads in this process, without time or memory limits.")] = None,
    timeout: Annotated[float, typer.Option(
        "--timeout", min=0, metavar="SECONDS",
        help="Seconds one document may take; 0 for no limit.")] = DEFAULT_TIMEOUT,
    memory_limit: Annotated[int, typer.Option(
        "--memory-limit", **_SIZE,
        show_default=_h(DEFAULT_MEMORY_LIMIT), help="Memory a worker may use for one document, on top of the loaded pipeline (e.g. 2GB); 0 for no limit.")
    ] = DEFAULT_MEMORY_LIMIT,
    max_file_size: Annotated[int, typer.Option(
        "--max-file-size", **_SIZE,
        show_default=_h(DEFAULT_MAX_FILE_SIZE), help="Largest input file.")] = DEFAULT_MAX_FILE_SIZE,
    max_uncompressed: Annotated[int, typer.Option(
        "--max-uncompressed", **_SIZE,
        show_default=_h(DEFAULT_MAX_UNCOMPRESSED), help="Largest unpacked size of a .docx (all its parts).")
    ] = DEFAULT_MAX_UNCOMPRESSED,
    max_ratio: Annotated[float, typer.Option(
        "--max-ratio", min=1, help="Largest unpack ratio of one .docx part (zip bombs).")] = DEFAULT_MAX_RATIO,
    max_entries: Annotated[int, typer.Option(
        "--max-entries", min=1, help="Most parts in one .docx.")
    ] = DEFAULT_MAX_ENTRIES,
    max_pages: Annotated[int, typer.Option(
        "--max-pages", min=1, help="Most pages in one PDF.")] = DEFAULT_MAX_PAGES,
    max_rows: Annotated[int, typer.Option(
        "--max-rows", min=1, help="Most table rows read from one document; rows past it are dropped "
                                  "and the document is partial.")
    ] = DEFAULT_MAX_ROWS,
    no_report: Annotated[bool, typer.Option(
        "--no-report", help="Do not write report.html (workplan.duckdb is written all the same).")] = False,
    parquet_partitioned: Annotated[bool, typer.Option(
        "--parquet-partitioned", help="Write each table's Parquet as one folder per document, "
                                      "<table>/doc_id=<id>/part-0.parquet (Hive-style), instead of <table>.parquet: "
                                      "a rerun rewrites only new and changed documents (very large corpora).")
    ] = False,
) -> None:
    """Ingest workplans into CSV + Parquet tables (SPEC.md) in the output folder.

    A ledger in the output folder (ledger.sqlite) remembers each file's result, so a
    re-run reads only new or changed files; --full reads everything. Each document
    runs in a worker process that is stopped when it overruns --timeout.

    Example:

        workplan-ingest run data/raw --out data/processed --timeout 60
    """
    from ingest.batch import RunOptions, find_inputs, run_batch
    from ingest.ledger import LEDGER_NAME, Ledger
    from ingest.rows import DocumentRecord
    from ingest.writers.output import leftover_ledgers, new_temp_folder, restore
    from ingest.writers.ownership import OutputRefused, check_output_folder
    from ingest.writers.stream import write_batch

    if lang not in (None, "en", "fr", "es"):
        raise typer.BadParameter("choose one of en, fr, es", param_hint="--lang")
    from ingest.executors import check_executor

    check_executor(executor, typer.BadParameter)
    for item in inputs:
        if not item.exists():
            raise typer.BadParameter(f"No such file or folder: {item}", param_hint="INPUTS")
    try:
        check_output_folder(out, inputs)
    except OutputRefused as e:
        typer.echo(f"Error: {e.message}\n{e.remedy}", err=True)
        raise typer.Exit(2) from e
    files = find_inputs(inputs)
    if not files:
        raise typer.BadParameter("No workplan files (.docx, .pdf, .txt, .md, .xlsx, .csv, ...) found in the inputs.",
                                 param_hint="INPUTS")
    # 0 means "no limit" (None), not "use the default".
    limits = Limits(timeout=timeout or None, memory_limit=memory_limit or None, max_file_size=max_file_size,
                    max_uncompressed=max_uncompressed, max_ratio=max_ratio, max_entries=max_entries,
                    max_pages=max_pages, max_rows=max_rows)
    plain = quiet or not sys.stdout.isatty()
    try:
        restore(out)  # a run killed mid-swap left the previous output aside
        tmp = new_temp_folder(out)
        previous = [] if full else [out / LEDGER_NAME, *leftover_ledgers(out, LEDGER_NAME, keep=tmp)]
        ledger = Ledger.open(tmp / LEDGER_NAME, previous)
    except (IngestError, OSError) as e:
        err.print(f"Error: cannot prepare the output folder {out}: {e}")
        raise typer.Exit(1) from e
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=err, disable=plain, transient=True)
    with progress:
        task = progress.add_task("ingesting", total=len(files))

        def on_progress(source_path: str, row: DocumentRecord) -> None:
            progress.update(task, advance=1, description=f"{Path(source_path).name[:40]}")

        try:
            options = RunOptions(workers=workers, executor=executor, scheduler=scheduler, ship_bytes=ship_bytes,
                                 verify=verify, lang=lang, fiscal_year_start=fiscal_year_start)
            result = run_batch([f for f, _ in files], on_progress=on_progress, limits=limits,
                               ledger=ledger, options=options)
        finally:
            ledger.finish()
    try:
        write_batch(out, result, _run_info(result, limits, full), tmp=tmp, partitioned=parquet_partitioned)
    except IngestError as e:
        err.print(f"Error: {e.message}\n{e.remedy}")
        raise typer.Exit(1) from e
    finally:
        ledger.close()
    from ingest.report.commands import after_run, built_already  # report.html + workplan.duckdb

    if not (result.reusable and built_already(out, html=not no_report)):
        after_run(out, html=not no_report, echo=err.print)
    if plain:
        for line in summary_lines(result, out):
            typer.echo(line)
    else:
        _summary(result, out)
    if summary_json is not None:
        summary_json.write_text(json.dumps(summary_counts(result, out), indent=2) + "\n", encoding="utf-8")
    if strict and result.n_failed():
        raise typer.Exit(1)


@app.command("timeline")
def timeline_command(
    text: str = typer.Argument(..., help="A timeline cell, or - to read one cell per line from stdin."),
    reference_year: int | None = typer.Option(None, "--reference-year", help="Year for cells without one."),
    two_digit_years: bool = typer.Option(False, "--two-digit-years", help='Read "Oct 17" as October 2017.'),
    lang: str | None = typer.Option(None, "--lang", help="Language tried first: en, fr or es (the others "
                                                         "are still read)."),
    fiscal_year_start: int | None = typer.Option(None, "--fiscal-year-start", min=1, max=12, metavar="MM",
                                                 help="Month the fiscal year starts in (7 for July); "
                                                      "without it FY cells are read as calendar years, assumed."),
) -> None:
    """Read timeline text into JSON (raw, start, end, kind, precision, certainty, note).

    Month, quarter and other time words of English, French and Spanish are all
    read whatever --lang says: it only orders the attempts.

    Example:

        workplan-ingest timeline --reference-year 2021 --fiscal-year-start 7 "Q4 FY2021"
    """
    from normalize import timelines as tl

    if lang not in (None, *tl.DEFAULT_CONTEXT.languages):
        raise typer.BadParameter(f"choose one of {', '.join(tl.DEFAULT_CONTEXT.languages)}", param_hint="--lang")
    ctx = tl.TimelineContext(reference_year=reference_year, two_digit_years=two_digit_years,
                             fiscal_year_start=fiscal_year_start, languages=tl.language_order([lang]))
    lines = (line.rstrip("\r\n") for line in sys.stdin) if text == "-" else [text]
    for out_line in tl.timeline_command_lines(lines, ctx):
        typer.echo(out_line)


def _run_info(result, limits: Limits | None = None, full: bool = False) -> dict:
    versions = {}
    for dist in ("workplan-ingest", "python-docx", "pdfplumber", "spacy", "dateparser", "pandas", "pyarrow"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = None
    from dataclasses import asdict

    from ingest.ledger import pipeline_version

    counts = dict(result.counts)
    status = {}
    for d in result.documents:
        status[d.status] = status.get(d.status, 0) + 1
    return {"python": platform.python_version(), "versions": versions, "pipeline": pipeline_version(),
            "counts": counts, "status": status, "files": result.stats, "full": full,
            "limits": asdict(limits) if limits else None, "timings_s": result.timings}


@app.command("report")
def report_command(
    out: Annotated[Path, typer.Argument(help="An output folder written by `workplan-ingest run`.")],
) -> None:
    """Rebuild report.html (the review page) and workplan.duckdb of an output folder
    from its tables.

    Example:

        workplan-ingest report data/processed
    """
    from ingest.report.commands import report_cli

    raise typer.Exit(report_cli(out, echo=typer.echo))


@app.command("diff")
def diff_command(
    old: Annotated[Path, typer.Argument(help="The earlier draft: a document file or an output folder.")],
    new: Annotated[Path, typer.Argument(help="The later draft: a document file or an output folder.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for changes.csv and diff.html.")],
) -> None:
    """What changed between two drafts of one plan: activities added, removed, reworded
    or moved, leads and contributors, timelines, comments. Activities are matched by
    label and text similarity, never by id.

    Example:

        workplan-ingest diff draft-v1.docx draft-v2.docx --out /tmp/changes
    """
    from ingest.report.commands import diff_cli

    raise typer.Exit(diff_cli(old, new, out, echo=typer.echo))


@app.command("codes")
def codes_command(
    markdown: bool = typer.Option(False, "--markdown", help="Print a Markdown table (docs/codes.md)."),
) -> None:
    """List every diagnostic code: severity, whether data was lost, message and remedy.

    Example:

        workplan-ingest codes
    """
    from ingest.codes import catalogue_rows, render_markdown

    if markdown:
        typer.echo(render_markdown(), nl=False)
        return
    for row in catalogue_rows():
        if row["severity"] == "error":
            loss = "  (the document fails)"
        else:
            loss = "  (data lost: the document is partial)" if row["loses_data"] else ""
        typer.echo(f"{row['code']}  [{row['severity']}]{loss}\n    {row['message']}\n    remedy: {row['remedy']}")


def summary_counts(result, out: Path) -> dict:
    """The run's counts: documents by status, records per table, failed and partial files."""
    status = {s: 0 for s in ("ok", "partial", "failed", "duplicate")}
    for d in result.documents:
        status[d.status] = status.get(d.status, 0) + 1
    return {"out": str(out), "documents": len(result.documents), "status": status,
            "records": {name: n for name, n in result.counts.items() if name != "documents"},
            "failed": [d.source_path for d in result.documents if d.status == "failed"],
            "partial": [d.source_path for d in result.documents if d.status == "partial"]}


def summary_lines(result, out: Path) -> list[str]:
    """Plain lines for scripts and logs: one per failed or partial document
    (status, path, what happened), then one counts line."""
    lines = [f"{d.status}\t{d.source_path}\t{_one_line(d.error)}"
             for d in result.documents if d.status in ("failed", "partial")]
    counts = summary_counts(result, out)
    status = " ".join(f"{k}={v}" for k, v in counts["status"].items())
    records = " ".join(f"{k}={v}" for k, v in counts["records"].items())
    lines.append(f"summary\tdocuments={counts['documents']} {status}\t{records}\tout={out}")
    return lines


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _summary(result, out: Path) -> None:
    table = RichTable(title=f"workplan-ingest → {out}")
    for col in ("file", "format", "status", "activities", "warnings", "error"):
        table.add_column(col, overflow="fold")
    for d in result.documents:
        table.add_row(d.file_name, d.format or "", d.status, str(d.n_activities),
                      str(d.n_warnings), (d.error or "")[:80])
    err.print(table)
    counts = result.counts
    err.print(" ".join(f"{k}={v}" for k, v in counts.items()))


def main() -> None:  # pragma: no cover - console entry
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
