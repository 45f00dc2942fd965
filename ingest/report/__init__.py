"""What a person looks at after a run: the review page (`report.html`), the
DuckDB file for dashboards (`workplan.duckdb`) and the changes between two
drafts (`diff`).

    write_outputs(out)           # both files into an output folder (run, report)
    render_report(out)           # the page as text

Everything is built from the tables of an output folder (`tables.load_folder`).
"""

from __future__ import annotations

from pathlib import Path

from .duckdb_export import DUCKDB_NAME, write_duckdb
from .report import REPORT_NAME, render_report, write_report

# Every name this package writes into an output folder (ingest.writers.ownership
# lists them as the tool's own, so a rerun replaces them rather than keeping them).
OUTPUT_NAMES = (REPORT_NAME, REPORT_NAME + ".partial", DUCKDB_NAME, DUCKDB_NAME + ".partial",
                DUCKDB_NAME + ".partial.wal", DUCKDB_NAME + ".wal")


def write_outputs(out: Path, html: bool = True) -> list[Path]:
    """Write workplan.duckdb and (unless `html` is False) report.html into output
    folder `out`, from its tables; returns the paths written."""
    written = [write_duckdb(out)]
    if html:
        written.append(write_report(out))
    return written


__all__ = ["OUTPUT_NAMES", "render_report", "write_duckdb", "write_outputs", "write_report"]
