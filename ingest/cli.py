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
from typing import List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table as RichTable

from parsers.errors import IngestError

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Turn draft workplans (.docx, .pdf, .txt) into clean, tidy tables.")
err = Console(stderr=True)


@app.command("run")
def run_command(
    inputs: List[Path] = typer.Argument(..., help="Files or folders (searched recursively) to ingest."),
    out: Path = typer.Option(Path("data/processed"), "--out", "-o", help="Output folder (replaced atomically)."),
    strict: bool = typer.Option(False, "--strict", help="Exit with status 1 if any document failed."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
) -> None:
    """Ingest workplans into CSV + Parquet tables (SPEC.md) in the output folder.

    Example:

        workplan-ingest run data/raw --out data/processed
    """
    from ingest.batch import find_inputs, run_batch
    from ingest.writers import write_dataset

    for item in inputs:
        if not item.exists():
            raise typer.BadParameter(f"No such file or folder: {item}", param_hint="INPUTS")
    files = find_inputs(inputs)
    if not files:
        raise typer.BadParameter("No .docx, .docm, .pdf or .txt files found in the inputs.",
                                 param_hint="INPUTS")
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=err, disable=quiet, transient=True)
    with progress:
        task = progress.add_task("ingesting", total=len(files))

        def on_progress(source_path: str, row: dict) -> None:
            progress.update(task, advance=1, description=f"{Path(source_path).name[:40]}")

        result = run_batch([f for f, _ in files], on_progress=on_progress)
    try:
        write_dataset(out, result.tables, _run_info(result))
    except IngestError as e:
        err.print(f"Error: {e.message}\n{e.remedy}")
        raise typer.Exit(1) from e
    if not quiet:
        _summary(result, out)
    if strict and result.n_failed():
        raise typer.Exit(1)


@app.command("timeline")
def timeline_command(
    text: str = typer.Argument(..., help="A timeline cell, or - to read one cell per line from stdin."),
    reference_year: Optional[int] = typer.Option(None, "--reference-year", help="Year for cells without one."),
    two_digit_years: bool = typer.Option(False, "--two-digit-years", help='Read "Oct 17" as October 2017.'),
    lang: str = typer.Option("en", "--lang", help="Language hint: en, fr or es."),
) -> None:
    """Read timeline text into JSON (raw, start, end, kind, precision, certainty, note).

    Example:

        workplan-ingest timeline --reference-year 2021 "Qs 1 and 2, 2022"
    """
    from normalize import timelines as tl

    if lang not in ("en", "fr", "es"):
        raise typer.BadParameter("choose en, fr or es", param_hint="--lang")
    ctx = tl.TimelineContext(reference_year=reference_year, two_digit_years=two_digit_years, lang=lang)
    lines = (line.rstrip("\r\n") for line in sys.stdin) if text == "-" else [text]
    for out_line in tl.timeline_command_lines(lines, ctx):
        typer.echo(out_line)


def _run_info(result) -> dict:
    versions = {}
    for dist in ("workplan-ingest", "python-docx", "pdfplumber", "spacy", "dateparser", "pandas", "pyarrow"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = None
    counts = {name: len(rows) for name, rows in result.tables.items()}
    status = {}
    for d in result.documents:
        status[d["status"]] = status.get(d["status"], 0) + 1
    return {"python": platform.python_version(), "versions": versions, "counts": counts,
            "status": status, "timings_s": result.timings}


def _summary(result, out: Path) -> None:
    table = RichTable(title=f"workplan-ingest → {out}")
    for col in ("file", "format", "status", "activities", "warnings", "error"):
        table.add_column(col, overflow="fold")
    for d in result.documents:
        table.add_row(d["file_name"], d["format"] or "", d["status"], str(d["n_activities"]),
                      str(d["n_warnings"]), (d["error"] or "")[:80])
    err.print(table)
    counts = {k: len(v) for k, v in result.tables.items()}
    err.print(" ".join(f"{k}={v}" for k, v in counts.items()))


def main() -> None:  # pragma: no cover - console entry
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
