"""What the `run`, `report` and `diff` commands of ingest.cli do with this package;
the CLI only parses options and calls these."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import OUTPUT_NAMES, write_outputs
from .duckdb_export import DUCKDB_NAME
from .report import REPORT_NAME
from .tables import MissingTables

Echo = Callable[[str], None]


def after_run(out: Path, html: bool, echo: Echo) -> bool:
    """Write workplan.duckdb and report.html into a freshly written output folder.

    The tables are already safe on disk, so a failure here is reported through
    `echo` and leaves them as they are; returns False when something failed.
    """
    try:
        write_outputs(out, html=html)
    except Exception as e:  # noqa: BLE001 - the dataset is written; say what is missing and go on
        _clean(out)
        echo(f"Error: the tables are written, but report.html / workplan.duckdb are not: "
             f"{type(e).__name__}: {e}\nRebuild them with: workplan-ingest report {out}")
        return False
    return True


def built_already(out: Path, html: bool) -> bool:
    """True when a rerun that reused the previous tables also carried over the files
    built from them (ingest.writers.stream), so they need no rebuilding."""
    names = (DUCKDB_NAME, REPORT_NAME) if html else (DUCKDB_NAME,)
    return all((out / name).is_file() for name in names)


def report_cli(out: Path, echo: Echo) -> int:
    """`workplan-ingest report OUT`: rebuild both files; the exit status."""
    out = Path(out)
    if not out.is_dir():
        echo(f"Error: {out} is not a folder.\nGive an output folder written by workplan-ingest run.")
        return 2
    try:
        written = write_outputs(out)
    except MissingTables as e:
        echo(f"Error: {e}\nGive an output folder written by workplan-ingest run.")
        return 2
    for path in written:
        echo(f"wrote {path}")
    return 0


def diff_cli(old: Path, new: Path, out: Path, echo: Echo) -> int:
    """`workplan-ingest diff OLD NEW --out DIR`: write changes.csv and diff.html, print
    a summary; the exit status."""
    from .diff import DiffError, run_diff

    try:
        result = run_diff(Path(old), Path(new), Path(out))
    except DiffError as e:
        echo(f"Error: {e.message}\n{e.remedy}")
        return 2
    for line in result.summary_lines():
        echo(line)
    return 0


def _clean(out: Path) -> None:
    # A half-built file must not look like a finished one.
    for name in OUTPUT_NAMES:
        if name.endswith((".partial", ".wal")):
            (Path(out) / name).unlink(missing_ok=True)
