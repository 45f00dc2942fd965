"""Write a batch's tables one document at a time (ingest.batch.BatchResult).

Memory stays flat with the number of documents: each table's CSV and Parquet
file is open for appending, every document's rows are sorted and appended in
turn, and Parquet row groups are written as they fill (writers.parquet). The
order is the one a sort of the whole table gives (sort key, then primary key):
documents and diagnostics by source path, the other tables by doc_id and then
position, so a file is byte-identical to one written from all rows at once.

A re-run in which every file used the stored outcome the previous output was
written from (`BatchResult.reusable`) links the previous table files (and the
report and DuckDB file built from them) into the new output instead of writing
them again.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..schema import TABLES
from .output import TableFiles, publish, sorted_values

RECORD_TABLES = tuple(name for name in TABLES if name not in ("documents", "diagnostics"))
# ingest.report.OUTPUT_NAMES, built from the tables after they are written
BUILT_FROM_TABLES = ("workplan.duckdb", "report.html")


def write_batch(out: Path, result, run_info: dict, tmp: Path | None = None) -> None:
    """Write `result` (a BatchResult) as a dataset into `out`, atomically (output.publish)."""
    out = Path(out)

    def fill(folder: Path) -> None:
        if result.reusable and _link_previous(out, folder):
            return
        _write_tables(folder, result)

    publish(out, fill, run_info, tmp=tmp)


def _write_tables(folder: Path, result) -> None:
    files = {name: TableFiles(folder, name) for name in TABLES}
    try:
        files["documents"].write(sorted_values("documents", result.documents))
        for rows in result.iter_diagnostics():
            files["diagnostics"].write(sorted_values("diagnostics", rows))
        for tables in result.iter_records():
            for name in RECORD_TABLES:
                rows = tables.get(name)
                if rows:
                    files[name].write(sorted_values(name, rows))
    finally:
        for table_files in files.values():
            table_files.close()


def _link_previous(out: Path, folder: Path) -> bool:
    """Link (or copy) every table file of the previous output into `folder`; False,
    with nothing linked, when one is missing."""
    names = [f"{name}.{ext}" for name in TABLES for ext in ("csv", "parquet")]
    if not all((out / name).is_file() and not (out / name).is_symlink() for name in names):
        return False
    # the review page and the DuckDB file are made from these tables alone: reuse them too
    built = [name for name in BUILT_FROM_TABLES if (out / name).is_file() and not (out / name).is_symlink()]
    for name in names + built:
        try:
            os.link(out / name, folder / name)
        except OSError:
            shutil.copy2(out / name, folder / name)
    return True
